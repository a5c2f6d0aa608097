"""What residents need, at a glance: the counts behind the dashboard's /insights page.

Why this module exists: coordinators report to the council what residents ask about (seed 000:
"monitoren en evalueren"). That report must never point to a resident, so every count passes
through small-count suppression (bot/dashboard/suppression.py) before anyone can show it: an
`Insights` holds only what may be displayed. No Rasa, no database, no web framework: the caller
turns tickets into `TicketFacts` (no personal data) for one gemeente and period.

Definitions, so the numbers in a council report mean one thing:

- A ticket belongs to the period when its creation date, in `tz` (Europe/Amsterdam unless told),
  lies in [start, end], both days included. Others are ignored.
- Heatmap: rows are the leefgebieden plus "geen leefgebied", columns the doelgroepen plus
  "geen doelgroep". A ticket counts once in every cell it touches: a question about wonen and
  geld from a mantelzorger counts in two cells. Row and column totals are *ticket counts*
  (tickets touching that row or column, each counted once), so they can be less than the sum of
  their cells; the grand total is the number of tickets.
- Weeks are ISO weeks (Monday to Sunday) of the local creation date; the first and last week may
  be partly outside the period and then count only the days inside.
- Time to first contact: hours from creation to the first contact, median over the tickets in
  the period that had one (None when none had); a contact stamped before creation counts as 0.
- Shares: among tickets with an assigned meedenker, the part informeel and formeel. They are
  shown only when both counts are shown, because a percentage and a total give a hidden count back.
- Crisis signals (conversations with a crisis and no contact details) are no tickets: they are left
  out of every ticket figure and counted apart (`signals`).
- Follow-up (issue 29): among the tickets of the period whose resident was sent the question after
  closing, how many answered "helped", "did not help" or "no contact", and how many did not answer.
  Its own table, suppressed on its own (its total is the questions sent, not the tickets).
- Small counts: 1 to 9 is shown as "< 10", secondary suppressions as "×"; zero is shown as 0.
  The number of tickets appears in every table, so it is hidden everywhere or nowhere.

What suppression does not stop: comparing two reports whose periods overlap ("1 to 30 November"
against "1 to 29 November") gives the difference of their counts, small or not. Coordinators see
the tickets themselves anyway; for reports that leave the organisation, use fixed periods that do
not overlap (calendar months or quarters).
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Final, Sequence
from zoneinfo import ZoneInfo

from bot.dashboard.suppression import (
    HIDDEN_TEXT,
    SMALL_TEXT,
    Line,
    Pos,
    is_small,
    suppress,
    table_lines,
    vector_lines,
)
from bot.municipality.office_hours import MONTHS
from bot.understanding.werkmodel import (
    DOELGROEP_LABELS,
    DOELGROEPEN,
    FORMEEL,
    INFORMEEL,
    LEEFGEBIED_LABELS,
    LEEFGEBIEDEN,
    MEEDENKER_TYPES,
    ROUTE_LABELS,
    ROUTES,
)

__all__ = [
    "Breakdown",
    "Cell",
    "Heatmap",
    "Insights",
    "TicketFacts",
    "build_insights",
    "format_period",
    "heatmap_table",
    "render_pdf",
    "render_png",
    "render_svg",
    "summary_rows",
]


NONE_KEY: Final = "geen"
UNKNOWN_ROUTE_KEY: Final = "onbekend"
NO_LEEFGEBIED_LABEL: Final = "geen leefgebied"
NO_DOELGROEP_LABEL: Final = "geen doelgroep"
TOTAL_LABEL: Final = "totaal"
DEFAULT_TIMEZONE: Final = "Europe/Amsterdam"
FOLLOWUP_KEYS: Final[tuple[str, ...]] = ("geholpen", "niet_geholpen", "geen_contact", "geen_antwoord")
FOLLOWUP_LABELS: Final[tuple[str, ...]] = ("contact gehad en het hielp", "contact gehad, hielp niet",
                                           "geen contact gehad", "(nog) geen antwoord")


@dataclass(frozen=True)
class TicketFacts:
    """One ticket, reduced to what the insights need: no name, contact, summary or transcript."""

    created_at: datetime
    gemeente: str | None
    leefgebieden: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    route: str | None
    meedenker_type: str | None  # "informeel"/"formeel" of the assigned meedenker, else None
    first_contact_at: datetime | None
    urgent: bool
    signal: bool = False  # a crisis signal, not a ticket: counted apart
    followup_sent: bool = False  # the resident got the question after closing
    followup_answer: str | None = None  # geholpen, niet_geholpen, geen_contact

    def __post_init__(self) -> None:
        _aware("created_at", self.created_at)
        if self.first_contact_at is not None:
            _aware("first_contact_at", self.first_contact_at)
        object.__setattr__(self, "leefgebieden", _known("leefgebieden", self.leefgebieden, LEEFGEBIEDEN))
        object.__setattr__(self, "doelgroepen", _known("doelgroepen", self.doelgroepen, DOELGROEPEN))
        if self.route is not None and self.route not in ROUTES:
            raise ValueError(f"route must be one of {', '.join(ROUTES)} or None; got {self.route!r}")
        if self.meedenker_type is not None and self.meedenker_type not in MEEDENKER_TYPES:
            raise ValueError(f"meedenker_type must be informeel, formeel or None; got {self.meedenker_type!r}")
        if self.followup_answer is not None and self.followup_answer not in FOLLOWUP_KEYS[:3]:
            raise ValueError(f"followup_answer must be one of {', '.join(FOLLOWUP_KEYS[:3])} or None")


def _aware(name: str, moment: object) -> None:
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime; got {moment!r}")


def _known(name: str, ids: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """The ids in werkmodel order, each once; an unknown id is a bug upstream, so it is refused."""
    if isinstance(ids, str):
        raise ValueError(f"{name} must be a sequence of ids, not one string")
    unknown = [i for i in ids if i not in allowed]
    if unknown:
        raise ValueError(f"{name}: unknown ids {unknown!r}")
    return tuple(i for i in allowed if i in ids)


@dataclass(frozen=True)
class Cell:
    """One count as it may be displayed: the number, or None with "< 10" or "×" in its place."""

    count: int | None
    text: str

    @property
    def hidden(self) -> bool:
        return self.count is None

    @property
    def small(self) -> bool:
        """Hidden because it is 1 to 9 (primary), not to protect another cell (secondary)."""
        return self.text == SMALL_TEXT


def _cell(value: int, hidden: bool) -> Cell:
    if not hidden:
        return Cell(value, str(value))
    return Cell(None, SMALL_TEXT if is_small(value) else HIDDEN_TEXT)


@dataclass(frozen=True)
class Breakdown:
    """A one-way table: counts per key (route, week, meedenker type) and their total."""

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    cells: tuple[Cell, ...]
    total: Cell

    def __getitem__(self, key: str) -> Cell:
        if key not in self.keys:
            raise KeyError(key)
        return self.cells[self.keys.index(key)]

    def items(self) -> list[tuple[str, Cell]]:
        """(label, cell) pairs in display order."""
        return list(zip(self.labels, self.cells))


@dataclass(frozen=True)
class Heatmap:
    """The werkmodel: leefgebieden (rows) × doelgroepen (columns), with ticket-count totals."""

    row_keys: tuple[str, ...]
    row_labels: tuple[str, ...]
    col_keys: tuple[str, ...]
    col_labels: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    col_totals: tuple[Cell, ...]
    total: Cell

    def cell(self, leefgebied: str, doelgroep: str) -> Cell:
        """The cell for two ids; "geen" for the row or column without a label."""
        return self.cells[self.row_keys.index(leefgebied)][self.col_keys.index(doelgroep)]

    def row_total(self, leefgebied: str) -> Cell:
        return self.row_totals[self.row_keys.index(leefgebied)]

    def col_total(self, doelgroep: str) -> Cell:
        return self.col_totals[self.col_keys.index(doelgroep)]

    @property
    def max_count(self) -> int:
        """The largest shown inner count (the colour scale): hidden cells never set it."""
        return max((c.count or 0 for row in self.cells for c in row), default=0)


@dataclass(frozen=True)
class Insights:
    """Everything /insights shows for one period (and gemeente), already safe to display."""

    start: date
    end: date
    gemeente: str | None  # None: all gemeenten the viewer may see
    tickets: Cell
    heatmap: Heatmap
    routes: Breakdown
    weeks: Breakdown
    meedenkers: Breakdown  # informeel, formeel, geen (not yet assigned)
    contact: Breakdown  # gehad (first contact made), nog_niet
    urgency: Breakdown  # urgent, niet_urgent
    median_hours_to_first_contact: float | None
    informal_share: float | None  # 0..1 of the tickets with a meedenker; None when not shown
    formal_share: float | None
    followup: Breakdown | None = None  # answers to the question after closing; total: questions sent
    signals: Cell | None = None  # crisis signals in the period (not in any ticket figure)


def _local_date(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def _week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _weeks(start: date, end: date) -> tuple[list[str], list[str]]:
    """Keys and Dutch labels of the ISO weeks that overlap [start, end], in order."""
    monday = start - timedelta(days=start.weekday())
    days = []
    while monday <= end:
        days.append(monday)
        monday += timedelta(days=7)
    keys = [_week_key(d) for d in days]
    years = {d.isocalendar()[0] for d in days}
    labels = [
        f"week {d.isocalendar()[1]}" + (f" ({d.isocalendar()[0]})" if len(years) > 1 else "") for d in days
    ]
    return keys, labels


@dataclass(frozen=True)
class _Table:
    """Raw counts of one table, before suppression; never leaves this module."""

    values: dict[Pos, int]
    lines: tuple[Line, ...]
    total: Pos


def _vector(counts: Sequence[int], total: int) -> _Table:
    values = {(0, i): n for i, n in enumerate(counts)}
    values[(0, len(counts))] = total
    return _Table(values, vector_lines(len(counts)), (0, len(counts)))


def build_insights(
    facts: Sequence[TicketFacts],
    start: date,
    end: date,
    *,
    gemeente: str | None = None,
    tz: tzinfo | None = None,
) -> Insights:
    """Count and suppress the tickets created from `start` to `end` (both included).

    `gemeente` only names the report; filter the facts to the gemeente before calling.
    """
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    zone = tz or ZoneInfo(DEFAULT_TIMEZONE)
    in_period = [f for f in facts if start <= _local_date(f.created_at, zone) <= end]
    chosen = [f for f in in_period if not f.signal]
    n = len(chosen)

    row_keys = (*LEEFGEBIEDEN, NONE_KEY)
    col_keys = (*DOELGROEPEN, NONE_KEY)
    grid = {(r, c): 0 for r in range(len(row_keys) + 1) for c in range(len(col_keys) + 1)}
    for fact in chosen:
        rows = [row_keys.index(k) for k in fact.leefgebieden] or [len(LEEFGEBIEDEN)]
        cols = [col_keys.index(k) for k in fact.doelgroepen] or [len(DOELGROEPEN)]
        for r in rows:
            grid[(r, len(col_keys))] += 1
            for c in cols:
                grid[(r, c)] += 1
        for c in cols:
            grid[(len(row_keys), c)] += 1
    grid[(len(row_keys), len(col_keys))] = n
    heat = _Table(grid, table_lines(len(row_keys), len(col_keys)), (len(row_keys), len(col_keys)))

    route_counts = {key: 0 for key in ROUTES}
    for fact in chosen:
        key = fact.route or UNKNOWN_ROUTE_KEY
        route_counts[key] = route_counts.get(key, 0) + 1
    route_keys = tuple(route_counts)
    routes = _vector(list(route_counts.values()), n)

    week_keys, week_labels = _weeks(start, end)
    week_counts = dict.fromkeys(week_keys, 0)
    for fact in chosen:
        week_counts[_week_key(_local_date(fact.created_at, zone))] += 1
    weeks = _vector(list(week_counts.values()), n)

    type_keys = (*MEEDENKER_TYPES, NONE_KEY)
    types = _vector([sum(f.meedenker_type == k for f in chosen) for k in MEEDENKER_TYPES]
                    + [sum(f.meedenker_type is None for f in chosen)], n)
    hours = [
        max(0.0, (f.first_contact_at - f.created_at).total_seconds() / 3600)
        for f in chosen if f.first_contact_at is not None
    ]
    contact = _vector([len(hours), n - len(hours)], n)
    urgent = sum(f.urgent for f in chosen)
    urgency = _vector([urgent, n - urgent], n)

    tables = (heat, routes, weeks, types, contact, urgency)
    hidden = _suppress_together(tables)
    heat_hidden, route_hidden, week_hidden, type_hidden, contact_hidden, urgency_hidden = hidden

    def cell(table: _Table, hidden_set: frozenset[Pos], pos: Pos) -> Cell:
        return _cell(table.values[pos], pos in hidden_set)

    def breakdown(table: _Table, hidden_set: frozenset[Pos], keys: Sequence[str], labels: Sequence[str]) -> Breakdown:
        cells = tuple(cell(table, hidden_set, (0, i)) for i in range(len(keys)))
        return Breakdown(tuple(keys), tuple(labels), cells, cell(table, hidden_set, table.total))

    n_rows, n_cols = len(row_keys), len(col_keys)
    heatmap = Heatmap(
        row_keys=row_keys,
        row_labels=(*(LEEFGEBIED_LABELS[k] for k in LEEFGEBIEDEN), NO_LEEFGEBIED_LABEL),
        col_keys=col_keys,
        col_labels=(*(DOELGROEP_LABELS[k] for k in DOELGROEPEN), NO_DOELGROEP_LABEL),
        cells=tuple(tuple(cell(heat, heat_hidden, (r, c)) for c in range(n_cols)) for r in range(n_rows)),
        row_totals=tuple(cell(heat, heat_hidden, (r, n_cols)) for r in range(n_rows)),
        col_totals=tuple(cell(heat, heat_hidden, (n_rows, c)) for c in range(n_cols)),
        total=cell(heat, heat_hidden, heat.total),
    )
    route_labels = [ROUTE_LABELS.get(k, k) for k in route_keys]
    meedenkers = breakdown(types, type_hidden, type_keys, ("informeel", "formeel", "nog geen meedenker"))
    informal, formal = meedenkers[INFORMEEL], meedenkers[FORMEEL]
    shares_shown = not informal.hidden and not formal.hidden and (informal.count or 0) + (formal.count or 0) > 0
    assigned = (informal.count or 0) + (formal.count or 0)
    asked = [f for f in chosen if f.followup_sent]
    followup_table = _vector([sum(f.followup_answer == k for f in asked) for k in FOLLOWUP_KEYS[:3]]
                             + [sum(f.followup_answer is None for f in asked)], len(asked))
    followup_hidden = suppress(followup_table.values, followup_table.lines, precious=[followup_table.total])
    signal_count = sum(f.signal for f in in_period)
    return Insights(
        start=start,
        end=end,
        gemeente=gemeente,
        tickets=heatmap.total,
        heatmap=heatmap,
        routes=breakdown(routes, route_hidden, route_keys, route_labels),
        weeks=breakdown(weeks, week_hidden, week_keys, week_labels),
        meedenkers=meedenkers,
        contact=breakdown(contact, contact_hidden, ("gehad", "nog_niet"), ("eerste contact gehad", "nog geen contact")),
        urgency=breakdown(urgency, urgency_hidden, ("urgent", "niet_urgent"), ("urgent", "niet urgent")),
        median_hours_to_first_contact=statistics.median(hours) if hours else None,
        informal_share=(informal.count or 0) / assigned if shares_shown else None,
        formal_share=(formal.count or 0) / assigned if shares_shown else None,
        followup=breakdown(followup_table, followup_hidden, FOLLOWUP_KEYS, FOLLOWUP_LABELS),
        signals=_cell(signal_count, is_small(signal_count)),
    )


def _suppress_together(tables: Sequence[_Table]) -> list[frozenset[Pos]]:
    """Suppress each table; if one hides the number of tickets, hide it in all and redo them."""
    hidden = [suppress(t.values, t.lines, precious=[t.total]) for t in tables]
    if any(t.total in h for t, h in zip(tables, hidden)):
        hidden = [suppress(t.values, t.lines, forced=[t.total]) for t in tables]
    return hidden


def format_date(day: date) -> str:
    """'1 november 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_period(start: date, end: date) -> str:
    """'1 november 2026 t/m 30 november 2026'."""
    return f"{format_date(start)} t/m {format_date(end)}"


