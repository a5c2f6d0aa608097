import threading
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from bot.queue.crypto import WrongSecretKeyError
from bot.errors import NotFound
from bot.queue.store import TicketStore
from tests.bot.queue.helpers import (
    EMAIL,
    KEY,
    NAME,
    OTHER_KEY,
    PHONE,
    create_events_table,
    days_ago,
    event_senders,
    new_ticket,
)


def raw_rows(url: str, table: str) -> list[dict]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(sa.text(f"SELECT * FROM {table}"))]
    engine.dispose()
    return rows


# --- creating and idempotency ------------------------------------------------------------------

def test_create_returns_a_new_ticket_in_status_nieuw(store):
    ticket, created = store.create(new_ticket(), "conv-1:callback")
    assert created
    assert ticket.id.startswith("MD-") and ticket.status == "nieuw"
    assert ticket.created_at.tzinfo is not None
    again = store.get(ticket.id.lower())
    assert again is not None and again.as_dict() == ticket.as_dict()
    assert again.created_at.utcoffset() == timedelta(0)


def test_same_key_returns_the_existing_ticket(store):
    first, created = store.create(new_ticket(), "conv-1:callback")
    second, created_again = store.create(new_ticket(summary="iets anders"), "conv-1:callback")
    assert created and not created_again
    assert second.id == first.id and second.summary == first.summary
    assert len(store.list()) == 1
    assert [e.action for e in store.history(first.id)] == ["created"]


def test_a_lost_race_returns_the_winner(store, monkeypatch):
    """Deterministic race: the loser's look-up misses, its insert hits the unique constraint."""
    winner, _ = store.create(new_ticket(), "race-key")
    real = store._find_by_key
    calls = []

    def miss_first(key):
        calls.append(key)
        return None if len(calls) == 1 else real(key)

    monkeypatch.setattr(store, "_find_by_key", miss_first)
    loser, created = store.create(new_ticket(), "race-key")
    assert not created and loser.id == winner.id and len(calls) == 2
    assert len(store.list()) == 1


def test_threads_racing_for_one_key_queue_one_ticket(db_url):
    stores = [TicketStore(db_url, KEY) for _ in range(8)]
    stores[0].migrate()
    barrier = threading.Barrier(len(stores))
    results, errors = [], []

    def attempt(queue: TicketStore) -> None:
        try:
            barrier.wait()
            results.append(queue.create(new_ticket(), "same-conversation"))
        except (sa.exc.SQLAlchemyError, threading.BrokenBarrierError) as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=attempt, args=(queue,)) for queue in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert sorted(created for _, created in results) == [False] * 7 + [True]
    assert len({ticket.id for ticket, _ in results}) == 1
    assert len(raw_rows(db_url, "meedenker_tickets")) == 1
    assert [row["action"] for row in raw_rows(db_url, "meedenker_audit")] == ["created"]
    for queue in stores:
        queue.close()


# --- privacy at rest ---------------------------------------------------------------------------

def test_contact_and_pii_are_not_stored_in_plain_text(store, db_url):
    ticket, _ = store.create(new_ticket(leefgebieden=[
        {"id": "financien", "confidence": 0.9, "evidence": ["bel 0612345678"]}]), "k")
    row = raw_rows(db_url, "meedenker_tickets")[0]
    raw = " ".join(str(value) for value in row.values())
    for secret in (NAME, PHONE, EMAIL, "06-12345678", "0612345678", "bewoner-1"):
        assert secret not in raw
    assert row["contact_encrypted"] and row["sender_hash"] and len(row["sender_hash"]) == 64
    assert "[TELEFOON]" in row["summary"]
    assert ticket.leefgebieden[0]["evidence"] == ["bel [TELEFOON]"]


def test_contact_is_decrypted_and_audited(store):
    ticket, _ = store.create(new_ticket(), "k")
    assert store.contact(ticket.id, "coordinator:anna") == {"name": NAME, "phone": PHONE, "email": EMAIL}
    entry = store.history(ticket.id)[-1]
    assert (entry.action, entry.actor) == ("viewed_contact", "coordinator:anna")


def test_ticket_without_contact(store):
    ticket, _ = store.create(new_ticket(route="crisis_113", urgency="urgent", contact=None), "k")
    assert not ticket.has_contact and ticket.contact_encrypted is None
    assert store.contact(ticket.id, "anna") is None
    assert store.history(ticket.id)[-1].action == "viewed_contact"


