"""What the sociale kaart holds: organisations, their contact and opening hours, the day's
contacts (vandaag), regions, matches, the scores that rank them and the file's error.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

import yaml

from bot.errors import ConfigError
from bot.municipality.office_hours import describe_week, format_time
from bot.conversation.spoed import GROUP_YOUNG
from bot.understanding.werkmodel import FORMEEL, INFORMEEL


ALLE: Final = "alle"  # in leefgebieden/doelgroepen: the organisation serves all of them

# Scores (see SocialeKaart.match): a doelgroep weighs more than a leefgebied, "alle" less than a
# specific match, a keyword in the resident's words counts strongly, the suggested type breaks near-ties.
SCORE_DOELGROEP: Final = 8
SCORE_DOELGROEP_ALLE: Final = 3
SCORE_LEEFGEBIED: Final = 4
SCORE_LEEFGEBIED_ALLE: Final = 2
SCORE_KEYWORD: Final = 6
SCORE_TYPE: Final = 3

MAX_OFFER_WORDS: Final = 20  # domain guide §8: no sentence over 20 words

# "voor ..." phrases per doelgroep for the reasons a resident reads. The keys are checked against
# bot/werkmodel.DOELGROEPEN in the tests; a new doelgroep without a phrase falls back to its label.
_FOR_GROUP: Final[dict[str, str]] = {
    "jongeren": "voor jongeren",
    "ouderen": "voor ouderen",
    "ouders_gezin": "voor ouders en gezinnen",
    "nah": "voor mensen met hersenletsel",
    "ggz": "voor mensen met psychische klachten",
    "lichamelijke_beperking": "voor mensen met een lichamelijke beperking",
    "verstandelijke_beperking": "voor mensen met een verstandelijke beperking",
    "laag_ses": "voor mensen met weinig geld of moeite met lezen",
    "mantelzorgers": "voor mantelzorgers",
    "niet_westerse_achtergrond": "voor mensen die uit een ander land komen",
}
_TYPE_REASON: Final[dict[str, str]] = {
    INFORMEEL: "werkt met vrijwilligers of ervaringsdeskundigen",
    FORMEEL: "werkt met beroepskrachten",
}

_PHONE: Final = re.compile(r"^\+?[0-9][0-9 \-]{2,18}[0-9]$")
_WEBSITE: Final = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ID: Final = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")

_TOP_FIELDS: Final = ("region", "checked", "example", "gemeenten", "organisaties", "vandaag")
_VANDAAG_FIELDS: Final = ("id", "name", "voor", "phone", "website", "hours", "offer", "checked", "voorbeeld",
                          "advies", "gemeenten", "altijd")
_VANDAAG_REQUIRED: Final = ("id", "name", "voor", "offer", "checked")

LANDELIJK_FILE: Final = "landelijk.yml"  # in the kaart folder: the national fallback, not a region
TIMEZONE: Final = ZoneInfo("Europe/Amsterdam")
ALWAYS_OPEN: Final = "dag en nacht"
CLOSED: Final = "gesloten"
EVERY_DAY: Final = "elke dag"
_CLOCK: Final = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*$")
_DAY_RANGE: Final = re.compile(r"^\s*([a-z]+)\s*(?:-|t/m|tot en met)\s*([a-z]+)\s*$")
_ORG_FIELDS: Final = ("id", "name", "offer", "leefgebieden", "doelgroepen", "type", "contact", "hours",
                      "gemeenten", "keywords")
_ORG_REQUIRED: Final = ("id", "name", "offer", "leefgebieden", "doelgroepen", "type", "contact", "hours")
_CONTACT_FIELDS: Final = ("phone", "website", "email")
_NULL_TAG: Final = "tag:yaml.org,2002:null"


class SocialeKaartError(ConfigError, ValueError):
    """A sociale kaart file is missing, unreadable or has a bad entry (message: file and line)."""


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    website: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Organisatie:
    """One organisation on the kaart, as written in its region file."""

    id: str
    name: str
    offer: str  # one plain Dutch line (B1)
    leefgebieden: tuple[str, ...]  # ids, or (ALLE,)
    doelgroepen: tuple[str, ...]  # ids, or (ALLE,)
    type: str  # INFORMEEL or FORMEEL
    contact: Contact
    hours: str
    region: str
    gemeenten: tuple[str, ...] = ()  # empty: every gemeente of the region
    keywords: tuple[str, ...] = ()  # non-empty: only when the resident's words contain one

    @property
    def all_leefgebieden(self) -> bool:
        return self.leefgebieden == (ALLE,)

    @property
    def all_doelgroepen(self) -> bool:
        return self.doelgroepen == (ALLE,)

    def serves_gemeente(self, gemeente: str) -> bool:
        """True when the organisation works in this gemeente of its region."""
        return not self.gemeenten or gemeente_key(gemeente) in {gemeente_key(g) for g in self.gemeenten}

    def keyword_in(self, text: str) -> str | None:
        """The resident's words that start with one of the keywords ("schuld" -> "schulden"), or None."""
        plain = _plain(text)
        for keyword in self.keywords:
            for found in re.finditer(r"(?<!\w)" + re.escape(_plain(keyword)) + r"\w*", plain):
                # "mijn vader is niet dakloos", "geen drugs" (residents' round 42: the Leger des Heils
                # was suggested for a father with dementia "who is not homeless").
                if not _NEGATED_BEFORE.search(plain[:found.start()]):
                    return found.group(0)
        return None


_NEGATED_BEFORE = re.compile(r"\b(?:niet|geen|nooit|not|no|never)\s+(?:\w+\s+)?$")

