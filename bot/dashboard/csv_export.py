"""CSV export of the filtered queue: no contact details, no free text, safe to open in a spreadsheet.

Why neutralise: a cell that starts with = + - @ (or a tab or carriage return) is run as a formula
by Excel and LibreOffice (CSV injection, OWASP). Such cells get a leading apostrophe.
"""
from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence
from zoneinfo import ZoneInfo

from bot.dashboard.repository import TicketRow

COLUMNS = ("ticket", "aangemaakt", "gemeente", "route", "urgentie", "aanbevolen type", "status", "meedenker",
           "leefgebieden", "doelgroepen", "uiterlijk contact", "te laat")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _when(value, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


def queue_csv(rows: Iterable[TicketRow], zone: ZoneInfo) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        t = row.ticket
        cells: Sequence[str] = (
            t.id, _when(t.created_at, zone), t.gemeente or "", t.route, t.urgency, t.meedenker_type, t.status,
            row.meedenker.name if row.meedenker else "",
            " ".join(label["id"] for label in t.leefgebieden or ()),
            " ".join(label["id"] for label in t.doelgroepen or ()),
            _when(row.due_at, zone), "ja" if row.overdue else "nee",
        )
        writer.writerow([neutralise(str(cell)) for cell in cells])
    return out.getvalue()