def test_wrong_key_cannot_read_contacts(store, db_url):
    ticket, _ = store.create(new_ticket(), "k")
    other = TicketStore(db_url, OTHER_KEY)
    with pytest.raises(WrongSecretKeyError, match="MEEDENKER_SECRET_KEY") as error:
        other.contact(ticket.id, "anna")
    assert KEY not in str(error.value) and OTHER_KEY not in str(error.value)
    other.close()


def test_unknown_ticket(store):
    assert store.get("MD-ZZZZZZ") is None
    with pytest.raises(NotFound):
        store.contact("MD-ZZZZZZ", "anna")
    with pytest.raises(NotFound):
        store.set_status("MD-ZZZZZZ", "in_gesprek", "anna")


# --- listing and status ------------------------------------------------------------------------

def test_list_is_newest_first_and_filters_by_status(store):
    now = datetime.now(timezone.utc)
    old, _ = store.create(new_ticket(), "a", now=now - timedelta(hours=2))
    new, _ = store.create(new_ticket(), "b", now=now)
    store.set_status(old.id, "in_gesprek", "anna")
    assert [t.id for t in store.list()] == [new.id, old.id]
    assert [t.id for t in store.list(status="in_gesprek")] == [old.id]
    assert [t.id for t in store.list(limit=1)] == [new.id]
    with pytest.raises(ValueError):
        store.list(status="weg")


def test_status_changes_are_audited_without_pii(store):
    ticket, _ = store.create(new_ticket(), "k")
    assert store.set_status(ticket.id, "toegewezen", "anna").status == "toegewezen"
    store.set_status(ticket.id, "toegewezen", "anna")  # unchanged: no new entry
    store.set_status(ticket.id, "afgerond", "bram")
    history = store.history(ticket.id)
    assert [(e.action, e.actor, e.detail) for e in history[1:]] == [
        ("status_changed", "anna", "nieuw -> toegewezen"),
        ("status_changed", "bram", "toegewezen -> afgerond"),
    ]
    assert all(e.at.tzinfo is not None for e in history)
    with pytest.raises(ValueError):
        store.set_status(ticket.id, "kwijt", "anna")


# --- erasure -----------------------------------------------------------------------------------

def test_erase_by_sender_removes_only_that_residents_tickets(store, db_url):
    a1, _ = store.create(new_ticket(), "a1")
    a2, _ = store.create(new_ticket(), "a2")
    b, _ = store.create(new_ticket(sender_id="bewoner-2"), "b")
    same_id_other_channel, _ = store.create(new_ticket(channel="telegram"), "t")
    assert store.erase_sender("rest", "bewoner-1", actor="privacy-officer") == 2
    assert {t.id for t in store.list()} == {b.id, same_id_other_channel.id}
    assert store.erase_sender("rest", "bewoner-1") == 0
    for erased in (a1, a2):
        entry = store.history(erased.id)[-1]
        assert (entry.action, entry.actor) == ("erased", "privacy-officer")
    audit = " ".join(str(row) for row in raw_rows(db_url, "meedenker_audit"))
    for secret in (NAME, PHONE, EMAIL, "bewoner-1"):
        assert secret not in audit


def test_erase_ticket(store):
    ticket, _ = store.create(new_ticket(), "k")
    other, _ = store.create(new_ticket(), "other")
    assert store.erase_ticket(ticket.id)
    assert not store.erase_ticket(ticket.id)
    assert store.get(ticket.id) is None and store.get(other.id) is not None
    assert [e.action for e in store.history(ticket.id)] == ["created", "erased"]


def test_erase_tracker_events_of_one_sender(store, db_url):
    create_events_table(db_url, [("bewoner-1", days_ago(1)), ("bewoner-2", days_ago(1)),
                                 ("bewoner-1", days_ago(0))])
    assert store.erase_tracker_events(db_url, "bewoner-1") == 2
    assert event_senders(db_url) == ["bewoner-2"]
    assert store.erase_tracker_events(db_url, "bewoner-1") == 0
    assert store.history(None)[-1].detail == "2 tracker events of one conversation erased"


