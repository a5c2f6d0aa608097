"""The follow-up on the ticket: the resident's yes, the question queued at closing, the answer.

Why on the ticket: the answer belongs to that callback, is shown beside it and counted in the
insights, and goes with it at erasure and retention. The address to write to is encrypted like
the contact details; the outbox row names only the ticket.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.queue import outbox
from bot.queue.models import FOLLOWUP_ANSWERS, AuditEntry, Ticket, normalise_ticket_id, utcnow

logger = logging.getLogger(__name__)
CLOSING_STATUSES = ("afgerond", "niet_bereikt")
PAYLOAD_PREFIX = "nazorg:"
ACTOR = "assistant"


def answer_payload(ticket_id: str, answer: str) -> str:
    """What a button of the question sends back (Telegram callback data, a WhatsApp reply id)."""
    return f"{PAYLOAD_PREFIX}{ticket_id}:{answer}"


def read_payload(payload: str) -> tuple[str, str] | None:
    """(ticket id, answer) of a follow-up button, or None for any other text."""
    if not payload.startswith(PAYLOAD_PREFIX):
        return None
    ticket_id, _, answer = payload[len(PAYLOAD_PREFIX):].partition(":")
    if not ticket_id or answer not in FOLLOWUP_ANSWERS or len(ticket_id) > 16:
        return None
    return normalise_ticket_id(ticket_id), answer


def queue_on_close(session: Session, ticket: Ticket, to_status: str, now: datetime) -> bool:
    """In the transaction that closes a ticket: queue its question once, when the resident agreed."""
    if to_status not in CLOSING_STATUSES or ticket.followup_status != "agreed":
        return False
    outbox.add(session, "followup", f"followup:{ticket.id}", now, ticket_id=ticket.id)
    ticket.followup_status = "queued"  # `ticket` is loaded in `session`: written with the closing
    return True


class Followups:
    """Reads and writes of the follow-up, on the queue's store (its cipher and sender hashes)."""

    def __init__(self, store: Any, clock: Any = utcnow) -> None:
        self.store = store
        self.clock = clock
        self._sessions = store.session_factory

    def agree(self, ticket_id: str, channel: str, sender: str, address: str) -> bool:
        """The resident said yes: keep the encrypted address. Only for a ticket of this conversation."""
        now = self.clock()
        with self._sessions.begin() as session:
            ticket = session.get(Ticket, normalise_ticket_id(ticket_id), with_for_update=True)
            if ticket is None or not self.store.is_sender_of(ticket, channel, sender):
                return False
            ticket.followup_address_encrypted = self.store.seal({"channel": channel, "address": address})
            ticket.followup_status = "agreed"
            session.add(AuditEntry(ticket_id=ticket.id, at=now, actor=ACTOR, action="followup_consent",
                                   detail=f"on {channel}"))
        return True

    def answer(self, payload: str, channel: str, sender: str) -> str:
        """Record a button press: "recorded", "again" (answered before) or "unknown"."""
        found = read_payload(payload)
        if found is None:
            return "unknown"
        ticket_id, answer = found
        now = self.clock()
        with self._sessions.begin() as session:
            ticket = session.get(Ticket, ticket_id, with_for_update=True)
            if ticket is None or not self.store.is_sender_of(ticket, channel, sender):
                return "unknown"
            if ticket.followup_status == "answered":
                return "again"
            if ticket.followup_status != "sent":
                return "unknown"
            ticket.followup_answer = answer
            ticket.followup_answered_at = now
            ticket.followup_status = "answered"
            ticket.followup_address_encrypted = None  # no further message will ever go there
            session.add(AuditEntry(ticket_id=ticket.id, at=now, actor=ACTOR, action="followup_answered",
                                   detail=answer))
        logger.info("Follow-up of ticket %s answered.", ticket_id)
        return "recorded"

    def address_of(self, ticket_id: str | None) -> tuple[Ticket, dict[str, str]] | None:
        """The ticket and its decrypted {channel, address}, while its question waits to be sent."""
        if ticket_id is None:
            return None
        with self._sessions() as session:
            ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.followup_status != "queued" or not ticket.followup_address_encrypted:
            return None
        return ticket, self.store.unseal(ticket.followup_address_encrypted)

    def mark(self, ticket_id: str, status: str, now: datetime) -> None:
        """"sent" (with the time) or "not_sent"; a question not sent also forgets the address."""
        values: dict[str, Any] = {"followup_status": status}
        if status == "sent":
            values["followup_sent_at"] = now
        else:
            values["followup_address_encrypted"] = None
        with self._sessions.begin() as session:
            session.execute(sa.update(Ticket.__table__).where(Ticket.id == ticket_id).values(**values))
