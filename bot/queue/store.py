"""The durable callback queue: tickets in SQLite or PostgreSQL, with encryption, audit and erasure.

Why these choices:
- `create()` is idempotent on a key the caller derives from the conversation, so a retried action
  (Rasa retries, a replica restart, a double click) never queues the same resident twice. The
  database's unique constraint decides a race; the loser returns the winner's ticket.
- every change writes its audit row in the same transaction, so there is no change without trace;
- erasure and retention reach Rasa's `events` table too, with plain SQLAlchemy Core, because a
  resident's conversation is personal data just like their ticket (domain guide §7).
"""
from __future__ import annotations

import builtins
import json
import logging
import os
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from bot.errors import NotFound
from bot.understanding.privacy import mask_pii
from bot.queue import migrations
from bot.queue.crypto import ContactCipher, SenderHasher
from bot.queue.staff import StatusChange
from bot.queue.models import (
    STATUS_NIEUW,
    STATUSES,
    AuditEntry,
    NewTicket,
    Ticket,
    new_ticket_id,
    normalise_ticket_id,
    utcnow,
)
from bot.ops.settings import Settings

logger = logging.getLogger(__name__)

ASSISTANT_ACTOR = "assistant"
SYSTEM_ACTOR = "system"
MAX_LIST_LIMIT = 1000
_ID_ATTEMPTS = 5
_BATCH = 500
_T = TypeVar("_T")


def _sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite:/// URL, or None for other databases and in-memory SQLite."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


SQLITE_MODE = 0o600


def protect_sqlite_file(url: str) -> None:
    """Make the SQLite file behind `url` (and its journal files) readable by its owner only.

    Created empty with mode 0600 when missing (an empty file is a valid database): SQLite gives
    its -wal/-shm/-journal files the database file's mode. Other URLs are left alone.
    """
    path = _sqlite_path(url)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, SQLITE_MODE))
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        if candidate.exists():
            os.chmod(candidate, SQLITE_MODE)


