"""When meedenkers work, and so when a resident can expect a call (config/office_hours.yml).

Why this module exists: a resident who leaves a number at night must hear an honest moment
("uiterlijk dinsdag 1 december"), not "soon". Hours, holidays and the callback promise differ per
municipality and change, so they live in configuration; this module reads and checks that file and
does the calendar arithmetic. All moments are timezone-aware, in the file's timezone (zoneinfo), so
summer time and winter time are handled. Dutch day and month names are written out here, so the
output does not depend on the server's locale.

Nothing is read at import time; call :func:`load_office_hours` once at start-up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Final, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import ConfigError
from bot.municipality.config_files import read_mapping

__all__ = [
    "DAYS",
    "MONTHS",
    "Expectation",
    "OfficeHours",
    "OfficeHoursError",
    "format_moment",
    "format_time",
    "load_office_hours",
]

DAYS: Final[tuple[str, ...]] = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS: Final[tuple[str, ...]] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
CLOSED: Final = "gesloten"
MAX_CALLBACK_DAYS: Final = 30

_INTERVAL: Final = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*$")
_FIELDS: Final = ("checked", "timezone", "callback_within_working_days", "hours", "closed_dates")
_REQUIRED: Final = ("checked", "timezone", "callback_within_working_days", "hours")

Interval = tuple[time, time]


class OfficeHoursError(ConfigError, ValueError):
    """The office hours file is missing, unreadable or has a bad field (message: file and field)."""


def format_time(moment: datetime | time) -> str:
    """Dutch clock time as residents write it: '9.00 uur', '13.30 uur'."""
    return f"{moment.hour}.{moment.minute:02d} uur"


def format_moment(moment: datetime | date, with_time: bool = False) -> str:
    """'dinsdag 1 december', or with_time: 'dinsdag 1 december om 9.00 uur' (the moment's own clock)."""
    text = f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]}"
    if with_time and isinstance(moment, datetime):
        text += f" om {format_time(moment)}"
    return text


@dataclass(frozen=True)
class Expectation:
    """What to tell a resident now: are meedenkers working, when next, and the latest callback."""

    open_now: bool
    next_open: datetime  # now itself when open_now
    callback_by: datetime  # the end of the Nth working day that has not started yet

    def template_values(self) -> dict[str, str]:
        """Plain Dutch values for `{placeholders}` in bot texts."""
        return {
            "bereikbaar_vanaf": format_moment(self.next_open, with_time=True),
            "terugbellen_uiterlijk": format_moment(self.callback_by),
        }


@dataclass(frozen=True)
class OfficeHours:
    checked: date
    timezone: ZoneInfo
    callback_within_working_days: int
    hours: tuple[tuple[Interval, ...], ...]  # per weekday, Monday first; () when closed
    closed_dates: frozenset[date] = frozenset()

    def intervals_on(self, day: date) -> tuple[Interval, ...]:
        """Working intervals on a calendar day; () on a closed weekday or a closed date."""
        if day in self.closed_dates:
            return ()
        return self.hours[day.weekday()]

    def _at(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=self.timezone)

    def _local(self, now: datetime) -> datetime:
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("now must be timezone-aware (for example datetime.now(tz=ZoneInfo('Europe/Amsterdam')))")
        return now.astimezone(self.timezone)

    def today(self, now: datetime) -> date:
        """The date at the office at this moment: a period "up to today" must hold a ticket
        made just after midnight there, which is still the day before in UTC."""
        return self._local(now).date()

    def is_open(self, now: datetime) -> bool:
        """True when meedenkers are working at this moment."""
        local = self._local(now)
        return any(self._at(local.date(), a) <= local < self._at(local.date(), b)
                   for a, b in self.intervals_on(local.date()))

    def _horizon(self) -> int:
        """Days to search: enough to pass every closed date and N working weeks."""
        return len(self.closed_dates) + 7 * (self.callback_within_working_days + 2)

    def next_open(self, now: datetime) -> datetime:
        """Now when open, else the start of the next working interval."""
        local = self._local(now)
        if self.is_open(local):
            return local
        for offset in range(self._horizon()):
            day = local.date() + timedelta(days=offset)
            for start, _ in self.intervals_on(day):
                moment = self._at(day, start)
                if moment > local:
                    return moment
        raise AssertionError("no working day found; load_office_hours guarantees one")  # pragma: no cover

    def callback_by(self, now: datetime) -> datetime:
        """Closing time of the Nth working day that starts after ``now``.

        A working day that has already begun does not count: a resident who writes at 16.55 gets the
        same promise as one who writes at 10.00, so meedenkers always have N whole days. Before
        opening time the day still counts in full.
        """
        local = self._local(now)
        remaining = self.callback_within_working_days
        for offset in range(self._horizon()):
            day = local.date() + timedelta(days=offset)
            intervals = self.intervals_on(day)
            if not intervals or self._at(day, intervals[0][0]) < local:
                continue
            remaining -= 1
            if remaining == 0:
                return self._at(day, intervals[-1][1])
        raise AssertionError("no working day found; load_office_hours guarantees one")  # pragma: no cover

    def expectation(self, now: datetime) -> Expectation:
        """What a resident writing at ``now`` (timezone-aware) can expect; moments in the file's timezone."""
        return Expectation(open_now=self.is_open(now), next_open=self.next_open(now), callback_by=self.callback_by(now))

    def works_at(self, weekday: int | None = None, hour: int | None = None) -> bool:
        """Whether meedenkers work on that weekday (0 is Monday) and at that hour on some working
        day; None for either means any. A resident who asks to be called on Sunday evening is told
        that is outside these hours."""
        days = range(7) if weekday is None else (weekday,)
        return any(hour is None or a.hour <= hour < (b.hour if b.minute == 0 else b.hour + 1)
                   for day in days for a, b in self.hours[day])

    def describe(self) -> str:
        """The weekly hours in plain Dutch: 'maandag tot en met donderdag 9.00 tot 17.00 uur; vrijdag ...'."""
        return describe_week(self.hours)


