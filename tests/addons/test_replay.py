"""addons/replay.py: which stored answers a resent message id gets back (Rasa's own events)."""
from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from addons.replay import stored_answers


def conversation() -> list:
    return [
        ActionExecuted("action_listen"),
        UserUttered("hallo", metadata={"message_id": "m-1"}),
        ActionExecuted("action_reageer"),
        BotUttered("Goedendag. Ik ben een computer.", metadata={"utter_action": "utter_welkom"}),
        SlotSet("wacht_op", "samenvatting"),
        BotUttered("Klopt dit?", data={"buttons": [{"title": "Ja", "payload": "/bevestigen"}]},
                   metadata={"utter_action": "utter_samenvatting"}),
        ActionExecuted("action_listen"),
        UserUttered("ja", metadata={"message_id": "m-2"}),
        ActionExecuted("action_reageer"),
        BotUttered("Dank u.", metadata={"utter_action": "utter_dank"}),
        ActionExecuted("action_listen"),
    ]


def test_a_resent_id_gets_exactly_the_answers_of_its_own_turn_with_buttons_and_names():
    answers = stored_answers(conversation(), "m-1")
    assert [a["text"] for a in answers] == ["Goedendag. Ik ben een computer.", "Klopt dit?"]
    assert answers[1]["buttons"] == [{"title": "Ja", "payload": "/bevestigen"}]
    assert [a["utter_action"] for a in answers] == ["utter_welkom", "utter_samenvatting"]
    assert [a["text"] for a in stored_answers(conversation(), "m-2")] == ["Dank u."]


def test_an_unknown_id_or_a_message_without_id_is_new():
    assert stored_answers(conversation(), "m-3") is None
    assert stored_answers([UserUttered("hallo")], "m-1") is None
    assert stored_answers([], "m-1") is None


def test_a_stored_turn_that_sent_nothing_is_still_known():
    events = [UserUttered("hmm", metadata={"message_id": "m-9"}), ActionExecuted("action_listen")]
    assert stored_answers(events, "m-9") == []
