"""Which mails are due now: new callback tickets, tickets near their due time, the daily digest.

Run by the outbox worker every few seconds (bot/ops/outbox_worker.py), never by a conversation turn.
Each mail is queued once: its outbox key names the kind, the ticket (or the day) and the account,
and the outbox's unique constraint keeps a second replica or a second round from adding it again.

Who gets what: an active account that chose the kind (bot/mail/kinds.py), for tickets of its own
gemeenten. Admins also get the tickets of a gemeente that no active coordinator covers, so a
ticket never waits where nobody is told. Crisis signals are no work for a coordinator and are
never mailed (bot/queue/models.py KIND_SIGNAL).
"""
from __future__ import annotations

import builtins
import logging
from datetime import datetime, timedelta
from typing import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from bot.mail.compose import Mail, MailFacts, digest_mail, due_soon_mail, facts_of, new_ticket_mail
from bot.mail.kinds import DIGEST, DUE_SOON, NEW_TICKET, chosen_kinds
from bot.mail.settings import MailSettings
from bot.municipality.office_hours import OfficeHours
from bot.queue import outbox
from bot.queue.models import KIND_CALLBACK, OPEN_STATUSES, STATUS_NIEUW, Ticket
from bot.queue.outbox import OutboxMessage
from bot.queue.staff import User

logger = logging.getLogger(__name__)
NEW_WINDOW = timedelta(hours=6)  # older new tickets are left to the due-time mail and the digest
DUE_LOOKBACK = timedelta(days=60)


def wants(user: User, kind: str, gemeente: str | None, covered: set[str]) -> bool:
    """Whether this account gets a `kind` mail about a ticket of `gemeente`."""
    if not user.active or kind not in chosen_kinds(user.mail_kinds):
        return False
    if gemeente is not None and gemeente in (user.gemeenten or ()):
        return True
    return user.role == "admin" and (gemeente is None or gemeente not in covered)


class MailPlanner:
    """Queues the mails that are due at a moment; delivery is the outbox worker's."""

    def __init__(self, sessions: sessionmaker, hours: OfficeHours, settings: MailSettings, dashboard_url: str) -> None:
        self._sessions = sessions
        self.hours = hours
        self.settings = settings
        self.dashboard_url = dashboard_url.rstrip("/")

    def plan(self, now: datetime) -> int:
        """Queue every mail that is due at `now`; returns how many were added."""
        with self._sessions.begin() as session:
            users = builtins.list(session.execute(sa.select(User).where(User.active.is_(True))).scalars())
            if not users:
                return 0
            covered = {g for u in users if u.role == "coordinator" for g in u.gemeenten or ()}
            return (self._new_tickets(session, users, covered, now) + self._due_soon(session, users, covered, now)
                    + self._digests(session, users, now))

    def _known_keys(self, session: Session, ticket_ids: Iterable[str]) -> set[str]:
        ids = builtins.list(ticket_ids)
        if not ids:
            return set()
        return set(session.execute(sa.select(OutboxMessage.dedupe_key)
                                   .where(OutboxMessage.ticket_id.in_(ids))).scalars())

    def _queue(self, session: Session, kind: str, key: str, user: User, mail: Mail, now: datetime,
               ticket_id: str | None = None) -> int:
        return int(outbox.add(session, kind, key, now, ticket_id=ticket_id, user_id=user.id, recipient=user.email,
                              subject=mail.subject[:255], body_text=mail.text, body_html=mail.html))

    def _facts(self, ticket: Ticket, now: datetime) -> MailFacts:
        return facts_of(ticket, self.hours.callback_by(ticket.created_at), now)

    def _new_tickets(self, session: Session, users: Sequence[User], covered: set[str], now: datetime) -> int:
        tickets = builtins.list(session.execute(sa.select(Ticket).where(
            Ticket.kind == KIND_CALLBACK, Ticket.status == STATUS_NIEUW,
            Ticket.created_at >= now - NEW_WINDOW)).scalars())
        known = self._known_keys(session, (t.id for t in tickets))
        added = 0
        for ticket in tickets:
            for user in users:
                key = f"{NEW_TICKET}:{ticket.id}:{user.id}"
                if key not in known and wants(user, NEW_TICKET, ticket.gemeente, covered):
                    mail = new_ticket_mail(self._facts(ticket, now), self.dashboard_url, self.hours.timezone)
                    added += self._queue(session, NEW_TICKET, key, user, mail, now, ticket.id)
        return added

    def _due_soon(self, session: Session, users: Sequence[User], covered: set[str], now: datetime) -> int:
        warn = timedelta(hours=self.settings.due_soon_hours)
        tickets = [t for t in session.execute(sa.select(Ticket).where(
            Ticket.kind == KIND_CALLBACK, Ticket.status == STATUS_NIEUW, Ticket.assigned_meedenker_id.is_(None),
            Ticket.first_contact_at.is_(None), Ticket.created_at >= now - DUE_LOOKBACK)).scalars()
            if now >= self.hours.callback_by(t.created_at) - warn]
        known = self._known_keys(session, (t.id for t in tickets))
        added = 0
        for ticket in tickets:
            for user in users:
                key = f"{DUE_SOON}:{ticket.id}:{user.id}"
                if key not in known and wants(user, DUE_SOON, ticket.gemeente, covered):
                    mail = due_soon_mail(self._facts(ticket, now), self.dashboard_url, self.hours.timezone)
                    added += self._queue(session, DUE_SOON, key, user, mail, now, ticket.id)
        return added

    def _digests(self, session: Session, users: Sequence[User], now: datetime) -> int:
        """After MEEDENKER_MAIL_DIGEST_HOUR on a day the office is open; nothing when nothing is open."""
        local = now.astimezone(self.hours.timezone)
        day = local.date()
        if local.hour < self.settings.digest_hour or not self.hours.intervals_on(day):
            return 0
        readers = [u for u in users if DIGEST in chosen_kinds(u.mail_kinds)]
        keys = {f"{DIGEST}:{u.id}:{day.isoformat()}": u for u in readers}
        known = set(session.execute(sa.select(OutboxMessage.dedupe_key)
                                    .where(OutboxMessage.dedupe_key.in_(builtins.list(keys)))).scalars()) if keys else set()
        waiting = [k for k in keys if k not in known]
        if not waiting:
            return 0
        open_tickets = builtins.list(session.execute(sa.select(Ticket).where(
            Ticket.kind == KIND_CALLBACK, Ticket.status.in_((STATUS_NIEUW,) + OPEN_STATUSES))).scalars())
        added = 0
        for key in waiting:
            user = keys[key]
            mine = [t for t in open_tickets if user.role == "admin" or t.gemeente in (user.gemeenten or ())]
            if mine:
                mail = digest_mail([self._facts(t, now) for t in mine], day, self.dashboard_url, self.hours.timezone)
                added += self._queue(session, DIGEST, key, user, mail, now)
        return added
