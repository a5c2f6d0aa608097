"""The consent to one question after closing, asked right after the callback ticket on Telegram and
WhatsApp only, recorded on the ticket with the address encrypted (issue 29, part 3)."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.conversation.callback import Services
from bot.followup.consent import ADDRESS_KEY, WAIT_CONSENT
from bot.followup.records import Followups, answer_payload
from bot.conversation.intake import guard
from bot.municipality.office_hours import load_office_hours
from bot.queue import TicketStore
from bot.queue.crypto import SenderHasher
from bot.ops.sender_ids import conversation_id
from bot.ops.settings import PROJECT_ROOT
from bot.municipality.sociale_kaart import load_sociale_kaart
from bot.conversation.turn import run_turn
from channels.followup import address_metadata
from tests.bot.queue.helpers import KEY

CHAT_ID = "770011223"
WERKMODEL = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}], "doelgroepen": []}


@pytest.fixture
def services(tmp_path: Path) -> Services:
    store = TicketStore(f"sqlite:///{tmp_path / 'queue.db'}", KEY)
    store.migrate()
    yield Services(store, load_sociale_kaart(PROJECT_ROOT / "config" / "sociale_kaart"),
                   load_office_hours(PROJECT_ROOT / "config" / "office_hours.yml"), SenderHasher(KEY))
    store.close()


def conversation(channel: str, services: Services):
    sender = conversation_id(channel, CHAT_ID, KEY)
    metadata = address_metadata(CHAT_ID, KEY) if channel in ("telegram", "whatsapp") else {}

    def say(slots, text, intent="hulpvraag", werkmodel=None, step=None):
        guarded = guard(text, step, KEY)
        message = {"text": guarded.text, "intent": {"name": intent}, "werkmodel": werkmodel,
                   "metadata": {**guarded.metadata, **metadata}}
        return run_turn(slots, message, channel, sender, lambda: ["ik heb schulden"], lambda: services, KEY)

    def to_ticket():
        turn = say({}, "ik heb schulden", werkmodel=WERKMODEL)
        for _ in range(3):
            turn = say(turn.slots, "ja", "bevestigen")
        for text, step in [("Goes", None), ("Sanne", "naam"), ("06 12345678", "contact"), ("ochtend", None),
                           ("maakt niet uit", None)]:
            turn = say(turn.slots, text, step=step)
        return say(turn.slots, "ja", "bevestigen")  # "Klopt dit?"

    return sender, say, to_ticket


@pytest.mark.parametrize("channel", ["telegram", "whatsapp"])
def test_a_yes_keeps_the_address_encrypted_on_the_ticket(services, channel):
    sender, say, to_ticket = conversation(channel, services)
    turn = to_ticket()
    assert [n for n, _ in turn.responses][-1] == "utter_nazorg_vraag" and turn.slots["wacht_op"] == WAIT_CONSENT
    turn = say(turn.slots, "ja", "bevestigen")
    assert turn.responses == [("utter_nazorg_ja", {})] and turn.slots["wacht_op"] is None
    (ticket,) = services.store.list()
    assert ticket.followup_status == "agreed" and ticket.channel == channel
    assert services.store.unseal(ticket.followup_address_encrypted) == {"channel": channel, "address": CHAT_ID}
    with services.store.session_factory() as session:
        row = session.execute(sa.text("SELECT * FROM meedenker_tickets")).one()
    assert CHAT_ID not in str(tuple(row))  # only ciphertext in the database
    assert [e.action for e in services.store.history(ticket.id)][-1] == "followup_consent"


def test_a_no_stores_nothing_and_says_so(services):
    _sender, say, to_ticket = conversation("telegram", services)
    turn = say(to_ticket().slots, "nee", "ontkennen")
    assert turn.responses == [("utter_nazorg_nee", {})]
    (ticket,) = services.store.list()
    assert ticket.followup_status is None and ticket.followup_address_encrypted is None


def test_the_website_widget_is_never_asked(services):
    _sender, _say, to_ticket = conversation("rest", services)
    turn = to_ticket()
    assert "utter_nazorg_vraag" not in [n for n, _ in turn.responses] and turn.slots["wacht_op"] is None


def test_anything_else_lets_the_question_lapse_and_is_answered_as_usual(services):
    _sender, say, to_ticket = conversation("whatsapp", services)
    turn = say(to_ticket().slots, "hallo", "groet")
    assert turn.responses == [("utter_groet", {})] and turn.slots["wacht_op"] is None
    crisis = say(turn.slots, "ik wil er niet meer zijn", "crisis_113")
    assert crisis.slots["crisis_route"] == "crisis_113"
    assert services.store.list()[0].followup_status is None


def test_a_yes_without_a_sealed_address_sends_nothing(services):
    sender, say, to_ticket = conversation("telegram", services)
    turn = to_ticket()
    message = {"text": "ja", "intent": {"name": "bevestigen"}, "metadata": {ADDRESS_KEY: "forged"}}
    turn = run_turn(turn.slots, message, "telegram", sender, list, lambda: services, KEY)
    assert turn.responses == [("utter_nazorg_nee", {})]
    assert services.store.list()[0].followup_status is None


def test_only_the_residents_own_conversation_can_answer_once(services):
    sender, say, to_ticket = conversation("telegram", services)
    say(to_ticket().slots, "ja", "bevestigen")
    (ticket,) = services.store.list()
    followups = Followups(services.store)
    payload = answer_payload(ticket.id, "geholpen")
    assert followups.answer(payload, "telegram", sender) == "unknown"  # not sent yet
    with services.store.session_factory.begin() as session:
        session.execute(sa.text("UPDATE meedenker_tickets SET followup_status = 'sent'"))
    other = conversation_id("telegram", "999", KEY)
    assert followups.answer(payload, "telegram", other) == "unknown"
    assert followups.answer(payload, "whatsapp", sender) == "unknown"
    assert followups.answer(f"nazorg:{ticket.id}:super", "telegram", sender) == "unknown"
    assert followups.answer(payload, "telegram", sender) == "recorded"
    assert followups.answer(answer_payload(ticket.id, "geen_contact"), "telegram", sender) == "again"
    stored = services.store.get(ticket.id)
    assert (stored.followup_status, stored.followup_answer) == ("answered", "geholpen")
    assert stored.followup_address_encrypted is None  # nothing more will be sent there
