"""Issue 5 over HTTP against the running servers: crisis, listening, the callback form and its ticket,
erasure and retention — with the tracker store and the queue read directly, as an auditor would."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.queue import TicketStore
from bot.ops.settings import PROJECT_ROOT
from tests.conftest import Servers, base_env, service_url, texts
from tests.integration.databases import unique_database

pytestmark = pytest.mark.servers

NAME, PHONE, EMAIL = "Fenna Wibaut", "06 48213377", "fenna.wibaut@example.nl"
FORM = ["ja", "ja", "ja", "Goes", NAME, PHONE, "donderdagmiddag", "vrijwilliger", "ja"]  # the last: "Klopt dit?"


def new_sender(prefix: str = "r") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def store_of(servers: Servers) -> TicketStore:
    env = servers.env
    url = env.get("DATABASE_URL") or f"sqlite:///{Path(env['MEEDENKER_VAR_DIR']) / 'queue.db'}"
    return TicketStore(url, env["MEEDENKER_SECRET_KEY"])


def tickets_of(servers: Servers, sender: str) -> list:
    from bot.queue.crypto import SenderHasher

    hashed = SenderHasher(servers.env["MEEDENKER_SECRET_KEY"])("rest", sender)
    store = store_of(servers)
    try:
        return [t for t in store.list(limit=1000) if t.sender_hash == hashed]
    finally:
        store.close()


def tracker_rows(servers: Servers, sender: str) -> str:
    url = servers.env.get("DATABASE_URL")
    if url:
        engine = sa.create_engine(url)
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT data FROM events WHERE sender_id = :s"), {"s": sender}).fetchall()
        engine.dispose()
    else:
        with sqlite3.connect(Path(servers.env["MEEDENKER_VAR_DIR"]) / "rasa.db") as connection:
            rows = connection.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)).fetchall()
    return "\n".join(row[0] for row in rows)


def full_callback(servers: Servers, sender: str) -> list[dict]:
    servers.say(sender, "mijn moeder heeft dementie en ik zorg voor haar. wie helpt mij met de post en de formulieren?")
    last: list[dict] = []
    for n, message in enumerate(FORM):
        last = servers.say(sender, message, metadata={"message_id": f"{sender}-{n}"})
    return last


def assert_one_good_ticket(servers: Servers, sender: str, reply: list[dict]) -> None:
    ticket_list = tickets_of(servers, sender)
    assert len(ticket_list) == 1
    ticket = ticket_list[0]
    assert ticket.id in texts(reply) and "uiterlijk" in texts(reply)
    assert ticket.status == "nieuw" and ticket.route == "meedenker" and ticket.urgency == "normaal"
    assert ticket.gemeente == "Goes" and ticket.preference == "informeel"
    assert ticket.meedenker_type in ("informeel", "formeel") and ticket.opschaal_reasons
    assert {"gezondheid"} <= {label["id"] for label in ticket.leefgebieden}
    assert all(label["evidence"] for label in ticket.leefgebieden)
    assert {"mantelzorgers"} <= {label["id"] for label in ticket.doelgroepen}
    assert 1 <= len(ticket.organisations) <= 3 and all(org["reasons"] for org in ticket.organisations)
    assert ticket.preferred_moment and "donderdag" in ticket.preferred_moment
    # The summary is the worry in the resident's words (sent to the action server at the last
    # answer only), never the answers to the form.
    assert "dementie" in ticket.summary and "formulieren" in ticket.summary
    assert NAME not in ticket.summary and "Goes" not in ticket.summary
    # Encrypted at rest: the raw column holds no name, phone or e-mail; the key opens it.
    raw = ticket.contact_encrypted
    assert raw and NAME not in raw and "48213377" not in raw
    store = store_of(servers)
    try:
        contact = store.contact(ticket.id, actor="test")
    finally:
        store.close()
    assert contact["name"] == NAME and contact["phone"] == "+31648213377"
    # The tracker store never held the name or the number in plain text.
    stored = tracker_rows(servers, sender)
    assert NAME not in stored and "48213377" not in stored and "[NAAM]" in stored


def test_full_callback_makes_exactly_one_encrypted_ticket(servers):
    sender = new_sender("cb")
    reply = full_callback(servers, sender)
    assert_one_good_ticket(servers, sender, reply)
    # A replayed final message (same id) and a late double click add nothing.
    servers.say(sender, FORM[-1], metadata={"message_id": f"{sender}-{len(FORM) - 1}"})
    servers.say(sender, FORM[-1])
    assert len(tickets_of(servers, sender)) == 1


def test_crisis_in_the_first_message_is_flagged_urgent_without_contact(servers):
    sender = new_sender("crisis")
    reply = servers.say(sender, "ik heb schulden en eigenlijk wil ik er niet meer zijn")
    assert "113" in texts(reply) and "0800-0113" in texts(reply)
    flagged = tickets_of(servers, sender)
    assert len(flagged) == 1 and flagged[0].urgency == "urgent" and flagged[0].route == "crisis_113"
    assert flagged[0].kind == "signal"  # counted for admins, not a task in the queue (issue 29)
    assert "schulden" in flagged[0].summary
    assert flagged[0].contact_encrypted is None
    servers.say(sender, "ik wil er echt niet meer zijn")
    assert len(tickets_of(servers, sender)) == 1


def test_crisis_inside_the_form_gives_numbers_and_offers_help_instead_of_the_form(servers):
    sender = new_sender("formcrisis")
    for message in ["ik wil een mens", "ja", "ja", "Goes", "Ali"]:
        servers.say(sender, message)
    reply = texts(servers.say(sender, "mijn man slaat me en ik durf niet naar huis"))
    assert "0800-2000" in reply and "112" in reply and "veilig" in reply
    assert "bereiken" not in reply  # the form does not simply continue
    after = texts(servers.say(sender, "nee"))
    assert "0800-2000" in after  # one "nee" does not make the numbers disappear
    flagged = tickets_of(servers, sender)
    assert [t.urgency for t in flagged] == ["urgent"] and flagged[0].contact_encrypted is None


def test_listening_offers_the_line_and_stores_nothing_identifying(servers):
    sender = new_sender("luister")
    reply = texts(servers.say(sender, "ik wil gewoon even met iemand praten, ik voel me zo alleen. bel me op 0612345678"))
    assert "088 0767 000" in reply and "Luisterlijn" in reply and "meedenker" in reply
    assert tickets_of(servers, sender) == []
    stored = tracker_rows(servers, sender)
    assert "0612345678" not in stored and "[TELEFOON]" in stored


def test_erase_by_sender_removes_tickets_and_conversation(servers):
    sender = new_sender("erase")
    full_callback(servers, sender)
    assert len(tickets_of(servers, sender)) == 1
    result = subprocess.run([sys.executable, "-m", "bot", "erase", "--sender", sender, "--channel", "rest"],
                            cwd=PROJECT_ROOT, env=servers.env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert tickets_of(servers, sender) == []
    assert tracker_rows(servers, sender) == ""


@pytest.fixture(scope="module")
def pg_servers(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("pgroutes")
    with unique_database(service_url("DATABASE_URL"), "meedenker_routes") as database_url:
        running = Servers(base_env(var_dir, DATABASE_URL=database_url), var_dir).start()
        yield running
        running.stop()


@pytest.mark.postgres
def test_full_callback_in_postgresql(pg_servers):
    sender = new_sender("pgcb")
    reply = full_callback(pg_servers, sender)
    assert_one_good_ticket(pg_servers, sender, reply)
    engine = sa.create_engine(pg_servers.env["DATABASE_URL"])
    with engine.connect() as connection:
        raw = connection.execute(sa.text("SELECT * FROM meedenker_tickets")).fetchall()
    engine.dispose()
    assert NAME not in json.dumps([list(map(str, row)) for row in raw])