def format_hours(hours: float | None) -> str:
    """'5,5 uur' with a Dutch decimal comma, or 'nog geen contact'."""
    if hours is None:
        return "nog geen contact"
    return f"{hours:.1f}".replace(".", ",") + " uur"


def format_share(share: float | None) -> str:
    return "niet getoond" if share is None else f"{round(share * 100)}%"


def _with_share(cell: Cell, share: float | None) -> str:
    return cell.text if share is None else f"{cell.text} ({format_share(share)})"


def summary_rows(insights: Insights) -> list[tuple[str, str]]:
    """Label/value pairs for an HTML table beside the chart (and for a screen reader)."""
    rows = [
        ("Periode", format_period(insights.start, insights.end)),
        ("Gemeente", insights.gemeente or "alle gemeenten"),
        ("Tickets", insights.tickets.text),
        ("Urgent", insights.urgency["urgent"].text),
        ("Eerste contact gehad", insights.contact["gehad"].text),
        ("Mediane tijd tot eerste contact", format_hours(insights.median_hours_to_first_contact)),
        ("Informele meedenker", _with_share(insights.meedenkers[INFORMEEL], insights.informal_share)),
        ("Formele meedenker", _with_share(insights.meedenkers[FORMEEL], insights.formal_share)),
        ("Nog geen meedenker", insights.meedenkers[NONE_KEY].text),
    ]
    if insights.followup is not None:
        rows.append(("Vraag na afloop gestuurd", insights.followup.total.text))
        rows += [(f"Na afloop: {label}", cell.text) for label, cell in insights.followup.items()]
    if insights.signals is not None:
        rows.append(("Crisissignalen (geen ticket)", insights.signals.text))
    rows += [(f"Route: {label}", cell.text) for label, cell in insights.routes.items()]
    rows += [(label[:1].upper() + label[1:], cell.text) for label, cell in insights.weeks.items()]
    return rows


