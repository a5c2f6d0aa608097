"""Filling answers in: opening hours, dates and retention in Dutch or English, and what is open now.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

from bot.municipality.helplines import Helpline
from bot.municipality.office_hours import OfficeHours, format_moment, format_time


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------

DAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December")
_ALWAYS: Final = re.compile(r"\b24/7\b|\bdag en nacht\b.*\b(?:7|zeven|alle) dagen\b|\b(?:elke|iedere) dag\b.*\bdag en nacht\b"
                            r"|\bdag en nacht\b.*\b(?:elke|iedere) dag\b")
_LIMITED: Final = re.compile(r"\b(?:behalve|niet|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
                             r"werkdag\w*|weekend|feestdag\w*|vaste tijden|van \d|tot \d)\b")
_ON_WEBSITE_EN: Final = "at the times on its website"
_ALWAYS_EN: Final = "day and night, 7 days a week"


def always_open(hours: str | None) -> bool:
    """Whether a line's free-text hours say day and night, every day ("dag en nacht, 7 dagen per
    week", "24/7"). Only then may an answer say the line is open now."""
    text = " ".join((hours or "").lower().split())
    return bool(_ALWAYS.search(text)) and not _LIMITED.search(text)


def _hours_en(hours: str | None) -> str:
    return _ALWAYS_EN if always_open(hours) else _ON_WEBSITE_EN


def _moment_en(moment: datetime | date, with_time: bool = False) -> str:
    text = f"{DAYS_EN[moment.weekday()]} {moment.day} {MONTHS_EN[moment.month - 1]}"
    if with_time and isinstance(moment, datetime):
        text += f" at {moment.hour}:{moment.minute:02d}"
    return text


def _describe_en(hours: OfficeHours) -> str:
    """OfficeHours.describe() in English: 'Monday to Thursday 9:00 to 17:00; Friday 9:00 to 16:00'."""
    parts: list[str] = []
    day = 0
    while day < 7:
        end = day
        while end + 1 < 7 and hours.hours[end + 1] == hours.hours[day]:
            end += 1
        if hours.hours[day]:
            days = DAYS_EN[day] if end == day else (f"{DAYS_EN[day]} and {DAYS_EN[end]}" if end == day + 1
                                                    else f"{DAYS_EN[day]} to {DAYS_EN[end]}")
            times = " and ".join(f"{a.hour}:{a.minute:02d} to {b.hour}:{b.minute:02d}" for a, b in hours.hours[day])
            parts.append(f"{days} {times}")
        day = end + 1
    return "; ".join(parts)


def _retention(days: int, lang: str) -> str:
    if days % 365 == 0:
        years = days // 365
        if lang == "en":
            return "a year" if years == 1 else f"{years} years"
        return "een jaar" if years == 1 else f"{years} jaar"
    return f"{days} days" if lang == "en" else f"{days} dagen"


def _when_back(hours: OfficeHours, now: datetime, lang: str) -> str:
    """'vandaag vanaf 13.00 uur', 'morgen vanaf 9.00 uur', 'vanaf maandag 30 november om 9.00 uur'."""
    moment = hours.next_open(now)
    days = (moment.date() - hours.today(now)).days
    if lang == "en":
        if days == 0:
            return f"today from {moment.hour}:{moment.minute:02d}"
        if days == 1:
            return f"tomorrow from {moment.hour}:{moment.minute:02d}"
        return f"from {_moment_en(moment, with_time=True)}"
    if days == 0:
        return f"vandaag vanaf {format_time(moment)}"
    if days == 1:
        return f"morgen vanaf {format_time(moment)}"
    return f"vanaf {format_moment(moment, with_time=True)}"


def _meedenkers_now(hours: OfficeHours, now: datetime, lang: str) -> str:
    if hours.is_open(now):
        return "The meedenkers are working now." if lang == "en" else "De meedenkers zijn nu aan het werk."
    if lang == "en":
        return f"The meedenkers are not working now; they are back {_when_back(hours, now, lang)}."
    return f"Nu zijn de meedenkers er niet; ze zijn er {_when_back(hours, now, lang)} weer."


def _luisterlijn_now(line: Helpline, lang: str) -> str:
    """Open now only when the configured text says day and night, every day (no clock for free text).
    The Dutch text says neither "u" nor "je": it stands in the answer of both forms."""
    phone, chat = line.hours, line.chat_hours or line.hours
    if always_open(phone) and always_open(chat):
        return (f"Yes, {line.name} is open now: you can call and chat {_ALWAYS_EN}." if lang == "en"
                else f"Ja, {line.name} is nu open: bellen en chatten kan {phone}.")
    if always_open(phone):
        return (f"You can call {line.name} now, {_ALWAYS_EN}; the chat is open {_ON_WEBSITE_EN}." if lang == "en"
                else f"{line.name} is nu te bellen, want dat kan {phone}; de chat is open {chat or 'op vaste tijden'}.")
    if lang == "en" or not phone:
        return (f"{line.name} is open {_ON_WEBSITE_EN}." if lang == "en"
                else f"Kijk op de website van {line.name} wanneer zij open zijn.")
    return f"De telefoon van {line.name} is open {phone}, de chat {chat}."
