"""Issue 28, finding 4: an erasure leaves nothing of the resident behind, also not in the files."""
from __future__ import annotations

import stat
from pathlib import Path

import sqlalchemy as sa

from bot.queue.store import TicketStore, protect_sqlite_file
from tests.bot.queue.helpers import KEY, NAME, create_events_table, days_ago, event_senders, new_ticket
from tests.bot.queue.test_cli import Cli

SECRET_WORDS = "mijn-geheime-zorg-" * 40  # easy to find in a file's bytes


def test_erase_by_ticket_takes_the_residents_crisis_flag_and_conversation_too(tmp_path: Path):
    cli = Cli(tmp_path)
    assert cli("migrate").returncode == 0
    create_events_table(cli.tracker_url, [("bewoner-1", days_ago(0)), ("bewoner-2", days_ago(0))])
    store = cli.store()
    callback, _ = store.create(new_ticket(), "callback:rest:1")
    crisis, _ = store.create(new_ticket(route="crisis_113", urgency="urgent", contact=None), "crisis:1")
    other, _ = store.create(new_ticket(sender_id="bewoner-2"), "callback:rest:2")
    same_id_other_channel, _ = store.create(new_ticket(channel="telegram"), "callback:telegram:1")

    erased = cli("erase", "--ticket", callback.id)
    assert erased.returncode == 0, erased.stderr
    assert erased.stdout == "Erased 2 ticket(s) and 1 conversation event(s).\n"
    assert store.get(crisis.id) is None and store.get(callback.id) is None
    assert {t.id for t in store.list()} == {other.id, same_id_other_channel.id}
    assert event_senders(cli.tracker_url) == ["bewoner-2"]
    assert [e.action for e in store.history(crisis.id)] == ["created", "erased"]
    store.close()


def test_erase_by_ticket_works_when_the_conversation_is_already_gone(tmp_path: Path):
    store = TicketStore(f"sqlite:///{tmp_path / 'queue.db'}", KEY)
    store.migrate()
    first, _ = store.create(new_ticket(), "a")
    second, _ = store.create(new_ticket(route="crisis_113", urgency="urgent", contact=None), "b")
    assert store.erase_resident(second.id, f"sqlite:///{tmp_path / 'rasa.db'}") == (2, 0)
    assert store.get(first.id) is None
    store.close()


def test_sqlite_files_are_private_and_erased_text_is_overwritten(tmp_path: Path):
    queue_url, tracker_url = f"sqlite:///{tmp_path / 'queue.db'}", f"sqlite:///{tmp_path / 'rasa.db'}"
    protect_sqlite_file(tracker_url)  # what the launcher does before Rasa opens it
    engine = sa.create_engine(tracker_url)
    with engine.begin() as connection:  # Rasa's own connection: WAL mode (addons/stores.py)
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    engine.dispose()
    create_events_table(tracker_url, [("bewoner-1", days_ago(0)), ("bewoner-2", days_ago(0))])
    engine = sa.create_engine(tracker_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE events SET data = ? WHERE sender_id = 'bewoner-1'",
                                   ('{"text": "%s"}' % SECRET_WORDS,))
    engine.dispose()
    store = TicketStore(queue_url, KEY)
    store.migrate()
    ticket, _ = store.create(new_ticket(summary=SECRET_WORDS), "a")

    store.erase_resident(ticket.id, tracker_url)
    store.close()
    for name in ("queue.db", "rasa.db"):
        path = tmp_path / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
        files = [p for p in tmp_path.iterdir() if p.name.startswith(name)]
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
            assert SECRET_WORDS[:36].encode() not in file.read_bytes(), f"erased text left in {file.name}"
            assert NAME.encode() not in file.read_bytes()


def test_protect_makes_an_existing_file_private(tmp_path: Path):
    path = tmp_path / "rasa.db"
    path.write_bytes(b"")
    path.chmod(0o644)
    protect_sqlite_file(f"sqlite:///{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    protect_sqlite_file("postgresql://u@127.0.0.1/x")  # other databases: nothing to do