def describe_week(week: Sequence[Sequence[Interval]]) -> str:
    """Seven days of opening intervals (Monday first) in plain Dutch, equal days run together:
    'maandag tot en met donderdag 9.00 tot 17.00 uur; vrijdag 9.00 tot 16.00 uur'."""
    parts: list[str] = []
    day = 0
    while day < 7:
        end = day
        while end + 1 < 7 and week[end + 1] == week[day]:
            end += 1
        if week[day]:
            if end == day:
                days = DAYS[day]
            elif end == day + 1:
                days = f"{DAYS[day]} en {DAYS[end]}"
            else:
                days = f"{DAYS[day]} tot en met {DAYS[end]}"
            times = " en ".join(f"{a.hour}.{a.minute:02d} tot {format_time(b)}" for a, b in week[day])
            parts.append(f"{days} {times}")
        day = end + 1
    return "; ".join(parts)


def _error(path: Path, field: str, message: str) -> OfficeHoursError:
    return OfficeHoursError(f"{path}: '{field}' {message}")


def _intervals(path: Path, day: str, raw: object) -> tuple[Interval, ...]:
    field = f"hours.{day}"
    if not isinstance(raw, str) or not raw.strip():
        raise _error(path, field, f"must be like \"09:00-17:00\" or \"{CLOSED}\", got {raw!r}")
    if raw.strip().lower() == CLOSED:
        return ()
    intervals: list[Interval] = []
    for part in raw.split(","):
        match = _INTERVAL.match(part)
        if not match:
            raise _error(path, field, f"must be like \"09:00-17:00\", \"09:00-12:00, 13:00-17:00\" or "
                                      f"\"{CLOSED}\", got {raw!r}")
        h1, m1, h2, m2 = (int(x) for x in match.groups())
        try:
            start, end = time(h1, m1), time(h2, m2)
        except ValueError as error:
            raise _error(path, field, f"has a time that does not exist: {part.strip()!r}") from error
        if start >= end:
            raise _error(path, field, f"closes before it opens: {part.strip()!r}")
        if intervals and start < intervals[-1][1]:
            raise _error(path, field, "has times that overlap or are not in order")
        intervals.append((start, end))
    return tuple(intervals)


def _date(path: Path, field: str, raw: object) -> date:
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError as error:
        raise _error(path, field, f"must be a date like 2026-12-25, got {raw!r}") from error


def load_office_hours(path: Path) -> OfficeHours:
    """Parse and check the office hours file; errors name the file and the field."""
    path = Path(path)
    data = read_mapping(path, OfficeHoursError)
    for key in data:
        if key not in _FIELDS:
            raise _error(path, str(key), f"is not a known field (known: {', '.join(_FIELDS)})")
    for key in _REQUIRED:
        if data.get(key) is None:
            raise _error(path, key, "is missing")

    checked = _date(path, "checked", data["checked"])
    try:
        zone = ZoneInfo(str(data["timezone"]))
    except (ZoneInfoNotFoundError, ValueError) as error:
        message = f"is not a known timezone like Europe/Amsterdam: {data['timezone']!r}"
        raise _error(path, "timezone", message) from error

    days = data["callback_within_working_days"]
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_CALLBACK_DAYS:
        raise _error(path, "callback_within_working_days", f"must be a whole number from 1 to {MAX_CALLBACK_DAYS}, "
                                                           f"got {days!r}")

    hours = data["hours"]
    if not isinstance(hours, dict):
        raise _error(path, "hours", "must list the seven days, maandag to zondag")
    for key in hours:
        if key not in DAYS:
            raise _error(path, f"hours.{key}", f"is not a day; use {', '.join(DAYS)}")
    week: list[tuple[Interval, ...]] = []
    for day in DAYS:
        if day not in hours:
            raise _error(path, f"hours.{day}", f"is missing (write \"{CLOSED}\" for a closed day)")
        week.append(_intervals(path, day, hours[day]))
    if not any(week):
        raise _error(path, "hours", "must have at least one open day")

    raw_dates = data.get("closed_dates") or []
    if not isinstance(raw_dates, list):
        raise _error(path, "closed_dates", "must be a list of dates like 2026-12-25")
    closed = frozenset(_date(path, f"closed_dates[{i}]", raw) for i, raw in enumerate(raw_dates))

    return OfficeHours(checked=checked, timezone=zone, callback_within_working_days=days, hours=tuple(week),
                       closed_dates=closed)
