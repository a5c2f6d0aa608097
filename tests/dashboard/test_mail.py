"""Mail from the real web process: it finds a new ticket in the queue, mails it through a real SMTP
server on loopback, follows each account's choice made over HTTP, and keeps answering pages while
the mail server hangs (issue 29, part 1)."""
from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from tests.bot.queue.helpers import EMAIL, NAME, PHONE
from tests.conftest import free_port
from tests.dashboard.conftest import Dashboard, start_dashboard, stop_dashboard
from tests.mail.smtp_server import SmtpServer


@pytest.fixture(scope="module")
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path_factory.mktemp("smtp")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def mailing(tmp_path_factory: pytest.TempPathFactory, smtp: SmtpServer) -> Iterator[Dashboard]:
    var_dir = tmp_path_factory.mktemp("dashboard-mail")
    running = start_dashboard(var_dir, None, **smtp.env(), MEEDENKER_OUTBOX_POLL_SECONDS="1",
                              MEEDENKER_DASHBOARD_URL="https://dashboard.gemeente.example")
    yield running
    stop_dashboard(running)


def choose(client, kinds: list[str]) -> None:
    answer = client.submit("/account/meldingen", "/account/meldingen", {"soort": kinds})
    assert answer.status_code == 303
    page = client.get("/account/meldingen").text
    for kind in ("new_ticket", "due_soon", "digest"):
        assert (f'value="{kind}" checked' in page) == (kind in kinds)


def test_a_new_ticket_is_mailed_by_the_web_process_as_the_account_chose(mailing, smtp):
    coordinator = mailing.user("coordinator", ("Goes",))
    client = mailing.signed_in(coordinator)
    page = client.get("/account/meldingen").text
    assert page.count("checked") == 3 and "Meldingen per e-mail" in page  # every kind until one chooses
    choose(client, ["new_ticket"])
    ticket = mailing.ticket(gemeente="Goes")
    (received,) = smtp.wait_for(1, timeout=20)
    assert received.envelope_to == [coordinator]
    assert received.subject == f"Nieuw terugbelverzoek {ticket.id} (Goes)"
    assert f"https://dashboard.gemeente.example/tickets/{ticket.id}" in received.text
    for secret in (NAME, PHONE, EMAIL, "bezwaar"):
        assert secret not in received.raw
    choose(client, [])
    quiet = mailing.ticket(gemeente="Goes")
    time.sleep(4)  # four rounds of the outbox
    assert [r.subject for r in smtp.received if quiet.id in r.subject] == []
    admin = mailing.signed_in(mailing.user("admin", ()))
    audit = admin.get("/audit").text
    assert "e-mail verstuurd" in audit and ticket.id in audit


def test_pages_answer_while_the_mail_server_hangs(tmp_path: Path):
    hanging = socket.socket()
    hanging.bind(("127.0.0.1", free_port()))
    hanging.listen(16)  # accepts connections, never says a word
    port = hanging.getsockname()[1]
    dashboard = start_dashboard(tmp_path, None, MEEDENKER_SMTP_URL=f"smtp://127.0.0.1:{port}",
                                MEEDENKER_MAIL_FROM="noreply@gemeente.example", MEEDENKER_OUTBOX_POLL_SECONDS="1")
    try:
        coordinator = dashboard.user("coordinator", ("Goes",))
        client = dashboard.signed_in(coordinator)
        ticket = dashboard.ticket(gemeente="Goes")
        time.sleep(2)  # the outbox is now waiting for the mail server's greeting
        for _ in range(5):
            started = time.monotonic()
            page = client.get("/tickets")
            assert page.status_code == 200 and ticket.id in page.text
            assert time.monotonic() - started < 2
        with dashboard.store.session_factory() as session:
            # The new ticket's mail: depending on the hour the test runs, a mail of another kind (a
            # reminder or the digest) may be waiting too (it failed so at 07:14 UTC on a Monday).
            (row,) = session.execute(sa.text("SELECT status, sent_at FROM meedenker_outbox WHERE kind = 'new_ticket'")).all()
        assert row.status == "pending" and row.sent_at is None
    finally:
        stop_dashboard(dashboard)
        hanging.close()
