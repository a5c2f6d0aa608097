"""`may_write_a_ticket` never says no to a turn that writes a ticket or flags a crisis.

Rasa sends the action server the worry's earlier messages only on turns it says yes to; a no on a
turn that does write a ticket would give the coordinator a ticket without the resident's words.
"""
from pathlib import Path

import yaml

from bot.conversation import callback_form
from bot.conversation.dialogue import (
    PENDING_QUESTIONS,
    WAIT_VEILIGHEID,
    State,
    may_write_a_ticket,
    next_step,
)
from bot.ops.settings import PROJECT_ROOT

INTENTS = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"] + ["nlu_fallback"]
WAITS = [None, *sorted(PENDING_QUESTIONS | {WAIT_VEILIGHEID}),
         *(callback_form.wait_for(step) for step in callback_form.STEPS)]
TEXTS = ["ja", "maakt niet uit", "Sanne de Vries", "06 12345678", "stop", "asdfgh", "ik heb schulden"]
PARSE = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}], "doelgroepen": []}


def states(wacht_op):
    """The conversation at that question: a fresh one, one with the form nearly filled in, one after a crisis."""
    base = State(wacht_op=wacht_op, leefgebieden={"financien": {"confidence": 0.9, "evidence": ["schulden"]}},
                 voor_wie="zelf", route="meedenker")
    filled = State(**{**base.__dict__, "form_id": "f1", "contact": {"name": "Sanne", "phone": "+31612345678"},
                      "formulier": {"moment": "ochtend", "gemeente": "Tholen"}, "vermoed_crisis": "crisis_113",
                      "vorige_wacht": callback_form.wait_for("gemeente")})
    booked = State(**{**base.__dict__, "ticket_id": "MD-TEST01", "vorige_wacht": callback_form.wait_for("contact")})
    return [State(wacht_op=wacht_op), base, filled, State(**{**filled.__dict__, "crisis_route": "crisis_113"}), booked]


def test_every_turn_with_an_effect_is_one_that_gets_the_conversation():
    effects_seen = set()
    for wacht_op in WAITS:
        for intent in INTENTS:
            for state in states(wacht_op):
                for text in TEXTS:
                    for parse in (None, PARSE):
                        reply = next_step(state, intent, parse, text)
                        effects_seen.update(reply.effects)
                        # A change to a written ticket needs no earlier messages; writing one does.
                        if set(reply.effects) & {"submit_callback", "flag_crisis"}:
                            assert may_write_a_ticket(wacht_op, intent), (wacht_op, intent, text, reply.effects)
    # The search reached every effect, so the assertion above was put to the test.
    assert effects_seen == {"submit_callback", "flag_crisis", "update_ticket"}


def test_most_turns_do_not_get_the_conversation():
    assert not may_write_a_ticket(None, "hulpvraag")
    assert not may_write_a_ticket(callback_form.wait_for("naam"), "hulpvraag")
    assert not may_write_a_ticket("aanbod", "bevestigen")
    assert not may_write_a_ticket(callback_form.wait_for(callback_form.STEPS[-1]), "hulpvraag")
    assert may_write_a_ticket("controle", "bevestigen")  # the read-back's "ja" writes the ticket
    assert may_write_a_ticket(None, "crisis_113") and may_write_a_ticket(WAIT_VEILIGHEID, "bevestigen")
