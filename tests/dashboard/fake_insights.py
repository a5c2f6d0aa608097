"""A stand-in for bot/dashboard/insights.py with the agreed interface, for the page tests only:
it reports exactly which facts the page handed over, so the tests can check the scoping."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Sequence

from PIL import Image


@dataclass(frozen=True)
class TicketFacts:
    created_at: datetime
    gemeente: str | None
    leefgebieden: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    route: str | None
    meedenker_type: str | None
    first_contact_at: datetime | None
    urgent: bool


@dataclass(frozen=True)
class Insights:
    facts: tuple[TicketFacts, ...]
    start: date
    end: date


def build_insights(facts: Sequence[TicketFacts], start: date, end: date) -> Insights:
    return Insights(tuple(facts), start, end)


def render_svg(insights: Insights) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" role="img">'
            f'<title>Inzicht</title><text x="5" y="25">{len(insights.facts)} tickets</text></svg>')


def render_png(insights: Insights) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(out, "PNG")
    return out.getvalue()


def render_pdf(insights: Insights) -> bytes:
    return b"%PDF-1.4\n% fake\n%%EOF\n"


def summary_rows(insights: Insights) -> list[tuple[str, str]]:
    gemeenten = sorted({f.gemeente or "onbekend" for f in insights.facts})
    types = sorted({f.meedenker_type or "-" for f in insights.facts})
    return [("Tickets", str(len(insights.facts))), ("Gemeenten", ", ".join(gemeenten) or "-"),
            ("Soorten meedenker", ", ".join(types)), ("Periode", f"{insights.start} tot {insights.end}")]
