"""The outbox: every e-mail to a coordinator and every follow-up question to a resident waits here
until it is delivered (revision 0004).

Why a table and not a send in the request: a turn or a dashboard click never waits for a mail or
chat server, and one that is down loses nothing. A row is written once per `dedupe_key` (the
database's unique constraint decides a race between replicas), claimed with a short lease before
it is sent, and retried with a growing wait. Rows hold no resident's personal data: a mail's text
names the ticket, never the person; a follow-up row names only its ticket, whose address is
encrypted on the ticket itself.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from bot.queue.models import AuditEntry, Base, UTCDateTime, _in

OUTBOX_KINDS: Final[tuple[str, ...]] = ("new_ticket", "due_soon", "digest", "followup")
OUTBOX_STATUSES: Final[tuple[str, ...]] = ("pending", "sent", "failed")


class OutboxMessage(Base):
    """One message to deliver: a mail (recipient, subject, body) or a follow-up (its ticket)."""

    __tablename__ = "meedenker_outbox"
    __table_args__ = (
        sa.CheckConstraint(_in("kind", OUTBOX_KINDS), name="kind"),
        sa.CheckConstraint(_in("status", OUTBOX_STATUSES), name="status"),
    )

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    kind = sa.Column(sa.String(16), nullable=False)
    dedupe_key = sa.Column(sa.String(160), nullable=False, unique=True)
    ticket_id = sa.Column(sa.String(16), nullable=True, index=True)
    user_id = sa.Column(sa.Integer, nullable=True)
    recipient = sa.Column(sa.String(254), nullable=True)  # a staff account's address; never a resident's
    subject = sa.Column(sa.String(255), nullable=True)
    body_text = sa.Column(sa.Text, nullable=True)
    body_html = sa.Column(sa.Text, nullable=True)
    status = sa.Column(sa.String(16), nullable=False, index=True)
    attempts = sa.Column(sa.Integer, nullable=False, default=0, server_default="0")
    created_at = sa.Column(UTCDateTime(), nullable=False)
    next_attempt_at = sa.Column(UTCDateTime(), nullable=False, index=True)
    claimed_until = sa.Column(UTCDateTime(), nullable=True)
    sent_at = sa.Column(UTCDateTime(), nullable=True)
    last_error = sa.Column(sa.String(255), nullable=True)  # the error's kind, never a message's text


# --- operations ---------------------------------------------------------------------------------
FIRST_WAIT: Final = timedelta(seconds=30)
LONGEST_WAIT: Final = timedelta(hours=1)
GIVE_UP_AFTER: Final = timedelta(days=3)  # a mail server down for a long weekend still loses nothing
LEASE: Final = timedelta(minutes=5)  # a claimed row is another replica's again after this
KEEP_DELIVERED: Final = timedelta(days=30)  # sent and failed rows are deleted after this
OUTBOX_ACTOR: Final = "outbox"


def backoff(attempts: int) -> timedelta:
    """30 s after the first failure, doubling, at most an hour."""
    return min(FIRST_WAIT * 2 ** max(0, min(attempts - 1, 20)), LONGEST_WAIT)


def add(session: Session, kind: str, dedupe_key: str, now: datetime, **fields: object) -> bool:
    """Queue one message unless its key is already there (also when another replica just added it).
    True when this call added it."""
    table = OutboxMessage.__table__
    insert = (sqlite_insert if session.bind.dialect.name == "sqlite" else postgresql_insert)(table)
    result = session.execute(insert.values(kind=kind, dedupe_key=dedupe_key[:160], status="pending", attempts=0,
                                           created_at=now, next_attempt_at=now, **fields)
                             .on_conflict_do_nothing(index_elements=[table.c.dedupe_key]))
    return bool(result.rowcount)


class Outbox:
    """Claims, delivery results and clean-up of the outbox's rows."""

    def __init__(self, sessions: sessionmaker) -> None:
        self._sessions = sessions

    def due(self, now: datetime, kinds: tuple[str, ...], limit: int = 100) -> list[int]:
        """Ids of pending rows of these kinds whose time has come, oldest first."""
        with self._sessions() as session:
            return list(session.execute(
                sa.select(OutboxMessage.id).where(
                    OutboxMessage.status == "pending", OutboxMessage.kind.in_(kinds),
                    OutboxMessage.next_attempt_at <= now,
                    sa.or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now))
                .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)).scalars())

    def claim(self, message_id: int, now: datetime) -> OutboxMessage | None:
        """Take a row for LEASE with one conditional UPDATE: of two replicas, one gets it."""
        table = OutboxMessage.__table__
        with self._sessions.begin() as session:
            taken = session.execute(sa.update(table).where(
                table.c.id == message_id, table.c.status == "pending",
                sa.or_(table.c.claimed_until.is_(None), table.c.claimed_until < now),
            ).values(claimed_until=now + LEASE)).rowcount
            if taken != 1:
                return None
            return session.get(OutboxMessage, message_id)

    def delivered(self, message: OutboxMessage, now: datetime, action: str, detail: str) -> None:
        """Sent: the row is marked and the audit log says so, in one transaction."""
        with self._sessions.begin() as session:
            session.execute(sa.update(OutboxMessage.__table__).where(OutboxMessage.id == message.id).values(
                status="sent", sent_at=now, claimed_until=None, attempts=message.attempts + 1, last_error=None))
            session.add(AuditEntry(ticket_id=message.ticket_id, at=now, actor=OUTBOX_ACTOR, action=action,
                                   detail=detail[:500]))

    def failed(self, message: OutboxMessage, now: datetime, error: str, *, permanent: bool,
               action: str, detail: str) -> bool:
        """A failed attempt: try again after `backoff`, or give up (permanent, or too long).
        True when the row was given up; that is written to the audit log."""
        attempts = message.attempts + 1
        give_up = permanent or now - message.created_at >= GIVE_UP_AFTER
        values: dict[str, object] = {"attempts": attempts, "claimed_until": None, "last_error": error[:255]}
        if give_up:
            values["status"] = "failed"
        else:
            values["next_attempt_at"] = now + backoff(attempts)
        with self._sessions.begin() as session:
            session.execute(sa.update(OutboxMessage.__table__).where(OutboxMessage.id == message.id).values(**values))
            if give_up:
                session.add(AuditEntry(ticket_id=message.ticket_id, at=now, actor=OUTBOX_ACTOR, action=action,
                                       detail=f"{detail}: {error}"[:500]))
        return give_up

    def release(self, message: OutboxMessage) -> None:
        """Give a claimed row back untouched (the round stopped before it)."""
        with self._sessions.begin() as session:
            session.execute(sa.update(OutboxMessage.__table__).where(OutboxMessage.id == message.id)
                            .values(claimed_until=None))

    def clean(self, now: datetime) -> int:
        """Delete delivered and failed rows older than KEEP_DELIVERED (the audit log keeps the fact)."""
        with self._sessions.begin() as session:
            return session.execute(sa.delete(OutboxMessage.__table__).where(
                OutboxMessage.status.in_(("sent", "failed")),
                OutboxMessage.created_at < now - KEEP_DELIVERED)).rowcount

    def rows(self, limit: int = 100) -> list[OutboxMessage]:
        """The newest rows, for tests and operators."""
        with self._sessions() as session:
            return list(session.execute(sa.select(OutboxMessage).order_by(OutboxMessage.id.desc())
                                        .limit(limit)).scalars())
