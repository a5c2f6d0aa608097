"""Crisis signals: conversations with a crisis and no way to call back, apart from the work queue.

Why apart: after a day of use the queue was headed by hundreds of crisis flags that nobody could
act on (no contact details, gemeente unknown), with the real callbacks below them. A signal is
information, not a task: admins see how many there are, by route and period, and can read the
masked conversation to learn from it. A crisis that comes with a callback request is an urgent
callback in the queue instead (bot/conversation/callback.py). Only admins see this list.
"""
from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.dashboard.repository import off_loop
from bot.errors import NotFound
from bot.municipality.office_hours import OfficeHours
from bot.understanding.privacy import mask_pii
from bot.queue.models import KIND_CALLBACK, KIND_SIGNAL, Ticket, normalise_ticket_id, utcnow
from bot.queue.store import TicketStore
from bot.understanding.werkmodel import ROUTES

MAX_LISTED = 500


@dataclass
class SignalRow:
    signal: Ticket
    callbacks: list[Ticket]  # callback tickets of the same conversation


@dataclass
class SignalCounts:
    """How many signals, for the list's head: fixed windows and the chosen period by route."""

    last_24_hours: int
    last_7_days: int
    last_30_days: int
    period: int
    by_route: dict[str, int] = field(default_factory=dict)
    with_callback: int = 0
    unknown_gemeente: int = 0


@dataclass
class SignalView:
    signal: Ticket
    callbacks: list[Ticket]
    transcript: list[tuple[str, str]]


class Signals:
    """Admins' read-only queries over the signals in the queue's database."""

    def __init__(self, store: TicketStore, hours: OfficeHours, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.hours = hours
        self.clock = clock
        self._sessions = store.session_factory

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.hours.timezone)

    @staticmethod
    def _callbacks(session: Session, conversations: Iterable[tuple[str, str | None]]) \
            -> dict[tuple[str, str], builtins.list[Ticket]]:
        """Callback tickets by (channel, sender hash) of the given conversations."""
        hashes = {sender_hash for _channel, sender_hash in conversations if sender_hash}
        if not hashes:
            return {}
        found: dict[tuple[str, str], list[Ticket]] = {}
        for ticket in session.execute(sa.select(Ticket).where(Ticket.kind == KIND_CALLBACK,
                                                               Ticket.sender_hash.in_(hashes))
                                      .order_by(Ticket.created_at)).scalars():
            found.setdefault((ticket.channel, ticket.sender_hash), []).append(ticket)
        return found

    @off_loop
    def listing(self, van: date, tot: date, route: str = "") -> tuple[builtins.list[SignalRow], SignalCounts]:
        """Signals created from `van` to `tot` (local days, both included), newest first, and counts."""
        now = self.clock()
        start, end = self._day_start(van), self._day_start(tot + timedelta(days=1))
        with self._sessions() as session:
            def count(since: datetime) -> int:
                return int(session.execute(sa.select(sa.func.count()).select_from(Ticket).where(
                    Ticket.kind == KIND_SIGNAL, Ticket.created_at >= since)).scalar_one())

            windows = (count(now - timedelta(hours=24)), count(now - timedelta(days=7)), count(now - timedelta(days=30)))
            in_period = sa.and_(Ticket.kind == KIND_SIGNAL, Ticket.created_at >= start, Ticket.created_at < end)
            by_route = dict(session.execute(sa.select(Ticket.route, sa.func.count()).where(in_period)
                                            .group_by(Ticket.route)).all())
            query = sa.select(Ticket).where(in_period)
            if route in ROUTES:
                query = query.where(Ticket.route == route)
            signals = builtins.list(session.execute(
                query.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(MAX_LISTED)).scalars())
            callbacks = self._callbacks(session, [(t.channel, t.sender_hash) for t in signals])
            every = builtins.list(session.execute(sa.select(Ticket.channel, Ticket.sender_hash, Ticket.gemeente)
                                                  .where(in_period)).all())
            linked = self._callbacks(session, [(c, h) for c, h, _ in every])
        rows = [SignalRow(t, callbacks.get((t.channel, t.sender_hash), []) if t.sender_hash else []) for t in signals]
        counts = SignalCounts(
            *windows, period=sum(by_route.values()),
            by_route={r: int(by_route.get(r, 0)) for r in ROUTES if r.startswith("crisis") or by_route.get(r)},
            with_callback=sum(1 for c, h, _ in every if h and (c, h) in linked),
            unknown_gemeente=sum(1 for _, _, g in every if g is None))
        return rows, counts

    @off_loop
    def view(self, signal_id: str, tracker_url: str) -> SignalView:
        """One signal with the masked conversation behind it."""
        with self._sessions() as session:
            signal = session.execute(sa.select(Ticket).where(Ticket.id == normalise_ticket_id(signal_id),
                                                             Ticket.kind == KIND_SIGNAL)).scalar_one_or_none()
            if signal is None:
                raise NotFound(signal_id)
            callbacks = self._callbacks(session, [(signal.channel, signal.sender_hash)]).get(
                (signal.channel, signal.sender_hash), []) if signal.sender_hash else []
        sender = self.store.tracker_sender_of(tracker_url, signal.id)
        transcript = [] if sender is None else [
            (who, mask_pii(text).text) for who, text in self.store.conversation_texts(tracker_url, sender)]
        return SignalView(signal, callbacks, transcript)