def _sqlite_secure_delete(connection: Any, _record: Any) -> None:
    """Deleted rows are overwritten with zeros, not left in the file's free pages (erasure)."""
    cursor = connection.cursor()
    try:
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def _create_engine(url: str) -> sa.engine.Engine:
    path = _sqlite_path(url)
    if path is not None:
        protect_sqlite_file(url)
        engine = sa.create_engine(url, future=True, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_secure_delete)
        return engine
    if sa.engine.make_url(url).get_backend_name() == "postgresql":
        return sa.create_engine(url, future=True, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    return sa.create_engine(url, future=True)


def _mask(text: str | None) -> str | None:
    return None if text is None else mask_pii(text).text


def _masked_labels(labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(label, evidence=[mask_pii(word).text for word in label["evidence"]]) for label in labels]


def _without_evidence(labels: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [dict(label, evidence=[]) for label in labels or []]


def _events_table() -> sa.Table:
    """The columns of Rasa's SQLTrackerStore `events` table that erasure needs (no Rasa import)."""
    return sa.Table(
        "events", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("type_name", sa.String(255), nullable=False),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("data", sa.Text),
    )


class TicketStore:
    """All reads and writes of the callback queue. Returned tickets are detached snapshots."""

    def __init__(self, url: str, secret_key: str) -> None:
        self.url = url
        self._cipher = ContactCipher(secret_key)
        self._hash_sender = SenderHasher(secret_key)
        self._engine = _create_engine(url)
        self._sessions = sessionmaker(bind=self._engine, expire_on_commit=False, future=True)

    @classmethod
    def from_settings(cls, settings: Settings) -> "TicketStore":
        """The store of `bot.ops.settings.Settings` (its queue_url and secret_key)."""
        return cls(settings.queue_url, settings.secret_key)

    def close(self) -> None:
        self._engine.dispose()

    def seal(self, value: dict[str, Any]) -> str:
        """Encrypt a small mapping with the contact details' key (the follow-up's address)."""
        return self._cipher.encrypt(value)

    def unseal(self, token: str) -> dict[str, Any]:
        return self._cipher.decrypt(token)

    def is_sender_of(self, ticket: Ticket, channel: str, sender: str) -> bool:
        """Whether this conversation made the ticket (compares keyed hashes, never raw ids)."""
        return ticket.sender_hash is not None and ticket.channel == channel and \
            ticket.sender_hash == self._hash_sender(channel, sender)

    def last_message_at(self, tracker_url: str, sender_id: str) -> float | None:
        """The time (unix seconds) of the resident's latest message in Rasa's events table."""
        return self._on_events(tracker_url, lambda conn, events: conn.execute(
            sa.select(sa.func.max(events.c.timestamp)).where(events.c.sender_id == sender_id,
                                                              events.c.type_name == "user")).scalar(), None)

    @property
    def session_factory(self) -> sessionmaker:
        """For the dashboard's own queries on the same database (bot/dashboard/repository/)."""
        return self._sessions

    # --- schema -------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the queue's tables; safe to call at every start, from every replica."""
        migrations.upgrade(self._engine)

    def schema_is_current(self) -> bool:
        return migrations.current_revision(self._engine) == migrations.head_revision()

    # --- tickets ------------------------------------------------------------------------------

    def create(self, new: NewTicket, idempotency_key: str, *,
               now: datetime | None = None) -> tuple[Ticket, bool]:
        """Queue a ticket once per key: (ticket, True) when created, (existing ticket, False) after."""
        if not idempotency_key or len(idempotency_key) > 255:
            raise ValueError("idempotency_key must be 1 to 255 characters")
        existing = self._find_by_key(idempotency_key)
        if existing is not None:
            return existing, False
        for _ in range(_ID_ATTEMPTS):
            ticket = self._build(new, idempotency_key, now or utcnow())
            try:
                with self._sessions.begin() as session:
                    session.add(ticket)
                    session.flush()
                    session.add(self._audit(ticket.id, ASSISTANT_ACTOR, "created",
                                            f"route {ticket.route}, urgency {ticket.urgency}",
                                            ticket.created_at))
            except IntegrityError:
                # Either another process won the race for this key, or (rarely) the random id clashed.
                winner = self._find_by_key(idempotency_key)
                if winner is not None:
                    return winner, False
                continue
            logger.info("Queued ticket %s (route %s, urgency %s)", ticket.id, ticket.route, ticket.urgency)
            return ticket, True
        raise RuntimeError(f"could not find a free ticket id in {_ID_ATTEMPTS} attempts")

    def _build(self, new: NewTicket, idempotency_key: str, now: datetime) -> Ticket:
        return Ticket(
            id=new_ticket_id(),
            created_at=now,
            channel=new.channel,
            sender_hash=self._hash_sender(new.channel, new.sender_id),
            idempotency_key=idempotency_key,
            gemeente=new.gemeente,
            leefgebieden=_masked_labels(list(new.leefgebieden)),
            doelgroepen=_masked_labels(list(new.doelgroepen)),
            # Masked at the channel edge already; again here, because this text outlives the chat.
            summary=_mask(new.summary),
            route=new.route,
            urgency=new.urgency,
            meedenker_type=new.meedenker_type,
            opschaal_reasons=list(new.opschaal_reasons),
            organisations=[dict(org) for org in new.organisations],
            preferred_moment=_mask(new.preferred_moment),
            preference=new.preference,
            status=STATUS_NIEUW,
            contact_encrypted=self._cipher.encrypt(new.contact) if new.contact else None,
            kind=new.kind,
            language=new.language,
            interpreter=bool(new.interpreter),
        )

    def _find_by_key(self, idempotency_key: str) -> Ticket | None:
        with self._sessions() as session:
            return session.execute(
                sa.select(Ticket).where(Ticket.idempotency_key == idempotency_key)
            ).scalar_one_or_none()

    def get(self, ticket_id: str) -> Ticket | None:
        with self._sessions() as session:
            return session.get(Ticket, normalise_ticket_id(ticket_id))

    def list(self, status: str | None = None, limit: int = 100) -> builtins.list[Ticket]:
        """Newest first; optionally only one status."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {status!r}")
        if not 1 <= limit <= MAX_LIST_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIST_LIMIT}")
        query = sa.select(Ticket).order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(limit)
        if status is not None:
            query = query.where(Ticket.status == status)
        with self._sessions() as session:
            return builtins.list(session.execute(query).scalars())

    def contact(self, ticket_id: str, actor: str) -> dict[str, str | None] | None:
        """The decrypted {name, phone, email}, or None when none was given or it was anonymised.
        Every look is audited, also one that finds nothing."""
        ticket_id = normalise_ticket_id(ticket_id)
        with self._sessions.begin() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFound(f"No ticket {ticket_id}")
            token = ticket.contact_encrypted
            session.add(self._audit(ticket_id, actor, "viewed_contact",
                                    None if token else "no contact details stored"))
            # Decrypt inside the transaction: a wrong key raises and the audit row is not written.
            return self._cipher.decrypt(token) if token else None

    def set_status(self, ticket_id: str, status: str, actor: str) -> Ticket:
        from bot.followup.records import queue_on_close  # here: bot.followup imports this package
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {status!r}")
        ticket_id = normalise_ticket_id(ticket_id)
        with self._sessions.begin() as session:
            ticket = session.get(Ticket, ticket_id, with_for_update=True)
            if ticket is None:
                raise NotFound(f"No ticket {ticket_id}")
            if ticket.status != status:
                session.add(self._audit(ticket_id, actor, "status_changed", f"{ticket.status} -> {status}"))
                session.add(StatusChange(ticket_id=ticket_id, at=utcnow(), actor=actor[:128],
                                         from_status=ticket.status, to_status=status))
                if status in ("in_gesprek", "afgerond", "doorverwezen") and ticket.first_contact_at is None:
                    ticket.first_contact_at = utcnow()
                queue_on_close(session, ticket, status, utcnow())
                ticket.status = status
                ticket.version = (ticket.version or 1) + 1
            return ticket

    def update_details(self, ticket_id: str, *, contact: dict[str, str] | None = None,
                       preferred_moment: str | None = None, gemeente: str | None = None,
                       preference: str | None = None, actor: str = ASSISTANT_ACTOR) -> builtins.list[str]:
        """A detail the resident changed after the ticket was written, into the same ticket: a new
        number replaces the old one (an e-mail address given before stays). Returns the fields
        changed; the audit names them, never their values."""
        ticket_id = normalise_ticket_id(ticket_id)
        changed: builtins.list[str] = []
        with self._sessions.begin() as session:
            ticket = session.get(Ticket, ticket_id, with_for_update=True)
            if ticket is None:
                raise NotFound(f"No ticket {ticket_id}")
            if contact:
                old = self._cipher.decrypt(ticket.contact_encrypted) if ticket.contact_encrypted else {}
                ticket.contact_encrypted = self._cipher.encrypt({**(old or {}), **contact})
                changed.append("contact")
            if preferred_moment:
                ticket.preferred_moment = _mask(preferred_moment)
                changed.append("preferred_moment")
            if gemeente:
                ticket.gemeente = gemeente
                changed.append("gemeente")
            if preference:
                ticket.preference = preference
                changed.append("preference")
            if changed:
                ticket.version = (ticket.version or 1) + 1
                session.add(self._audit(ticket_id, actor, "details_changed", ", ".join(changed)))
        if changed:
            logger.info("Ticket %s: resident changed %s", ticket_id, ", ".join(changed))
        return changed

    def make_urgent(self, ticket_id: str, reason: str, actor: str = ASSISTANT_ACTOR) -> bool:
        """Raise an open ticket to urgent (a crisis after the callback request); True when it changed."""
        ticket_id = normalise_ticket_id(ticket_id)
        with self._sessions.begin() as session:
            ticket = session.get(Ticket, ticket_id, with_for_update=True)
            if ticket is None or ticket.urgency == "urgent" or ticket.status in ("afgerond", "doorverwezen"):
                return False
            ticket.urgency = "urgent"
            ticket.version = (ticket.version or 1) + 1
            session.add(self._audit(ticket_id, actor, "urgency_raised", reason[:500]))
        logger.warning("Ticket %s raised to urgent: %s", ticket_id, reason)
        return True

    def history(self, ticket_id: str | None) -> builtins.list[AuditEntry]:
        """Audit entries of one ticket (None: those of conversation-only erasures), oldest first."""
        query = sa.select(AuditEntry).order_by(AuditEntry.id)
        if ticket_id is None:
            query = query.where(AuditEntry.ticket_id.is_(None))
        else:
            query = query.where(AuditEntry.ticket_id == normalise_ticket_id(ticket_id))
        with self._sessions() as session:
            return builtins.list(session.execute(query).scalars())

    # --- erasure and retention ----------------------------------------------------------------

    def erase_sender(self, channel: str, sender_id: str, *, actor: str = SYSTEM_ACTOR) -> int:
        """Delete every ticket of one resident; the audit keeps that it happened, not who it was."""
        sender_hash = self._hash_sender(channel, sender_id)
        with self._sessions.begin() as session:
            ids = session.execute(
                sa.select(Ticket.id).where(Ticket.sender_hash == sender_hash)
            ).scalars().all()
            if ids:
                session.execute(sa.delete(Ticket).where(Ticket.id.in_(ids)))
                session.execute(sa.delete(StatusChange).where(StatusChange.ticket_id.in_(ids)))
                session.add_all(self._audit(i, actor, "erased", "erased on request (by sender)") for i in ids)
        return len(ids)

    def erase_resident(self, ticket_id: str, tracker_url: str, *,
                       actor: str = SYSTEM_ACTOR) -> tuple[int, int]:
        """Erase the resident behind one ticket: every ticket of the same conversation (such as its
        crisis flag) and the conversation itself. Returns (tickets, tracker events) erased."""
        ticket = self.get(ticket_id)
        if ticket is None:
            raise NotFound(f"No ticket {normalise_ticket_id(ticket_id)}")
        sender = self.tracker_sender_of(tracker_url, ticket.id)
        events = self.erase_tracker_events(tracker_url, sender, actor=actor) if sender else 0
        if ticket.sender_hash is None:  # anonymised: nothing links it to other tickets any more
            return int(self.erase_ticket(ticket.id, actor=actor)), events
        with self._sessions.begin() as session:
            ids = session.execute(sa.select(Ticket.id).where(
                Ticket.sender_hash == ticket.sender_hash, Ticket.channel == ticket.channel)).scalars().all()
            session.execute(sa.delete(Ticket).where(Ticket.id.in_(ids)))
            session.execute(sa.delete(StatusChange).where(StatusChange.ticket_id.in_(ids)))
            session.add_all(self._audit(i, actor, "erased", "erased on request (by ticket, with the "
                                                            "resident's other tickets)") for i in ids)
        return len(ids), events

    def erase_ticket(self, ticket_id: str, *, actor: str = SYSTEM_ACTOR) -> bool:
        ticket_id = normalise_ticket_id(ticket_id)
        with self._sessions.begin() as session:
            deleted = session.execute(sa.delete(Ticket).where(Ticket.id == ticket_id)).rowcount
            session.execute(sa.delete(StatusChange).where(StatusChange.ticket_id == ticket_id))
            if deleted:
                session.add(self._audit(ticket_id, actor, "erased", "erased on request (by ticket)"))
        return bool(deleted)

    def anonymise_older_than(self, days: int, now: datetime | None = None, *,
                             actor: str = SYSTEM_ACTOR) -> int:
        """Retention: strip everything personal from tickets created more than `days` ago.
        Kept: ids, dates, werkmodel labels, route and status, for the municipality's figures."""
        if days < 0:
            raise ValueError("days must not be negative")
        now = now or utcnow()
        cutoff = now - timedelta(days=days)
        done = 0
        while True:
            with self._sessions.begin() as session:
                tickets = session.execute(
                    sa.select(Ticket)
                    .where(Ticket.created_at < cutoff, Ticket.anonymised_at.is_(None))
                    .order_by(Ticket.created_at).limit(_BATCH)
                ).scalars().all()
                for ticket in tickets:
                    ticket.contact_encrypted = None
                    ticket.summary = None
                    ticket.preferred_moment = None
                    ticket.sender_hash = None
                    ticket.followup_address_encrypted = None
                    ticket.leefgebieden = _without_evidence(ticket.leefgebieden)
                    ticket.doelgroepen = _without_evidence(ticket.doelgroepen)
                    ticket.anonymised_at = now
                    session.add(self._audit(ticket.id, actor, "anonymised", f"retention of {days} days", now))
                if tickets:  # coordinators' notes may name the resident: they go with the rest
                    session.execute(sa.update(StatusChange).where(StatusChange.ticket_id.in_([t.id for t in tickets]))
                                    .values(note=None))
            done += len(tickets)
            if len(tickets) < _BATCH:
                return done

    # --- Rasa's tracker store -----------------------------------------------------------------

    def erase_tracker_events(self, tracker_url: str, sender_id: str, *, actor: str = SYSTEM_ACTOR) -> int:
        """Delete one conversation from Rasa's `events` table; 0 when there is no such table."""
        count = self._on_events(tracker_url, lambda conn, events: conn.execute(
            sa.delete(events).where(events.c.sender_id == sender_id)).rowcount, 0)
        if count:
            self._write_audit(None, actor, "erased", f"{count} tracker events of one conversation erased")
            self._checkpoint(tracker_url)
        return count

    def _checkpoint(self, tracker_url: str) -> None:
        """SQLite in WAL mode keeps old page images in the -wal file: fold it in and truncate it."""
        if _sqlite_path(tracker_url) is None:
            return
        with self._tracker_engine(tracker_url) as engine, engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def delete_tracker_events_older_than(self, tracker_url: str, days: int, now: datetime | None = None,
                                         *, actor: str = SYSTEM_ACTOR) -> int:
        """Retention for conversations: delete Rasa events older than `days` (their timestamp)."""
        if days < 0:
            raise ValueError("days must not be negative")
        cutoff = ((now or utcnow()) - timedelta(days=days)).timestamp()
        count = self._on_events(tracker_url, lambda conn, events: conn.execute(
            sa.delete(events).where(events.c.timestamp < cutoff)).rowcount, 0)
        if count:
            self._write_audit(None, actor, "erased", f"retention of {days} days: {count} tracker events deleted")
        return count

    def tracker_sender_of(self, tracker_url: str, ticket_id: str) -> str | None:
        """The raw sender id behind a ticket, found by hashing the tracker's sender ids (the queue
        itself cannot tell). None when the ticket is unknown, anonymised or the conversation gone."""
        ticket = self.get(ticket_id)
        if ticket is None or ticket.sender_hash is None:
            return None
        channel, wanted = ticket.channel, ticket.sender_hash

        def find(conn: sa.engine.Connection, events: sa.Table) -> str | None:
            for sender_id in conn.execute(sa.select(events.c.sender_id).distinct()).scalars():
                if self._hash_sender(channel, sender_id) == wanted:
                    return sender_id
            return None

        return self._on_events(tracker_url, find, None)

    def conversation_texts(self, tracker_url: str, sender_id: str) -> builtins.list[tuple[str, str]]:
        """("user" | "bot", text) of one conversation in Rasa's events table, oldest first."""
        def read(conn: sa.engine.Connection, events: sa.Table) -> builtins.list[tuple[str, str]]:
            rows = conn.execute(sa.select(events.c.type_name, events.c.data)
                                .where(events.c.sender_id == sender_id, events.c.type_name.in_(("user", "bot")))
                                .order_by(events.c.id)).all()
            texts = []
            for type_name, data in rows:
                try:
                    text = json.loads(data or "{}").get("text")
                except (ValueError, AttributeError):
                    text = None
                if isinstance(text, str) and text.strip():
                    texts.append((type_name, text))
            return texts

        return self._on_events(tracker_url, read, [])

    def _on_events(self, tracker_url: str, work: Callable[[sa.engine.Connection, sa.Table], _T],
                   missing: _T) -> _T:
        path = _sqlite_path(tracker_url)
        if path is not None and not path.exists():
            return missing  # no conversations stored yet; do not create an empty database file
        with self._tracker_engine(tracker_url) as engine:
            if not sa.inspect(engine).has_table("events"):
                return missing
            with engine.begin() as connection:
                return work(connection, _events_table())

    @contextmanager
    def _tracker_engine(self, tracker_url: str) -> Iterator[sa.engine.Engine]:
        if tracker_url == self.url:
            yield self._engine
            return
        engine = _create_engine(tracker_url)
        try:
            yield engine
        finally:
            engine.dispose()

    # --- audit --------------------------------------------------------------------------------

    @staticmethod
    def _audit(ticket_id: str | None, actor: str, action: str, detail: str | None = None,
               at: datetime | None = None) -> AuditEntry:
        return AuditEntry(ticket_id=ticket_id, at=at or datetime.now(timezone.utc), actor=actor[:128],
                          action=action, detail=detail)

    def _write_audit(self, ticket_id: str | None, actor: str, action: str, detail: str) -> None:
        with self._sessions.begin() as session:
            session.add(self._audit(ticket_id, actor, action, detail))
