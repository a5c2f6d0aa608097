"""One turn carried out: slots keep contact details only encrypted, effects write tickets,
and a broken queue never silences the resident."""
from base64 import urlsafe_b64encode
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot.conversation.callback import Services
from bot.conversation.intake import guard
from bot.municipality.office_hours import load_office_hours
from bot.queue import TicketStore
from bot.queue.crypto import SenderHasher
from bot.ops.settings import PROJECT_ROOT
from bot.municipality.sociale_kaart import load_sociale_kaart
from bot.conversation.turn import CONTACT_SLOT, run_turn

KEY = urlsafe_b64encode(b"t" * 32).decode()


@pytest.fixture
def services(tmp_path: Path) -> Services:
    store = TicketStore(f"sqlite:///{tmp_path / 'queue.db'}", KEY)
    store.migrate()
    yield Services(store, load_sociale_kaart(PROJECT_ROOT / "config" / "sociale_kaart"),
                   load_office_hours(PROJECT_ROOT / "config" / "office_hours.yml"), SenderHasher(KEY))
    store.close()


def say(slots, text, services, intent="hulpvraag", werkmodel=None, step=None, reads=None):
    guarded = guard(text, step, KEY)
    message = {"text": guarded.text, "intent": {"name": intent}, "metadata": guarded.metadata, "werkmodel": werkmodel}

    def worry() -> list[str]:
        if reads is not None:
            reads.append(text)
        return ["ik heb schulden en de brieven stapelen zich op"]

    return run_turn(slots, message, "rest", "resident-1", worry, lambda: services, KEY)


def test_the_whole_form_writes_one_ticket_and_slots_never_hold_plain_contact(services):
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}],
                 "doelgroepen": []}
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel)
    turn = say(turn.slots, "ja", services, "bevestigen")
    for text, intent in [("ja", "bevestigen"), ("ja", "bevestigen")]:
        turn = say(turn.slots, text, services, intent)
    steps = [("Tholen", None), ("Sanne", "naam"), ("06 12345678", "contact"), ("ochtend", None), ("maakt niet uit", None)]
    for text, step in steps:
        turn = say(turn.slots, text, services, step=step)
        assert "Sanne" not in str(turn.slots) and "12345678" not in str(turn.slots)
    assert [name for name, _ in turn.responses] == ["utter_controle"] and services.store.list() == []
    turn = say(turn.slots, "ja", services, "bevestigen")  # "Klopt dit?" "ja"
    names = [name for name, _ in turn.responses]
    assert names[:2] == ["utter_terugbel_klaar", "utter_terugbel_open"] or names[:2] == ["utter_terugbel_klaar", "utter_terugbel_dicht"]
    tickets = services.store.list()
    assert len(tickets) == 1 and tickets[0].gemeente == "Tholen" and turn.slots["ticket_id"] == tickets[0].id
    assert services.store.contact(tickets[0].id, actor="test")["phone"] == "+31612345678"
    assert turn.slots[CONTACT_SLOT] is None
    assert "utter_moment_buiten_kantoortijd" not in names  # "ochtend" is within office hours


@pytest.mark.parametrize("moment, outside", [
    ("na zevenen", True), ("zaterdag", True), ("avond", True), ("tussen 13 en 15 uur", False),
    ("dinsdag na tienen", False), ("'s ochtends of 's avonds", False)])
def test_a_moment_outside_office_hours_is_told_so_at_the_end(services, moment, outside):
    """Residents' round 36: "na vijven" was accepted while the closing said meedenkers work until
    five; the closing now says the wish is passed on and may take longer, with the real hours."""
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}],
                 "doelgroepen": []}
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel)
    for text, intent in [("ja", "bevestigen")] * 3:
        turn = say(turn.slots, text, services, intent)
    for text, step in [("Tholen", None), ("Sanne", "naam"), ("06 12345678", "contact"), (moment, None),
                       ("maakt niet uit", None)]:
        turn = say(turn.slots, text, services, step=step)
    assert [name for name, _ in turn.responses] == ["utter_controle"], (moment, turn.responses)
    turn = say(turn.slots, "ja", services, "bevestigen")
    told = dict(turn.responses).get("utter_moment_buiten_kantoortijd")
    if outside:
        assert told is not None and "17.00" in told["kantoortijd"], turn.responses
    else:
        assert told is None, turn.responses
    assert services.store.list()[0].preferred_moment


