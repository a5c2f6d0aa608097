"""The queue as coordinators see it: scope by gemeente, filters, one ticket, status changes,
assignment with suggestions, contact details, erasure and the transcript.

Scope: a coordinator sees a ticket when its gemeente is theirs, or when it has no gemeente (a
crisis flag) and a ticket of the same conversation is in one of theirs; else "not found".
"""
from __future__ import annotations

import builtins
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from bot.errors import NotFound
from bot.followup.records import queue_on_close
from bot.understanding.privacy import mask_pii
from bot.queue.models import (
    KIND_CALLBACK,
    MEEDENKER_TYPES,
    OPEN_STATUSES,
    STATUSES,
    AuditEntry,
    Ticket,
    normalise_ticket_id,
)
from bot.queue.staff import Meedenker, StatusChange
from bot.understanding.werkmodel import DOELGROEP_LABELS, LEEFGEBIED_LABELS, ROUTES
from bot.dashboard.repository.common import (
    MAX_NOTE,
    MAX_QUEUE,
    TRANSITIONS,
    CONTACT_STATUSES,
    Conflict,
    AtCapacity,
    Invalid,
    off_loop,
    Account,
    Filters,
    TicketRow,
    Suggestion,
    TicketView,
    _ids,
)


class Tickets:
    """The queue as coordinators see it: scope by gemeente, filters, one ticket, status changes,"""

    _sessions: Any
    clock: Callable[[], datetime]

    # --- tickets ------------------------------------------------------------------------------

    def _scope(self, account: Account) -> sa.sql.ColumnElement:
        if account.is_admin:
            return sa.true()
        names = builtins.list(account.gemeenten)
        other = aliased(Ticket)
        linked = sa.exists().where(other.sender_hash == Ticket.sender_hash, other.channel == Ticket.channel,
                                   other.gemeente.in_(names))
        return sa.or_(Ticket.gemeente.in_(names),
                      sa.and_(Ticket.gemeente.is_(None), Ticket.sender_hash.isnot(None), linked))

    def due_at(self, ticket: Ticket) -> datetime:
        """The first-contact promise given to the resident when the ticket was made."""
        return self.hours.callback_by(ticket.created_at)

    def _row(self, ticket: Ticket, meedenkers: dict[int, Meedenker]) -> TicketRow:
        due = self.due_at(ticket)
        overdue = ticket.first_contact_at is None and ticket.status in ("nieuw", "toegewezen", "niet_bereikt") \
            and self.clock() > due
        return TicketRow(ticket, due, overdue, meedenkers.get(ticket.assigned_meedenker_id or -1))

    def _local_day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.hours.timezone)

    @off_loop
    def queue(self, account: Account, filters: Filters) -> builtins.list[TicketRow]:
        """Urgent first, then the oldest waiting. Crisis signals are no work: they have their own
        list (bot/dashboard/signals.py)."""
        query = sa.select(Ticket).where(self._scope(account), Ticket.kind == KIND_CALLBACK)
        if filters.status == "open":
            query = query.where(Ticket.status.in_(("nieuw",) + OPEN_STATUSES))
        elif filters.status in STATUSES:
            query = query.where(Ticket.status == filters.status)
        if filters.gemeente:
            query = query.where(Ticket.gemeente == filters.gemeente)
        if filters.taal == "tolk":
            query = query.where(Ticket.interpreter.is_(True))
        elif filters.taal:
            query = query.where(Ticket.language == filters.taal)
        if filters.route in ROUTES:
            query = query.where(Ticket.route == filters.route)
        if filters.type in MEEDENKER_TYPES:
            query = query.where(Ticket.meedenker_type == filters.type)
        if filters.meedenker.isdigit():
            query = query.where(Ticket.assigned_meedenker_id == int(filters.meedenker))
        elif filters.meedenker == "geen":
            query = query.where(Ticket.assigned_meedenker_id.is_(None))
        if filters.van:
            query = query.where(Ticket.created_at >= self._local_day_start(filters.van))
        if filters.tot:
            query = query.where(Ticket.created_at < self._local_day_start(filters.tot + timedelta(days=1)))
        urgent_first = sa.case((Ticket.urgency == "urgent", 0), else_=1)
        query = query.order_by(urgent_first, Ticket.created_at, Ticket.id).limit(MAX_QUEUE)
        with self._sessions() as session:
            tickets = builtins.list(session.execute(query).scalars())
            meedenkers = {m.id: m for m in session.execute(sa.select(Meedenker)).scalars()}
        # The werkmodel labels are JSON lists: filtered here, the same on SQLite and PostgreSQL.
        if filters.leefgebied:
            tickets = [t for t in tickets if filters.leefgebied in _ids(t.leefgebieden)]
        if filters.doelgroep:
            tickets = [t for t in tickets if filters.doelgroep in _ids(t.doelgroepen)]
        return [self._row(t, meedenkers) for t in tickets]

    @off_loop
    def status_counts(self, account: Account) -> dict[str, int]:
        query = sa.select(Ticket.status, sa.func.count()).where(
            self._scope(account), Ticket.kind == KIND_CALLBACK).group_by(Ticket.status)
        with self._sessions() as session:
            found = dict(session.execute(query).all())
        return {status: int(found.get(status, 0)) for status in STATUSES}

    def _visible(self, session: Session, account: Account, ticket_id: str) -> Ticket:
        ticket = session.execute(
            sa.select(Ticket).where(Ticket.id == normalise_ticket_id(ticket_id), self._scope(account))
        ).scalar_one_or_none()
        if ticket is None:
            raise NotFound(ticket_id)
        return ticket

    @off_loop
    def ticket(self, account: Account, ticket_id: str) -> TicketView:
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
            meedenkers = {m.id: m for m in session.execute(sa.select(Meedenker)).scalars()}
            history = builtins.list(session.execute(
                sa.select(StatusChange).where(StatusChange.ticket_id == ticket.id).order_by(StatusChange.id)
            ).scalars())
            linked: builtins.list[Ticket] = []
            if ticket.sender_hash is not None:
                linked = builtins.list(session.execute(
                    sa.select(Ticket).where(Ticket.sender_hash == ticket.sender_hash,
                                            Ticket.channel == ticket.channel, Ticket.id != ticket.id,
                                            self._scope(account)).order_by(Ticket.created_at)
                ).scalars())
            views = builtins.list(session.execute(
                sa.select(AuditEntry).where(AuditEntry.ticket_id == ticket.id,
                                            AuditEntry.action == "viewed_contact").order_by(AuditEntry.id)
            ).scalars())
            suggestions = self._suggest(session, ticket, builtins.list(meedenkers.values()))
        return TicketView(self._row(ticket, meedenkers), history, [self._row(t, meedenkers) for t in linked],
                          suggestions, TRANSITIONS.get(ticket.status, ()), views)

    @staticmethod
    def _open_counts(session: Session) -> dict[int, int]:
        rows = session.execute(
            sa.select(Ticket.assigned_meedenker_id, sa.func.count())
            .where(Ticket.assigned_meedenker_id.isnot(None), Ticket.status.in_(OPEN_STATUSES))
            .group_by(Ticket.assigned_meedenker_id)
        ).all()
        return {int(k): int(v) for k, v in rows}

    def _suggest(self, session: Session, ticket: Ticket, meedenkers: Sequence[Meedenker]) -> builtins.list[Suggestion]:
        """Fitting meedenkers first: kind, gemeente, expertise, then spare capacity."""
        counts = self._open_counts(session)
        leef, doel = set(_ids(ticket.leefgebieden)), set(_ids(ticket.doelgroepen))
        result = []
        for m in meedenkers:
            if not m.active:
                continue
            reasons, score = [], 0
            if m.type == ticket.meedenker_type:
                score += 4
                reasons.append(f"{m.type}, zoals aanbevolen")
            if ticket.gemeente and ticket.gemeente in (m.gemeenten or ()):
                score += 3
                reasons.append(f"werkt in {ticket.gemeente}")
            shared = sorted((leef & set(m.leefgebieden or ())) | (doel & set(m.doelgroepen or ())))
            if shared:
                score += 2 * len(shared)
                names = {**LEEFGEBIED_LABELS, **DOELGROEP_LABELS}
                reasons.append("kennis van " + ", ".join(names.get(x, x) for x in shared))
            open_count = counts.get(m.id, 0)
            if open_count < m.max_open:
                score += 1
                reasons.append(f"ruimte: {open_count} van {m.max_open} open")
            else:
                reasons.append(f"vol: {open_count} van {m.max_open} open")
            result.append(Suggestion(m, open_count, score, reasons))
        return sorted(result, key=lambda s: (-s.score, s.at_capacity, s.meedenker.name))

    def _bump(self, session: Session, ticket: Ticket, version: int) -> None:
        """Compare-and-set on the version column: a stale form changes nothing."""
        done = session.execute(
            sa.update(Ticket).where(Ticket.id == ticket.id, Ticket.version == version)
            .values(version=version + 1).execution_options(synchronize_session=False)
        ).rowcount
        if done != 1:
            raise Conflict(ticket.id)

    @staticmethod
    def _note(note: str) -> str | None:
        note = (note or "").strip()[:MAX_NOTE]
        return mask_pii(note).text if note else None

    @off_loop
    def change_status(self, account: Account, ticket_id: str, version: int, to_status: str, note: str) -> None:
        now = self.clock()
        with self._sessions.begin() as session:
            ticket = self._visible(session, account, ticket_id)
            if ticket.version != version:
                raise Conflict(ticket.id)
            if to_status not in TRANSITIONS.get(ticket.status, ()):
                raise Invalid("Deze stap kan niet vanuit de huidige status.")
            self._bump(session, ticket, version)
            values: dict[str, Any] = {"status": to_status}
            if to_status in CONTACT_STATUSES and ticket.first_contact_at is None:
                values["first_contact_at"] = now
            session.execute(sa.update(Ticket).where(Ticket.id == ticket.id).values(**values)
                            .execution_options(synchronize_session=False))
            session.add(StatusChange(ticket_id=ticket.id, at=now, actor=account.actor, from_status=ticket.status,
                                     to_status=to_status, note=self._note(note)))
            session.add(AuditEntry(ticket_id=ticket.id, at=now, actor=account.actor, action="status_changed",
                                   detail=f"{ticket.status} -> {to_status}"))
            queue_on_close(session, ticket, to_status, now)  # the resident's follow-up question (issue 29)

    @off_loop
    def assign(self, account: Account, ticket_id: str, version: int, meedenker_id: int, confirmed: bool,
               note: str) -> None:
        now = self.clock()
        with self._sessions.begin() as session:
            ticket = self._visible(session, account, ticket_id)
            if ticket.version != version:
                raise Conflict(ticket.id)
            meedenker = session.get(Meedenker, meedenker_id)
            if meedenker is None or not meedenker.active:
                raise Invalid("Kies een meedenker uit de lijst.")
            open_count = self._open_counts(session).get(meedenker.id, 0)
            if ticket.assigned_meedenker_id != meedenker.id and open_count >= meedenker.max_open and not confirmed:
                raise AtCapacity(meedenker.name)
            self._bump(session, ticket, version)
            to_status = "toegewezen" if ticket.status in ("nieuw", "afgerond", "doorverwezen") else ticket.status
            session.execute(sa.update(Ticket).where(Ticket.id == ticket.id)
                            .values(assigned_meedenker_id=meedenker.id, status=to_status)
                            .execution_options(synchronize_session=False))
            session.add(StatusChange(ticket_id=ticket.id, at=now, actor=account.actor, from_status=ticket.status,
                                     to_status=to_status, meedenker_id=meedenker.id, note=self._note(note)))
            session.add(AuditEntry(ticket_id=ticket.id, at=now, actor=account.actor, action="assigned",
                                   detail=f"meedenker {meedenker.id}" + (" (over capacity, confirmed)"
                                                                         if open_count >= meedenker.max_open else "")))

    @off_loop
    def contact(self, account: Account, ticket_id: str) -> dict[str, str | None] | None:
        """Decrypted contact details; the store writes the audit row (who, when) first."""
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
        return self.store.contact(ticket.id, account.actor)

    @off_loop
    def erase(self, account: Account, ticket_id: str, tracker_url: str) -> int:
        """Erase the resident behind this ticket: all their tickets and their conversation."""
        if not account.is_admin:
            raise NotFound(ticket_id)
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
        tickets, _events = self.store.erase_resident(ticket.id, tracker_url, actor=account.actor)
        return tickets

    @off_loop
    def transcript(self, account: Account, ticket_id: str, tracker_url: str) -> builtins.list[tuple[str, str]]:
        """(who, text) of the conversation behind a ticket, masked again for display."""
        with self._sessions() as session:
            ticket = self._visible(session, account, ticket_id)
        sender = self.store.tracker_sender_of(tracker_url, ticket.id)
        if sender is None:
            return []
        return [(who, mask_pii(text).text) for who, text in self.store.conversation_texts(tracker_url, sender)]

    @off_loop
    def tickets_for_facts(self, account: Account, gemeente: str, start: date, end: date) \
            -> builtins.list[tuple[Ticket, Meedenker | None]]:
        query = sa.select(Ticket).where(self._scope(account),
                                        Ticket.created_at >= self._local_day_start(start),
                                        Ticket.created_at < self._local_day_start(end + timedelta(days=1)))
        if gemeente:
            query = query.where(Ticket.gemeente == gemeente)
        with self._sessions() as session:
            meedenkers = {m.id: m for m in session.execute(sa.select(Meedenker)).scalars()}
            return [(t, meedenkers.get(t.assigned_meedenker_id or -1))
                    for t in session.execute(query.order_by(Ticket.created_at)).scalars()]
