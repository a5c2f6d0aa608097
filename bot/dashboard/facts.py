"""Tickets as the anonymous facts the insights figures are built from (no personal data)."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from bot.queue.models import Ticket
from bot.queue.staff import Meedenker


def ticket_facts(rows: Sequence[tuple[Ticket, Meedenker | None]], make: Callable[..., Any]) -> list[Any]:
    """`make` is insights.TicketFacts; the meedenker type is that of who was assigned, else None."""
    return [make(
        created_at=t.created_at,
        gemeente=t.gemeente,
        leefgebieden=tuple(label["id"] for label in t.leefgebieden or ()),
        doelgroepen=tuple(label["id"] for label in t.doelgroepen or ()),
        route=t.route,
        meedenker_type=m.type if m is not None else None,
        first_contact_at=t.first_contact_at,
        urgent=t.urgency == "urgent",
        signal=t.kind == "signal",
        followup_sent=t.followup_status in ("sent", "answered"),
        followup_answer=t.followup_answer,
    ) for t, m in rows]
