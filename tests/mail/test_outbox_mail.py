"""Each kind of mail reaches a real SMTP server on loopback, to the right accounts, once, with
nothing personal in it; a server that is down loses nothing (issue 29, part 1)."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.queue.models import AuditEntry
from tests.bot.queue.helpers import EMAIL, NAME, PHONE
from tests.mail.conftest import DASHBOARD, TUESDAY_10, make_setup

# What a resident told (tests/bot/queue/helpers.py new_ticket): none of it may be in a mail.
PERSONAL = (NAME, PHONE, "98765432", EMAIL, "bezwaar tegen de Wmo", "06-12345678", "12345678", "dinsdagmiddag",
            "brief", "mijn moeder", "SMWO")


def assert_nothing_personal(received) -> None:
    for mail in received:
        for text in (mail.raw, mail.text, mail.html, mail.subject):
            for secret in PERSONAL:
                assert secret not in text, f"{secret!r} in mail {mail.subject!r}"


def audit(mail, action: str) -> list[AuditEntry]:
    with mail.store.session_factory() as session:
        return list(session.execute(sa.select(AuditEntry).where(AuditEntry.action == action)).scalars())


def test_a_new_callback_is_mailed_at_once_to_its_gemeentes_coordinators(mail):
    at_once = ["new_ticket", "due_soon"]  # no digest in this test
    anna = mail.user("coordinator", ("Goes", "Kapelle"), kinds=at_once)
    piet = mail.user("coordinator", ("Middelburg",), kinds=at_once)
    admin = mail.user("admin", kinds=at_once)
    normal = mail.ticket(gemeente="Goes")
    urgent = mail.ticket(gemeente="Kapelle", urgency="urgent", route="crisis_113")
    done = mail.worker.run_round(TUESDAY_10 + timedelta(minutes=1))
    assert (done.queued, done.mailed) == (2, 2)
    received = mail.smtp.wait_for(2)
    assert mail.mails_to(piet.email) == [] and mail.mails_to(admin.email) == []  # Goes and Kapelle are covered
    by_ref = {r.subject.split()[-2]: r for r in mail.mails_to(anna.email)}
    assert set(by_ref) == {normal.id, urgent.id}
    assert by_ref[urgent.id].subject == f"URGENT: Nieuw terugbelverzoek {urgent.id} (Kapelle)"
    assert by_ref[normal.id].subject == f"Nieuw terugbelverzoek {normal.id} (Goes)"
    body = by_ref[normal.id].text
    due = mail.repo.due_at(normal).astimezone(TUESDAY_10.tzinfo)
    for line in (f"Ticket: {normal.id}", "Gemeente: Goes", "Route: meedenker", "Urgentie: normaal",
                 f"Contact uiterlijk: {due.day} maart 2027 om {due.hour:02d}:{due.minute:02d}",
                 f"{DASHBOARD}/tickets/{normal.id}"):
        assert line in body
    assert "Urgentie: URGENT" in by_ref[urgent.id].text and "crisis: 113" in by_ref[urgent.id].text
    assert by_ref[normal.id].message["From"] == "Meedenker <noreply@gemeente.example>"
    assert_nothing_personal(received)
    sent = audit(mail, "mail_sent")
    assert sorted(e.ticket_id for e in sent) == sorted([normal.id, urgent.id])
    assert all(e.detail == f"new_ticket mail to account {anna.id}" and e.actor == "outbox" for e in sent)
    # The next rounds find nothing new: each mail goes once.
    assert mail.worker.run_round(TUESDAY_10 + timedelta(minutes=2)).queued == 0
    assert len(mail.smtp.received) == 2


def test_a_gemeente_without_a_coordinator_is_mailed_to_the_admins_and_signals_to_no_one(mail):
    mail.user("coordinator", ("Goes",), kinds=["new_ticket"])
    admin = mail.user("admin", kinds=["new_ticket"])
    uncovered = mail.ticket(gemeente="Amsterdam")
    mail.ticket(gemeente=None, urgency="urgent", route="crisis_113", contact=None, kind="signal")
    mail.worker.run_round(TUESDAY_10 + timedelta(minutes=1))
    (only,) = mail.smtp.wait_for(1)
    assert only.envelope_to == [admin.email] and uncovered.id in only.subject
    assert mail.worker.run_round(TUESDAY_10 + timedelta(minutes=2)).mailed == 0


def test_each_account_chooses_which_kinds_it_gets(mail):
    everything = mail.user("coordinator", ("Goes",))
    digest_only = mail.user("coordinator", ("Goes",), kinds=["digest"])
    nothing = mail.user("coordinator", ("Goes",), kinds=[])
    mail.ticket(gemeente="Goes")
    mail.worker.run_round(TUESDAY_10 + timedelta(minutes=1))
    mail.smtp.wait_for(2)  # the new-ticket mail to `everything`, and the day's digest to both readers
    kinds = {(tuple(r.envelope_to), r.subject.split()[0]) for r in mail.smtp.received}
    assert kinds == {((everything.email,), "Nieuw"), ((everything.email,), "Dagoverzicht"),
                     ((digest_only.email,), "Dagoverzicht")}
    assert mail.mails_to(nothing.email) == []


def test_a_ticket_near_its_due_time_without_a_meedenker_is_mailed_once(mail):
    coordinator = mail.user("coordinator", ("Goes",), kinds=["due_soon"])
    waiting = mail.ticket(gemeente="Goes")
    assigned = mail.ticket(gemeente="Goes")
    meedenker = mail.repo.save_meedenker("test", name="Joost", type="informeel", leefgebieden=[], doelgroepen=[],
                                         gemeenten=["Goes"], max_open=3)
    mail.repo.assign(mail.user("admin", kinds=[]), assigned.id, 1, meedenker, False, "")
    due = mail.repo.due_at(waiting)
    assert mail.worker.run_round(due - timedelta(hours=5)).queued == 0  # not near yet
    assert mail.worker.run_round(due - timedelta(hours=3)).mailed == 1
    (warning,) = mail.smtp.wait_for(1)
    assert warning.envelope_to == [coordinator.email]
    assert warning.subject == f"Ticket {waiting.id} is bijna te laat (Goes)"
    assert "nog geen meedenker" in warning.text
    assert mail.worker.run_round(due + timedelta(hours=1)).queued == 0
    assert_nothing_personal(mail.smtp.received)


def test_the_daily_digest_goes_once_a_day_after_its_hour_on_working_days(mail):
    coordinator = mail.user("coordinator", ("Goes",), kinds=["digest"])
    mail.user("coordinator", ("Middelburg",), kinds=["digest"])  # nothing open there: no mail
    old = mail.ticket(created=TUESDAY_10 - timedelta(days=7), gemeente="Goes", urgency="urgent", route="crisis_112")
    new = mail.ticket(gemeente="Goes")
    mail.ticket(gemeente="Middelburg", kind="signal", contact=None)  # a signal is no open work
    early = TUESDAY_10.replace(hour=7)
    assert mail.worker.run_round(early).queued == 0
    assert mail.worker.run_round(TUESDAY_10 + timedelta(hours=1)).mailed == 1
    (digest,) = mail.smtp.wait_for(1)
    assert digest.envelope_to == [coordinator.email]
    assert digest.subject == "Dagoverzicht 2 maart: 2 open, 1 te laat"
    text = digest.text
    assert "Open tickets: 2" in text and "Zonder meedenker: 2" in text and "Urgent: 1" in text
    assert text.index(old.id) < text.index(new.id)  # urgent and overdue first
    assert f"{DASHBOARD}/tickets" in text
    assert_nothing_personal([digest])
    assert mail.worker.run_round(TUESDAY_10 + timedelta(hours=5)).queued == 0
    saturday = TUESDAY_10 + timedelta(days=4)
    assert mail.worker.run_round(saturday).queued == 0  # the office is closed
    assert mail.worker.run_round(saturday + timedelta(days=2)).mailed == 1  # Monday


def test_a_mail_server_that_is_down_loses_nothing(mail):
    coordinator = mail.user("coordinator", ("Goes",), kinds=["new_ticket"])
    ticket = mail.ticket(gemeente="Goes")
    mail.smtp.stop()
    now = TUESDAY_10 + timedelta(minutes=1)
    done = mail.worker.run_round(now)
    assert (done.queued, done.mailed, done.mail_failures) == (1, 0, 1)
    (row,) = mail.outbox.rows()
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "ConnectionRefusedError")
    assert row.next_attempt_at == now + timedelta(seconds=30)
    assert mail.worker.run_round(now + timedelta(seconds=10)).mail_failures == 0  # waits for its turn
    done = mail.worker.run_round(now + timedelta(seconds=31))
    assert done.mail_failures == 1
    assert mail.outbox.rows()[0].next_attempt_at == now + timedelta(seconds=31 + 60)  # the wait doubles
    mail.smtp.start()
    assert mail.worker.run_round(now + timedelta(seconds=95)).mailed == 1
    (received,) = mail.smtp.wait_for(1)
    assert received.envelope_to == [coordinator.email] and ticket.id in received.subject
    assert [e.ticket_id for e in audit(mail, "mail_sent")] == [ticket.id]
    assert mail.outbox.rows()[0].status == "sent"


def test_a_refused_address_is_given_up_and_written_to_the_audit_log(mail):
    gone = mail.user("coordinator", ("Goes",), kinds=["new_ticket"])
    kept = mail.user("coordinator", ("Goes",), kinds=["new_ticket"])
    mail.smtp.refused.add(gone.email)
    ticket = mail.ticket(gemeente="Goes")
    done = mail.worker.run_round(TUESDAY_10 + timedelta(minutes=1))
    assert (done.mailed, done.mail_failures) == (1, 1)
    assert mail.smtp.wait_for(1)[0].envelope_to == [kept.email]
    (failed,) = audit(mail, "mail_failed")
    assert failed.ticket_id == ticket.id and f"account {gone.id}" in failed.detail
    assert {r.status for r in mail.outbox.rows()} == {"sent", "failed"}


@pytest.mark.parametrize("implicit_tls", [True])
def test_smtps_with_tls_from_the_first_byte(tmp_path, sqlite_url, implicit_tls):
    mail = make_setup(sqlite_url, tmp_path, implicit_tls=implicit_tls)
    try:
        assert mail.settings.mail.implicit_tls and mail.settings.mail.port == mail.smtp.port
        coordinator = mail.user("coordinator", ("Goes",), kinds=["new_ticket"])
        ticket = mail.ticket(gemeente="Goes")
        assert mail.worker.run_round(TUESDAY_10 + timedelta(minutes=1)).mailed == 1
        (received,) = mail.smtp.wait_for(1)
        assert received.envelope_to == [coordinator.email] and ticket.id in received.subject
    finally:
        mail.smtp.stop()
        mail.store.close()