Interval = tuple[time, time]  # an end at or before the start runs past midnight


@dataclass(frozen=True)
class OpeningHours:
    """When a same-day contact can be reached: day and night, or intervals per weekday."""

    always: bool = False
    week: tuple[tuple[Interval, ...], ...] = ((),) * 7  # Monday first

    def is_open(self, now: datetime) -> bool:
        """True when the contact can be reached at this moment (Dutch local time)."""
        if self.always:
            return True
        local = _local(now)
        clock = local.time()
        for start, end in self.week[local.weekday()]:
            if start < end and start <= clock < end or end <= start <= clock:
                return True
        yesterday = self.week[(local.weekday() - 1) % 7]
        return any(end <= start and clock < end for start, end in yesterday)

    def next_open(self, now: datetime) -> datetime | None:
        """The next moment it opens (Dutch local time), or None when it is open now or always."""
        if self.always or self.is_open(now):
            return None
        local = _local(now)
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            for start, _ in self.week[day.weekday()]:
                moment = datetime.combine(day, start, tzinfo=TIMEZONE)
                if moment > local:
                    return moment
        return None  # pragma: no cover - the loader refuses hours without an open time

    def describe(self) -> str:
        """Short plain Dutch: 'dag en nacht', 'elke dag 11.00 tot 21.00 uur',
        'maandag tot en met vrijdag 9.00 tot 17.00 uur; zaterdag 10.00 tot 12.00 uur'."""
        if self.always:
            return ALWAYS_OPEN

        def times(intervals: tuple[Interval, ...]) -> str:
            return " en ".join(f"{a.hour}.{a.minute:02d} tot {format_time(b)}" for a, b in intervals)

        if all(day == self.week[0] for day in self.week):
            return f"{EVERY_DAY} {times(self.week[0])}"
        return describe_week(self.week)


def _local(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware (for example datetime.now(tz=ZoneInfo('Europe/Amsterdam')))")
    return now.astimezone(TIMEZONE)


@dataclass(frozen=True)
class VandaagEntry:
    """One same-day contact or piece of advice, as written in a region file or in landelijk.yml."""

    id: str
    name: str
    voor: tuple[str, ...]  # needs from bot/spoed.NEEDS
    offer: str
    checked: date
    source: Path
    region: str | None  # None: the national fallback file
    phone: str | None = None
    website: str | None = None
    hours: OpeningHours | None = None  # None: no phone hours (a website, or advice)
    voorbeeld: bool = False  # an example, not checked against public information
    advies: bool = False  # advice without a contact of its own ("Bel vandaag uw gemeente")
    gemeenten: tuple[str, ...] = ()  # empty: every gemeente of the region
    altijd: bool = False  # national only: also next to a region's own contacts

    def serves_gemeente(self, gemeente: str) -> bool:
        return not self.gemeenten or gemeente_key(gemeente) in {gemeente_key(g) for g in self.gemeenten}

    def fits(self, need: str, young: bool) -> bool:
        """For this need? Entries that list "jongeren" are for young people only; with "jongeren"
        and no other need they are for a young person with any need (De Kindertelefoon)."""
        for_young = GROUP_YOUNG in self.voor
        needs = set(self.voor) - {GROUP_YOUNG}
        if need == GROUP_YOUNG:
            return for_young
        if for_young and not young:
            return False
        return need in needs or (for_young and not needs)


@dataclass(frozen=True)
class TodayContact:
    """A same-day contact for the resident, ready to show: open now or not, and its hours."""

    id: str
    name: str
    offer: str
    phone: str | None
    website: str | None
    hours: str  # "dag en nacht", "elke dag 11.00 tot 21.00 uur"; "" when no phone hours are known
    open_now: bool  # True only when its hours say it is open at this moment
    opens: datetime | None  # when closed: the next opening (Dutch local time); else None
    voorbeeld: bool  # an example entry, not checked: the caller may warn or leave it out
    advies: bool  # general advice, no contact of its own
    landelijk: bool  # from the national fallback file
    checked: date


@dataclass(frozen=True)
class Region:
    name: str
    gemeenten: tuple[str, ...]
    organisaties: tuple[Organisatie, ...]
    checked: date
    source: Path
    example: bool = False
    vandaag: tuple[VandaagEntry, ...] = ()


@dataclass(frozen=True)
class Match:
    """An organisation suggested for the resident, with plain Dutch reasons ("voor mantelzorgers").

    The reasons run from most to least telling: the resident's own doelgroepen and leefgebieden,
    then a keyword from their words, then "alle", then the suggested type.
    """

    organisatie: Organisatie
    reasons: tuple[str, ...]
    score: int = 0


def _today(entry: VandaagEntry, now: datetime) -> TodayContact:
    hours = entry.hours
    return TodayContact(
        id=entry.id, name=entry.name, offer=entry.offer, phone=entry.phone, website=entry.website,
        hours=hours.describe() if hours else "", open_now=bool(hours and hours.is_open(now)),
        opens=hours.next_open(now) if hours else None, voorbeeld=entry.voorbeeld, advies=entry.advies,
        landelijk=entry.region is None, checked=entry.checked,
    )


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).lower().split())


def gemeente_key(name: str) -> str:
    """Compare gemeente names leniently: 'noord beveland', 'Gemeente Noord-Beveland' -> 'noordbeveland'."""
    plain = _plain(name)
    if plain.startswith("gemeente "):
        plain = plain[len("gemeente "):]
    return re.sub(r"[^a-z0-9]", "", plain)