def test_only_the_turn_that_writes_the_ticket_reads_the_conversation(services):
    """A long conversation costs no more per turn than a short one: its earlier messages are read
    (and the action server's filtering of them run) once, for the ticket's summary."""
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}],
                 "doelgroepen": []}
    reads: list[str] = []
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel, reads=reads)
    for text, intent, step in [("ja", "bevestigen", None), ("ja", "bevestigen", None), ("ja", "bevestigen", None),
                               ("Tholen", "hulpvraag", None),
                               ("Sanne", "hulpvraag", "naam"), ("06 12345678", "hulpvraag", "contact"),
                               ("ochtend", "hulpvraag", None),
                               ("maakt niet uit", "hulpvraag", None)]:
        turn = say(turn.slots, text, services, intent, step=step, reads=reads)
    assert reads == [] and services.store.list() == []
    say(turn.slots, "ja", services, "bevestigen", reads=reads)
    assert reads == ["ja"]
    assert "de brieven stapelen zich op" in services.store.list()[0].summary


def test_a_broken_queue_still_stays_with_the_resident_after_a_crisis(services):
    def broken() -> Services:
        raise OperationalError("INSERT", {}, Exception("database is down"))

    message = {"text": "ik wil er niet meer zijn", "intent": {"name": "crisis_113"}, "metadata": {}}
    turn = run_turn({}, message, "rest", "resident-2", lambda: ["ik wil er niet meer zijn"], broken, KEY)
    # The numbers came from Rasa's rule before this action; the action still answers.
    assert [name for name, _ in turn.responses] == ["utter_crisis_113_blijf"]
    assert turn.slots["crisis_route"] == "crisis_113"


def test_a_broken_queue_gets_an_apology_instead_of_a_reference(services):
    slots = {"wacht_op": "controle", "form_id": "f1", "formulier": {"gemeente": "Goes", "moment": "ochtend"}}

    def broken() -> Services:
        raise OperationalError("INSERT", {}, Exception("database is down"))

    message = {"text": "ja", "intent": {"name": "bevestigen"}, "metadata": {}}
    turn = run_turn(slots, message, "rest", "resident-3", lambda: ["ik heb schulden"], broken, KEY)
    assert [name for name, _ in turn.responses] == ["utter_terugbel_mislukt"]
    # Nothing is lost: the answers stay, and sending the last one again writes the ticket.
    assert turn.slots["wacht_op"] == "controle" and turn.slots["formulier"]["gemeente"] == "Goes"
    again = run_turn(turn.slots, message, "rest", "resident-3", lambda: ["ik heb schulden"], lambda: services, KEY)
    assert [name for name, _ in again.responses][0] == "utter_terugbel_klaar"
    assert len(services.store.list()) == 1


def test_a_new_session_drops_the_form_and_the_pending_consent_but_remembers_a_crisis():
    from bot.conversation.turn import session_start_slots

    slots = {"wacht_op": "form:contact", "form_id": "abc", "formulier": {"moment": "ochtend"},
             "contact_sealed": "token", "werkmodel": {"leefgebieden": {"wonen": {}}}, "pogingen": 2.0,
             "crisis_route": "crisis_113", "voor_wie": "zelf", "route": "crisis_113"}
    fresh = session_start_slots(slots)
    assert fresh["wacht_op"] is None and fresh["form_id"] is None and fresh["formulier"] == {}
    assert fresh["contact_sealed"] is None and fresh["werkmodel"] == {"leefgebieden": {}, "doelgroepen": {}}
    assert fresh["crisis_route"] == "crisis_113" and fresh["voor_wie"] is None
    assert set(fresh) >= set(slots)


def _crisis(slots, services):
    return say(slots, "ik wil er niet meer zijn", services, intent="crisis_113")


def test_a_crisis_without_contact_details_is_a_signal_not_a_task(services):
    turn = _crisis({}, services)
    (flagged,) = services.store.list()
    assert flagged.kind == "signal" and flagged.urgency == "urgent" and flagged.contact_encrypted is None
    assert flagged.route == "crisis_113" and turn.slots["crisis_route"] == "crisis_113"


def test_a_crisis_after_the_callback_request_makes_that_callback_urgent(services):
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}],
                 "doelgroepen": []}
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel)
    for text, intent in [("ja", "bevestigen"), ("ja", "bevestigen"), ("ja", "bevestigen")]:
        turn = say(turn.slots, text, services, intent)
    for text, step in [("Tholen", None), ("Sanne", "naam"), ("06 12345678", "contact"), ("ochtend", None),
                       ("maakt niet uit", None)]:
        turn = say(turn.slots, text, services, step=step)
    turn = say(turn.slots, "ja", services, "bevestigen")  # "Klopt dit?"
    (callback,) = services.store.list()
    assert callback.kind == "callback" and callback.urgency == "normaal"
    _crisis(turn.slots, services)
    by_kind = {t.kind: t for t in services.store.list()}
    assert by_kind["callback"].urgency == "urgent" and by_kind["signal"].route == "crisis_113"
    assert [e.action for e in services.store.history(callback.id)][-1] == "urgency_raised"


