"""`python -m bot` as an operator runs it: a real process with a settings environment."""
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.queue.store import TicketStore
from bot.ops.settings import PROJECT_ROOT
from tests.bot.queue.helpers import EMAIL, KEY, NAME, PHONE, create_events_table, days_ago, event_senders, new_ticket
from tests.conftest import base_env


class Cli:
    def __init__(self, var_dir: Path, **extra: str) -> None:
        self.env = base_env(var_dir, **extra)
        self.settings_url = extra.get("DATABASE_URL") or f"sqlite:///{var_dir / 'queue.db'}"
        self.tracker_url = extra.get("DATABASE_URL") or f"sqlite:///{var_dir / 'rasa.db'}"

    def __call__(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env or self.env,
                              capture_output=True, text=True, timeout=60)

    def store(self) -> TicketStore:
        return TicketStore(self.settings_url, KEY)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = Cli(tmp_path)
    assert runner("migrate").returncode == 0
    return runner


def test_list_and_show(cli):
    assert cli("tickets", "list").stdout == "No tickets.\n"
    store = cli.store()
    urgent, _ = store.create(new_ticket(route="crisis_113", urgency="urgent", contact=None), "a",
                             now=datetime.now(timezone.utc) - timedelta(minutes=5))
    normal, _ = store.create(new_ticket(), "b")
    listing = cli("tickets", "list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["id", "created", "gemeente", "route", "urgency", "type", "status"]
    assert lines[1].startswith(normal.id) and lines[2].startswith(urgent.id)
    assert "crisis_113" in lines[2] and "urgent" in lines[2] and "Goes" in lines[2]
    assert cli("tickets", "list", "--status", "in_gesprek").stdout == "No tickets.\n"

    shown = cli("tickets", "show", normal.id.lower())
    assert shown.returncode == 0, shown.stderr
    assert "financien (0.91: brief, bezwaar)" in shown.stdout and "[TELEFOON]" in shown.stdout
    assert "SMWO" in shown.stdout and "dinsdagmiddag" in shown.stdout
    assert PHONE not in shown.stdout and NAME not in shown.stdout and "use --contact" in shown.stdout
    assert [e.action for e in store.history(normal.id)] == ["created"]

    with_contact = cli("tickets", "show", normal.id, "--contact", "--actor", "anna")
    assert all(value in with_contact.stdout for value in (NAME, PHONE, EMAIL))
    entry = store.history(normal.id)[-1]
    assert (entry.action, entry.actor) == ("viewed_contact", "anna")
    assert "Contact:" in cli("tickets", "show", urgent.id, "--contact").stdout
    store.close()


def test_status(cli):
    store = cli.store()
    ticket, _ = store.create(new_ticket(), "a")
    done = cli("tickets", "status", ticket.id, "in_gesprek", "--actor", "anna")
    assert done.returncode == 0 and done.stdout == f"{ticket.id} is now in_gesprek.\n"
    assert store.get(ticket.id).status == "in_gesprek"
    assert ticket.id in cli("tickets", "list", "--status", "in_gesprek").stdout
    store.close()


def test_erase_by_sender_and_by_ticket_includes_the_conversation(cli):
    create_events_table(cli.tracker_url, [("bewoner-1", days_ago(1)), ("bewoner-2", days_ago(1)),
                                          ("bewoner-3", days_ago(1)), ("bewoner-1", days_ago(0))])
    store = cli.store()
    store.create(new_ticket(), "a")
    keep, _ = store.create(new_ticket(sender_id="bewoner-2"), "b")
    by_ticket, _ = store.create(new_ticket(sender_id="bewoner-3"), "c")

    erased = cli("erase", "--sender", "bewoner-1", "--channel", "rest")
    assert erased.returncode == 0, erased.stderr
    assert erased.stdout == "Erased 1 ticket(s) and 2 conversation event(s).\n"
    erased = cli("erase", "--ticket", by_ticket.id)
    assert erased.stdout == "Erased 1 ticket(s) and 1 conversation event(s).\n", erased.stderr
    assert [t.id for t in store.list()] == [keep.id]
    assert event_senders(cli.tracker_url) == ["bewoner-2"]
    assert cli("erase", "--ticket", by_ticket.id).returncode == 1
    store.close()


def test_retention(cli):
    store = cli.store()
    store.create(new_ticket(), "old", now=datetime.now(timezone.utc) - timedelta(days=400))
    store.create(new_ticket(), "new")
    create_events_table(cli.tracker_url, [("a", days_ago(400)), ("b", days_ago(1))])
    done = cli("retention")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Retention of 365 days: anonymised 1 ticket(s), deleted 1 conversation event(s).\n"
    again = cli("retention", env=dict(cli.env, RETENTION_DAYS="10"))
    assert "anonymised 0 ticket(s), deleted 0" in again.stdout
    store.close()


@pytest.mark.parametrize("args,message", [
    ((), "required: COMMAND"),
    (("tickets",), "required: ACTION"),
    (("tickets", "status", "MD-ABCDEF", "klaar"), "invalid choice"),
    (("erase", "--sender", "bewoner-1"), "--sender needs --channel"),
    (("erase", "--ticket", "MD-ABCDEF", "--channel", "rest"), "--ticket takes no --channel"),
    (("erase",), "one of the arguments --sender --ticket --platform-id is required"),
    (("erase", "--platform-id", "31612345678", "--channel", "rest"), "--platform-id needs --channel whatsapp"),
])
def test_bad_usage_exits_2(cli, args, message):
    result = cli(*args)
    assert result.returncode == 2 and message in result.stderr


def test_clear_errors(cli, tmp_path):
    missing = cli("tickets", "show", "MD-ZZZZZZ")
    assert (missing.returncode, missing.stderr) == (1, "No ticket MD-ZZZZZZ.\n")
    # Empty rather than absent: an absent key would be taken from a developer's var/secrets.env.
    no_key = cli("tickets", "list", env=dict(cli.env, MEEDENKER_SECRET_KEY=""))
    assert no_key.returncode == 2 and "MEEDENKER_SECRET_KEY" in no_key.stderr and "Traceback" not in no_key.stderr
    fresh = Cli(tmp_path / "fresh")("tickets", "list")
    assert fresh.returncode == 1 and "python -m bot migrate" in fresh.stderr


def test_wrong_key_is_reported_without_a_traceback(cli):
    store = cli.store()
    ticket, _ = store.create(new_ticket(), "a")
    store.close()
    other = "b" * 43 + "="  # a well-formed Fernet key that is not the one used
    result = cli("tickets", "show", ticket.id, "--contact", env=dict(cli.env, MEEDENKER_SECRET_KEY=other))
    assert result.returncode == 1 and "not the key" in result.stderr and other not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.postgres
def test_on_postgresql(pg_url, tmp_path):
    cli = Cli(tmp_path, DATABASE_URL=pg_url)
    assert cli("migrate").returncode == 0
    assert cli("migrate").stdout == "The queue database is up to date.\n"
    create_events_table(pg_url, [("bewoner-1", days_ago(1))])
    store = cli.store()
    ticket, _ = store.create(new_ticket(), "a")
    assert ticket.id in cli("tickets", "list").stdout
    assert cli("erase", "--ticket", ticket.id).stdout == "Erased 1 ticket(s) and 1 conversation event(s).\n"
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM events")).scalar() == 0
    engine.dispose()
    store.close()