def test_tracker_in_another_database(store, tmp_path):
    tracker = f"sqlite:///{tmp_path / 'rasa.db'}"
    create_events_table(tracker, [("bewoner-1", days_ago(1))])
    ticket, _ = store.create(new_ticket(), "k")
    assert store.tracker_sender_of(tracker, ticket.id) == "bewoner-1"
    assert store.erase_tracker_events(tracker, "bewoner-1") == 1


def test_missing_events_table_or_file_erases_nothing(store, db_url, tmp_path):
    assert store.erase_tracker_events(db_url, "bewoner-1") == 0
    assert store.delete_tracker_events_older_than(db_url, 30) == 0
    missing = tmp_path / "nowhere" / "rasa.db"
    assert store.erase_tracker_events(f"sqlite:///{missing}", "bewoner-1") == 0
    assert not missing.exists()


def test_tracker_sender_of_finds_the_raw_id_by_its_hash(store, db_url):
    create_events_table(db_url, [("iemand-anders", days_ago(1)), ("bewoner-1", days_ago(1))])
    ticket, _ = store.create(new_ticket(), "k")
    telegram, _ = store.create(new_ticket(channel="telegram", sender_id="777"), "t")
    assert store.tracker_sender_of(db_url, ticket.id) == "bewoner-1"
    assert store.tracker_sender_of(db_url, telegram.id) is None
    assert store.tracker_sender_of(db_url, "MD-ZZZZZZ") is None


# --- retention ---------------------------------------------------------------------------------

def test_retention_anonymises_only_old_tickets(store, db_url):
    now = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
    old, _ = store.create(new_ticket(), "old", now=now - timedelta(days=400))
    recent, _ = store.create(new_ticket(), "recent", now=now - timedelta(days=10))
    assert store.anonymise_older_than(365, now=now) == 1
    assert store.anonymise_older_than(365, now=now) == 0  # idempotent

    gone = store.get(old.id)
    assert gone.anonymised_at == now
    assert (gone.contact_encrypted, gone.summary, gone.sender_hash, gone.preferred_moment) == (None,) * 4
    assert gone.leefgebieden == [{"id": "financien", "confidence": 0.91, "evidence": []}]
    assert gone.doelgroepen == [{"id": "ouderen", "confidence": 0.7, "evidence": []}]
    assert (gone.route, gone.status, gone.gemeente) == (old.route, old.status, old.gemeente)
    assert store.contact(old.id, "anna") is None
    assert store.erase_sender("rest", "bewoner-1") == 1  # only the recent one is still linked

    assert store.get(recent.id) is None
    row = [r for r in raw_rows(db_url, "meedenker_tickets") if r["id"] == old.id][0]
    raw = " ".join(str(value) for value in row.values())
    assert "brief" not in raw and "dinsdagmiddag" not in raw
    assert [e.action for e in store.history(old.id)][:2] == ["created", "anonymised"]


def test_retention_of_tracker_events(store, db_url):
    create_events_table(db_url, [("a", days_ago(400)), ("b", days_ago(366)), ("a", days_ago(2))])
    assert store.delete_tracker_events_older_than(db_url, 365) == 2
    assert event_senders(db_url) == ["a"]
    assert store.delete_tracker_events_older_than(db_url, 365) == 0


def test_status_history_follows_the_cli_and_goes_with_erasure_and_retention(store):
    import sqlalchemy as sa

    from bot.queue.staff import StatusChange

    def notes(ticket_id):
        with store.session_factory() as session:
            return session.execute(sa.select(StatusChange.to_status, StatusChange.note)
                                   .where(StatusChange.ticket_id == ticket_id)).all()

    kept, _ = store.create(new_ticket(sender_id="a"), "h1", now=datetime.now(timezone.utc) - timedelta(days=400))
    store.set_status(kept.id, "in_gesprek", "anna")
    assert store.get(kept.id).first_contact_at is not None and store.get(kept.id).version == 2
    with store.session_factory.begin() as session:
        session.execute(sa.update(StatusChange).values(note="Mevrouw De Vries gebeld"))
    store.anonymise_older_than(365)
    assert [tuple(n) for n in notes(kept.id)] == [("in_gesprek", None)]
    gone, _ = store.create(new_ticket(sender_id="b"), "h2")
    store.set_status(gone.id, "toegewezen", "anna")
    store.erase_ticket(gone.id)
    assert notes(gone.id) == []
