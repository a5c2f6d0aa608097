"""Issue 28, finding 3: button payloads and typed text pass the same masking gate on every channel."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest

from channels.conversation import ReplyOutput, run_turn
from channels.gate import guard_button, guard_incoming


class Output(ReplyOutput):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    async def send_reply(self, text: str, choices: list, links: list) -> None:
        self.sent += 1


def _through_run_turn(text: str, is_button: bool) -> Any:
    received = []

    async def on_new_message(message: Any) -> None:
        received.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "ok"})

    asyncio.run(run_turn(object(), on_new_message, Output(), "s1", text, is_button, {"message_id": "m1"}))
    return received[0]


@pytest.mark.parametrize("payload", ['/groet{"nummer": "06 - 48213388"}', '/bevestigen{"bsn": "246-810-002"}',
                                     '/groet{"x": "(010) 1234567"}', "/groet{\"t\": \"0612345678\"}"])
def test_forged_callback_data_and_reply_ids_are_masked_before_rasa(payload, settings_env):
    message = _through_run_turn(payload, is_button=True)
    assert not any(ch.isdigit() for ch in message.text), message.text
    assert message.text.startswith(payload.split("{")[0] + "{")
    assert guard_button(payload) == message.text


def test_a_real_button_payload_is_unchanged(settings_env):
    assert _through_run_turn('/kies_moment{"moment": "ochtend"}', is_button=True).text == \
        '/kies_moment{"moment": "ochtend"}'


def test_direction_controls_are_removed_from_typed_text(settings_env):
    guarded = asyncio.run(guard_incoming(None, "s1", "ik heb \u202eneeb\u202c schulden\u200b"))
    assert "\u202e" not in guarded.text and "\u200b" not in guarded.text and "\u202c" not in guarded.text


def test_dictated_punctuation_is_read_before_rasa(settings_env):
    """Residents' round 45: "mag mijn dochter erbij zijn vraagteken" was no question, so it was never answered."""
    guarded = asyncio.run(guard_incoming(None, "s1", "mag mijn dochter erbij zijn vraagteken"))
    assert guarded.text == "mag mijn dochter erbij zijn?"