def heatmap_table(insights: Insights) -> tuple[list[str], list[list[str]]]:
    """The heatmap as text: a header row and one row per leefgebied plus the totals row.

    For an HTML <table> beside the picture: the same cells, readable without colour or sight.
    """
    heat = insights.heatmap
    header = ["leefgebied", *heat.col_labels, TOTAL_LABEL]
    body = [
        [label, *(c.text for c in row), total.text]
        for label, row, total in zip(heat.row_labels, heat.cells, heat.row_totals)
    ]
    body.append([TOTAL_LABEL, *(c.text for c in heat.col_totals), heat.total.text])
    return header, body


def legend_lines() -> tuple[str, ...]:
    """What the signs in the tables mean, in the words printed under the chart."""
    return (
        f"{SMALL_TEXT} = 1 tot en met 9 tickets. {HIDDEN_TEXT} = verborgen, zodat een klein aantal "
        "niet terug te rekenen is. 0 = geen tickets.",
        "Een ticket over meer leefgebieden of doelgroepen telt in elk vakje mee. "
        "De totalen tellen elk ticket één keer.",
    )


# The drawing lives in insights_chart (which imports this module); importing it here, on first
# use, keeps Pillow and matplotlib out of the import of the counts.

def render_svg(insights: Insights) -> str:
    """One self-contained SVG (no script, no style element): the whole insights page as a chart."""
    from bot.dashboard import insights_chart

    return insights_chart.svg(insights)


def render_png(insights: Insights) -> bytes:
    """The same chart as a PNG, at twice the SVG's size for print."""
    from bot.dashboard import insights_chart

    return insights_chart.png(insights)


def render_pdf(insights: Insights) -> bytes:
    """The same chart as a one-page vector PDF, A4 landscape wide."""
    from bot.dashboard import insights_chart

    return insights_chart.pdf(insights)