@pytest.mark.parametrize("wish, preference", [("Een vrouw graag, niet te jong", None), ("Iemand die het zelf meemaakte", "informeel")])
def test_a_wish_in_the_residents_own_words_still_writes_the_ticket(services, wish, preference):
    """Residents' tests: a free wish was accepted by the form and then refused by the queue, so the
    resident got "er ging iets mis" at the very end and no callback."""
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}], "doelgroepen": []}
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel)
    for _ in range(3):
        turn = say(turn.slots, "ja", services, "bevestigen")
    for text, step in [("Tholen", None), ("Sanne", "naam"), ("06 12345678", "contact"), ("ochtend", None), (wish, None)]:
        turn = say(turn.slots, text, services, step=step)
    turn = say(turn.slots, "ja", services, "bevestigen")
    assert [name for name, _ in turn.responses][0] == "utter_terugbel_klaar"
    (ticket,) = services.store.list()
    assert ticket.preference == preference
    assert (wish in ticket.summary) == (preference is None)


def test_a_new_number_after_the_ticket_changes_that_ticket_and_makes_no_second(services):
    """Residents' round 38: a resident who saw her number was wrong after the ticket got a second
    ticket; now the one ticket holds the new number (encrypted), and the slots never hold it plain."""
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}],
                 "doelgroepen": []}
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel)
    for text, intent in [("ja", "bevestigen")] * 3:
        turn = say(turn.slots, text, services, intent)
    for text, step in [("Tholen", None), ("Sanne", "naam"), ("06 12345678", "contact"), ("ochtend", None),
                       ("maakt niet uit", None)]:
        turn = say(turn.slots, text, services, step=step)
    turn = say(turn.slots, "ja", services, "bevestigen")
    ticket_id = turn.slots["ticket_id"]
    turn = say(turn.slots, "oei mijn nummer klopt niet", services)
    assert [name for name, _ in turn.responses] == ["utter_vraag_contact"]
    turn = say(turn.slots, "06 87654321", services, step="contact")
    assert [name for name, _ in turn.responses] == ["utter_ticket_gewijzigd"]
    assert "87654321" not in str(turn.slots) and turn.slots[CONTACT_SLOT] is None
    tickets = services.store.list()
    assert [t.id for t in tickets] == [ticket_id]
    contact = services.store.contact(ticket_id, actor="test")
    assert contact["phone"] == "+31687654321" and contact["name"] == "Sanne"
    assert [e.action for e in services.store.history(ticket_id)].count("details_changed") == 1
    turn = say(turn.slots, "het moment wordt liever vrijdagmiddag", services)
    assert [name for name, _ in turn.responses] == ["utter_ticket_gewijzigd"]
    assert "vrijdag" in services.store.get(ticket_id).preferred_moment and len(services.store.list()) == 1


@pytest.mark.parametrize("answer, kept", [
    ("06 12345678 maar spreek geen voicemail in", "spreek geen voicemail in"),
    ("0612345678, alleen na 9 uur bellen. mijn man mag het niet weten", "alleen na 9 uur bellen. mijn man mag het niet weten"),
    ("mijn nummer is 06-12345678", None)])
def test_how_to_be_called_told_with_the_number_is_read_back_and_in_the_ticket(services, answer, kept):
    """Residents' round 39: "geen voicemail inspreken" given with the number was lost; the ticket
    held the number alone, and a meedenker could have left a message on a phone someone checks."""
    werkmodel = {"leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["schulden"]}], "doelgroepen": []}
    turn = say({}, "ik heb schulden", services, werkmodel=werkmodel)
    for _ in range(3):
        turn = say(turn.slots, "ja", services, "bevestigen")
    # A moment told with the number ("alleen na 9 uur") is noted there and not asked again (round 42).
    moment = [] if "uur" in answer else [("ochtend", None)]
    for text, step in [("Tholen", None), ("Sanne", "naam"), (answer, "contact"), *moment, ("maakt niet uit", None)]:
        turn = say(turn.slots, text, services, step=step)
    (name, values), = turn.responses
    assert name == "utter_controle" and "12345678" not in str(turn.slots)
    assert values["bereik"] == ("…5678" if kept is None else f"…5678 ({kept})")
    turn = say(turn.slots, "ja", services, "bevestigen")
    (ticket,) = services.store.list()
    assert ticket.summary.startswith(f"Let op bij contact: {kept}.") == (kept is not None), ticket.summary
    assert "12345678" not in ticket.summary
