"""The REST channel labels each message with its response, so the widget can mark crisis replies."""
from __future__ import annotations

import asyncio

from channels.rest import LabellingCollector


def _send(*messages: dict) -> list[dict]:
    collector = LabellingCollector()

    async def run() -> None:
        for message in messages:
            await collector.send_response("u1", dict(message))

    asyncio.run(run())
    return collector.messages


def test_crisis_responses_are_marked_and_named():
    sent = _send({"text": "Bel 113.", "buttons": [{"title": "Bel 113", "url": "tel:113"}],
                  "utter_action": "utter_crisis_113"})
    assert sent == [{"recipient_id": "u1", "text": "Bel 113.", "buttons": [{"title": "Bel 113", "url": "tel:113"}],
                     "response": "utter_crisis_113", "crisis": True}]


def test_other_responses_are_named_but_not_crisis():
    sent = _send({"text": "Hallo!", "utter_action": "utter_groet"}, {"text": "Zonder naam."})
    assert sent[0]["response"] == "utter_groet" and "crisis" not in sent[0]
    assert sent[1] == {"recipient_id": "u1", "text": "Zonder naam."}


def test_every_part_of_a_split_crisis_text_is_marked():
    sent = _send({"text": "Deel een.\n\nDeel twee.", "utter_action": "utter_crisis_112"})
    assert [m["text"] for m in sent] == ["Deel een.", "Deel twee."]
    assert all(m["crisis"] for m in sent)
