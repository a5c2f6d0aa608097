"""Meedenkers (who calls back, their type and capacity) and the gemeenten overview with
their coordinators.
"""
from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any, Callable, Sequence

import sqlalchemy as sa

from bot.errors import NotFound
from bot.queue.models import KIND_CALLBACK, MEEDENKER_TYPES, OPEN_STATUSES, Ticket
from bot.queue.staff import Meedenker, User
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN
from bot.dashboard.repository.common import Invalid, off_loop, GemeenteRow, _audit


class MeedenkersAndGemeenten:
    """Meedenkers (who calls back, their type and capacity) and the gemeenten overview with"""

    _sessions: Any
    clock: Callable[[], datetime]

    # --- meedenkers ---------------------------------------------------------------------------

    @off_loop
    def meedenkers(self) -> builtins.list[tuple[Meedenker, int]]:
        with self._sessions() as session:
            counts = self._open_counts(session)
            rows = session.execute(sa.select(Meedenker).order_by(Meedenker.active.desc(), Meedenker.name)).scalars()
            return [(m, counts.get(m.id, 0)) for m in rows]

    @off_loop
    def save_meedenker(self, actor: str, *, name: str, type: str, leefgebieden: Sequence[str],
                       doelgroepen: Sequence[str], gemeenten: Sequence[str], max_open: int,
                       meedenker_id: int | None = None, active: bool = True) -> int:
        name = name.strip()
        if not name or len(name) > 128:
            raise Invalid("Vul een naam in (hoogstens 128 tekens).")
        if type not in MEEDENKER_TYPES:
            raise Invalid("Kies informeel of formeel.")
        if not 0 <= max_open <= 100:
            raise Invalid("Het maximum aantal open tickets ligt tussen 0 en 100.")
        leef = [x for x in leefgebieden if x in LEEFGEBIEDEN]
        doel = [x for x in doelgroepen if x in DOELGROEPEN]
        with self._sessions.begin() as session:
            m = session.get(Meedenker, meedenker_id) if meedenker_id else Meedenker()
            if m is None:
                raise NotFound(meedenker_id)
            m.name, m.type, m.leefgebieden, m.doelgroepen = name, type, leef, doel
            m.gemeenten, m.max_open, m.active = sorted(set(gemeenten)), max_open, active
            session.add(m)
            session.flush()
            session.add(_audit(actor, "meedenker_changed", f"meedenker {m.id} saved", self.clock()))
            return m.id

    # --- gemeenten ---------------------------------------------------------------------------

    @off_loop
    def gemeenten_overview(self) -> builtins.list[GemeenteRow]:
        """Every gemeente with tickets, coordinators or meedenkers; uncovered ones first."""
        with self._sessions() as session:
            open_counts = dict(session.execute(
                sa.select(Ticket.gemeente, sa.func.count()).where(Ticket.gemeente.isnot(None),
                                                                  Ticket.kind == KIND_CALLBACK,
                                                                  Ticket.status.in_(("nieuw",) + OPEN_STATUSES))
                .group_by(Ticket.gemeente)).all())
            users = builtins.list(session.execute(sa.select(User).where(User.active.is_(True))).scalars())
            meedenkers = builtins.list(session.execute(
                sa.select(Meedenker).where(Meedenker.active.is_(True))).scalars())
        names = set(open_counts) | {g for u in users for g in u.gemeenten or ()} | \
            {g for m in meedenkers for g in m.gemeenten or ()}
        rows = [GemeenteRow(
            name=name, open_tickets=int(open_counts.get(name, 0)),
            coordinators=sorted(u.email for u in users if u.role == "coordinator" and name in (u.gemeenten or ())),
            meedenkers=sorted(m.name for m in meedenkers if name in (m.gemeenten or ())),
        ) for name in names]
        return sorted(rows, key=lambda r: (bool(r.coordinators), -r.open_tickets, r.name))

    @off_loop
    def add_coordinator_to_gemeente(self, email: str, gemeente: str, actor: str) -> None:
        with self._sessions.begin() as session:
            user = session.execute(sa.select(User).where(User.email == email.strip().lower(),
                                                         User.role == "coordinator")).scalar_one_or_none()
            if user is None:
                raise Invalid("Kies een coördinator uit de lijst.")
            user.gemeenten = sorted(set(user.gemeenten or ()) | {gemeente})
            session.add(_audit(actor, "user_changed", f"account {user.id}: gemeente {gemeente} added", self.clock()))
