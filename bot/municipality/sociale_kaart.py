"""The sociale kaart: which organisations in the resident's region fit the question.

Why this module exists: the meedenker route ends with "matching organisations from the sociale
kaart" (domain guide §4, §6). Every municipality has its own organisations, so the list lives in
configuration: one YAML file per region in ``config/sociale_kaart/``. A municipality replaces the
files, never the code. The files are checked when the assistant starts, and a mistake names the
file and the line, so the person who edits them can fix it without a developer.

File format (see ``config/sociale_kaart/oosterschelderegio.yml`` for a full example)::

    region: Oosterschelderegio
    checked: "2026-11-25"          # when someone last checked the contact data
    example: false                 # optional; true marks made-up demo data
    gemeenten: [Goes, Kapelle]     # official municipality names, each in one region only
    organisaties:
      - id: smwo                   # unique over all files; tickets refer to it
        name: SMWO
        offer: Meedenkers voor alle vragen. Gratis en onafhankelijk.   # one line, at most 20 words
        leefgebieden: alle         # or a list of ids from bot/understanding/werkmodel.py
        doelgroepen: alle          # idem
        type: formeel              # formeel (paid professional) or informeel (volunteer, ervaringsdeskundige)
        contact: {phone: "0113 123456", website: "https://www.smwo.nl"}   # phone and/or website, email optional
        hours: maandag tot en met vrijdag, 9.00 tot 17.00 uur
        gemeenten: [Goes]          # optional: only these gemeenten of the region
        keywords: [schuld]         # optional: only when the resident's words contain one of these
    vandaag:                       # optional: what can happen TODAY for a resident in urgent need
      - id: nachtopvang-goes       # unique over all files, like organisation ids
        name: Nachtopvang Goes
        voor: [onderdak]           # needs from bot/spoed.NEEDS; "jongeren" alone: young people, any need
        phone: "0113 123456"       # phone and/or website
        website: https://www.example.nl
        hours: dag en nacht        # or per day: {maandag-vrijdag: "09:00-17:00", zaterdag: "21:00-09:00"}
        offer: Een bed voor vannacht. U kunt zonder afspraak komen.   # one line, at most 20 words
        checked: "2026-12-06"      # when someone last checked this entry against public information
        voorbeeld: true            # optional: an example, not checked; shown with a warning
        gemeenten: [Goes]          # optional: only these gemeenten of the region

Why ``vandaag`` (issue 25): a 17-year-old with no bed tonight was told a meedenker would call
next week. The assistant must say what can happen today. :meth:`SocialeKaart.vandaag` gives the
region's same-day contacts for one need, open ones first. Residents whose gemeente no region
covers get ``landelijk.yml`` instead: a file with only ``vandaag:``, of contacts that are national
and true (De Kindertelefoon) and general advice that holds everywhere ("Bel vandaag uw
gemeente"). An advice entry (``advies: true``) may have no phone or website; a national entry with
``altijd: true`` is also shown next to a region's own contacts. Hours of the day ("open now") are
Dutch local time (Europe/Amsterdam); a time that ends before it starts runs past midnight.

Nothing is read at import time; call :func:`load_sociale_kaart` once at start-up.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Final, Iterable
from zoneinfo import ZoneInfo

import yaml

from bot.errors import ConfigError
from bot.municipality.office_hours import DAYS, describe_week, format_time
from bot.conversation.spoed import GROUP_YOUNG, NEEDS
from bot.understanding.werkmodel import (
    DOELGROEP_LABELS,
    DOELGROEPEN,
    FORMEEL,
    INFORMEEL,
    LEEFGEBIED_LABELS,
    LEEFGEBIEDEN,
    MEEDENKER_TYPES,
)

__all__ = [
    "ALLE",
    "Contact",
    "Organisatie",
    "Region",
    "Match",
    "LANDELIJK_FILE",
    "OpeningHours",
    "SocialeKaart",
    "TIMEZONE",
    "TodayContact",
    "VandaagEntry",
    "SocialeKaartError",
    "load_sociale_kaart",
    "gemeente_key",
]

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
            found = re.search(r"(?<!\w)" + re.escape(_plain(keyword)) + r"\w*", plain)
            if found:
                return found.group(0)
        return None


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


@dataclass(frozen=True)
class SocialeKaart:
    """All regions; each gemeente belongs to at most one of them. ``landelijk``: the national
    same-day fallback (``landelijk.yml``) for residents whose gemeente no region covers."""

    regions: tuple[Region, ...]
    landelijk: tuple[VandaagEntry, ...] = ()

    @property
    def gemeenten(self) -> tuple[str, ...]:
        """Every gemeente on the kaart, as written in the files, sorted."""
        return tuple(sorted((g for r in self.regions for g in r.gemeenten), key=gemeente_key))

    def region_for(self, gemeente: str | None) -> Region | None:
        """The region of a gemeente (names compared leniently), or None when unknown."""
        if not gemeente or not gemeente.strip():
            return None
        key = gemeente_key(gemeente)
        for region in self.regions:
            if key in {gemeente_key(g) for g in region.gemeenten}:
                return region
        return None

    def organisatie(self, organisatie_id: str) -> Organisatie:
        """The organisation with this id; KeyError when there is none."""
        for region in self.regions:
            for org in region.organisaties:
                if org.id == organisatie_id:
                    return org
        raise KeyError(organisatie_id)

    def vandaag(self, gemeente: str | None, need: str, now: datetime, *, young: bool = False) -> list[TodayContact]:
        """What can happen today for this need: the region's same-day contacts, open ones first.

        ``need`` is one of bot/spoed.NEEDS (``urgent_need()`` gives it). ``young``: the resident is a
        young person (doelgroep "jongeren"); entries marked for young people are only shown then,
        and ``need="jongeren"`` gives those entries alone. When no region covers the gemeente (or it
        is unknown), or the region has nothing for this need there, the national fallback is given
        instead; national entries marked ``altijd`` are added to a region's own. A resident is never
        sent to another region's contacts. Order: open now first, checked entries before examples,
        then the order of the files (region first). ``now`` must be timezone-aware.
        """
        if need not in NEEDS:
            raise ValueError(f"need must be one of {NEEDS}, got {need!r}")
        _local(now)
        region = self.region_for(gemeente)
        national = [e for e in self.landelijk if e.fits(need, young)]
        regional: list[VandaagEntry] = []
        if region is not None:
            assert gemeente is not None
            regional = [e for e in region.vandaag if e.serves_gemeente(gemeente) and e.fits(need, young)]
        chosen = regional + [e for e in national if e.altijd] if regional else national
        contacts = [_today(entry, now) for entry in chosen]
        return sorted(contacts, key=lambda c: (not c.open_now, c.voorbeeld))

    def match(
        self,
        gemeente: str | None,
        leefgebieden: Iterable[str],
        doelgroepen: Iterable[str],
        meedenker_type: str | None,
        limit: int = 3,
        text: str | None = None,
    ) -> list[Match]:
        """Up to ``limit`` organisations of the resident's region, best first.

        Only the region of ``gemeente`` is searched. With no gemeente, or one that is on no region's
        list, the answer is an empty list: the assistant must not send a resident to organisations
        elsewhere in the country; the caller asks for the gemeente or offers a meedenker instead.

        An organisation takes part when it works in the gemeente, serves one of the resident's
        doelgroepen (or "alle"), serves one of the leefgebieden (or "alle", or the resident named
        none), and, if it has keywords, one of them is in ``text`` (no text: such organisations are
        left out). Each of the resident's doelgroepen it serves counts 8 (3 for "alle"), each
        leefgebied 4 (2 for "alle"; with no leefgebied given, "alle" counts once), a keyword 6, and
        the suggested ``meedenker_type`` 3. Ties keep the order of the file.
        """
        gebieden = list(dict.fromkeys(leefgebieden))
        groepen = list(dict.fromkeys(doelgroepen))
        for value, known, what in ((gebieden, LEEFGEBIEDEN, "leefgebied"), (groepen, DOELGROEPEN, "doelgroep")):
            unknown = [v for v in value if v not in known]
            if unknown:
                raise ValueError(f"unknown {what} id(s) {unknown}")
        if meedenker_type is not None and meedenker_type not in MEEDENKER_TYPES:
            raise ValueError(f"meedenker_type must be one of {MEEDENKER_TYPES} or None, got {meedenker_type!r}")
        if limit < 0:
            raise ValueError("limit must be 0 or more")
        region = self.region_for(gemeente)
        if region is None or limit == 0:
            return []
        assert gemeente is not None
        scored: list[tuple[int, int, int, Match]] = []
        for position, org in enumerate(region.organisaties):
            if not org.serves_gemeente(gemeente):
                continue
            score = 0
            specific = 0
            # Most telling reason first: callers may show only reasons[0] to the resident.
            first: list[str] = []  # specific doelgroepen, then specific leefgebieden
            keyword_reason: list[str] = []
            general: list[str] = []  # "alle"
            if org.keywords:
                keyword = org.keyword_in(text or "")
                if keyword is None:
                    continue
                score += SCORE_KEYWORD
                keyword_reason.append(f"past bij '{keyword}' in uw vraag")
            if org.all_doelgroepen:
                score += SCORE_DOELGROEP_ALLE * max(1, len(groepen))
                general.append("voor iedereen")
            else:
                hits = [g for g in groepen if g in org.doelgroepen]
                if not hits:
                    continue
                score += SCORE_DOELGROEP * len(hits)
                specific += len(hits)
                first.extend(_FOR_GROUP.get(g) or f"voor {DOELGROEP_LABELS[g]}" for g in hits)
            if org.all_leefgebieden:
                score += SCORE_LEEFGEBIED_ALLE * max(1, len(gebieden))
                general.insert(0, "helpt bij alle soorten vragen")
            elif gebieden:
                hits = [g for g in gebieden if g in org.leefgebieden]
                if not hits:
                    continue
                score += SCORE_LEEFGEBIED * len(hits)
                specific += len(hits)
                first.extend(f"helpt bij {LEEFGEBIED_LABELS[g]}" for g in hits)
            reasons = first + keyword_reason + general
            if meedenker_type is not None and org.type == meedenker_type:
                score += SCORE_TYPE
                reasons.append(_TYPE_REASON[org.type])
            scored.append((-score, -specific, position, Match(org, tuple(reasons), score)))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[:limit]]


# --------------------------------------------------------------------------------------------
# Loading: yaml.compose keeps the line of every node, so errors can point at it.
# --------------------------------------------------------------------------------------------


class _File:
    """Error helpers bound to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, node: yaml.Node | None, message: str) -> SocialeKaartError:
        where = f", line {node.start_mark.line + 1}" if node is not None else ""
        return SocialeKaartError(f"{self.path}{where}: {message}")

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping (key: value)")
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, f"{what}: keys must be plain words")
            key = key_node.value
            if key in result:
                raise self.error(key_node, f"{what}: field '{key}' appears twice")
            if key not in allowed:
                raise self.error(key_node, f"{what}: unknown field '{key}' (allowed: {', '.join(allowed)})")
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL_TAG:
                continue  # "field:" with nothing after it counts as missing
            result[key] = (key_node, value_node)
        return result

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.error(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def text_list(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode):
            return [(self.text(node, what), node)]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.error(node, f"{what} must be a non-empty list")
        return [(self.text(item, f"{what} entry"), item) for item in node.value]


def _ids(file: _File, field: tuple[yaml.Node, yaml.Node], what: str, one: str, known: tuple[str, ...],
         owner: str) -> tuple[str, ...]:
    key, node = field
    values = file.text_list(node, f"{owner}: {what}")
    words = [value for value, _ in values]
    if ALLE in words:
        if len(words) > 1:
            raise file.error(key, f"{owner}: {what} is either 'alle' or a list of ids, not both")
        return (ALLE,)
    seen: list[str] = []
    for value, item in values:
        if value not in known:
            raise file.error(item, f"{owner}: unknown {one} '{value}' "
                                   f"(known: {ALLE}, {', '.join(known)})")
        if value in seen:
            raise file.error(item, f"{owner}: {what} lists '{value}' twice")
        seen.append(value)
    return tuple(seen)


def _offer(file: _File, node: yaml.Node, label: str) -> str:
    offer = file.text(node, f"{label}: offer")
    if "\n" in offer:
        raise file.error(node, f"{label}: offer must be one line")
    if len(offer.split()) > MAX_OFFER_WORDS:
        raise file.error(node, f"{label}: offer has {len(offer.split())} words; keep it to "
                               f"{MAX_OFFER_WORDS} or fewer (plain Dutch, B1)")
    return offer


def _flag(file: _File, node: yaml.Node, what: str) -> bool:
    raw = file.text(node, what).lower()
    if raw not in ("true", "false", "yes", "no"):
        raise file.error(node, f"{what} must be true or false")
    return raw in ("true", "yes")


def _checked(file: _File, node: yaml.Node, what: str) -> date:
    try:
        return date.fromisoformat(file.text(node, what))
    except ValueError as error:
        raise file.error(node, f"{what} must be a date like 2026-11-25") from error


def _gemeenten_of(file: _File, node: yaml.Node, label: str, region_gemeenten: dict[str, str]) -> tuple[str, ...]:
    gemeenten: list[str] = []
    for value, item in file.text_list(node, f"{label}: gemeenten"):
        if gemeente_key(value) not in region_gemeenten:
            raise file.error(item, f"{label}: gemeente '{value}' is not one of this region's gemeenten")
        gemeenten.append(region_gemeenten[gemeente_key(value)])
    return tuple(gemeenten)


def _day_keys(file: _File, key_node: yaml.Node, label: str) -> list[int]:
    """'maandag', 'elke dag', 'maandag-vrijdag', 'maandag t/m vrijdag' -> weekday numbers."""
    raw = " ".join(str(key_node.value).lower().split())
    if raw == EVERY_DAY:
        return list(range(7))
    if raw in DAYS:
        return [DAYS.index(raw)]
    found = _DAY_RANGE.match(raw)
    if found and found.group(1) in DAYS and found.group(2) in DAYS:
        first, last = DAYS.index(found.group(1)), DAYS.index(found.group(2))
        if first < last:
            return list(range(first, last + 1))
    raise file.error(key_node, f"{label}: hours: '{key_node.value}' is not a day; write a day "
                               f"({', '.join(DAYS)}), '{EVERY_DAY}' or a range like 'maandag-vrijdag'")


def _intervals(file: _File, node: yaml.Node, label: str, day: str) -> tuple[Interval, ...]:
    what = f"{label}: hours.{day}"
    raw = file.text(node, what)
    if raw.lower() == CLOSED:
        return ()
    intervals: list[Interval] = []
    for part in raw.split(","):
        found = _CLOCK.match(part)
        if not found:
            raise file.error(node, f"{what} must be like \"09:00-17:00\", \"09:00-12:00, 13:00-17:00\", "
                                   f"\"21:00-08:00\" (past midnight) or \"{CLOSED}\", not {raw!r}")
        h1, m1, h2, m2 = (int(x) for x in found.groups())
        try:
            start, end = time(h1, m1), time(h2, m2)
        except ValueError as error:
            raise file.error(node, f"{what} has a time that does not exist: {part.strip()!r}") from error
        if start == end:
            raise file.error(node, f"{what} opens and closes at the same time: {part.strip()!r} "
                                   f"(write '{ALWAYS_OPEN}' for day and night)")
        if intervals and (intervals[-1][1] <= intervals[-1][0] or start < intervals[-1][1]):
            raise file.error(node, f"{what} has times that overlap or are not in order")
        intervals.append((start, end))
    return tuple(intervals)


def _opening_hours(file: _File, node: yaml.Node, label: str) -> OpeningHours:
    if isinstance(node, yaml.ScalarNode):
        if " ".join(str(node.value).lower().split()) == ALWAYS_OPEN:
            return OpeningHours(always=True)
        raise file.error(node, f"{label}: hours must be '{ALWAYS_OPEN}' or times per day, like "
                               f"'maandag-vrijdag: \"09:00-17:00\"' on the next lines")
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise file.error(node, f"{label}: hours must be '{ALWAYS_OPEN}' or times per day")
    week: list[tuple[Interval, ...] | None] = [None] * 7
    for key_node, value_node in node.value:
        days = _day_keys(file, key_node, label)
        intervals = _intervals(file, value_node, label, str(key_node.value))
        for day in days:
            if week[day] is not None:
                raise file.error(key_node, f"{label}: hours: {DAYS[day]} is given twice")
            week[day] = intervals
    hours = tuple(day or () for day in week)
    if not any(hours):
        raise file.error(node, f"{label}: hours has no open time; leave hours out when there are none")
    return OpeningHours(week=hours)


def _vandaag_entry(file: _File, node: yaml.Node, region: str | None,
                   region_gemeenten: dict[str, str]) -> VandaagEntry:
    allowed = tuple(f for f in _VANDAAG_FIELDS if f != ("altijd" if region else "gemeenten"))
    fields = file.mapping(node, "vandaag entry", allowed)
    id_node = fields.get("id", (None, None))[1]
    label = f"vandaag entry '{id_node.value}'" if isinstance(id_node, yaml.ScalarNode) else "vandaag entry"
    for name in _VANDAAG_REQUIRED:
        if name not in fields:
            raise file.error(node, f"{label}: field '{name}' is missing")
    entry_id = file.text(fields["id"][1], f"{label}: id")
    if not _ID.match(entry_id):
        raise file.error(fields["id"][1], f"{label}: id must be lower case letters, digits, '_' or '-'")
    voor: list[str] = []
    for value, item in file.text_list(fields["voor"][1], f"{label}: voor"):
        if value not in NEEDS:
            raise file.error(item, f"{label}: voor: unknown need '{value}' (known: {', '.join(NEEDS)})")
        if value in voor:
            raise file.error(item, f"{label}: voor lists '{value}' twice")
        voor.append(value)
    advies = _flag(file, fields["advies"][1], f"{label}: advies") if "advies" in fields else False
    contact: dict[str, str] = {}
    for name, pattern, example in (("phone", _PHONE, "0113 123456"), ("website", _WEBSITE, "https://www.example.nl")):
        if name in fields:
            value = file.text(fields[name][1], f"{label}: {name}")
            if not pattern.match(value):
                raise file.error(fields[name][1], f"{label}: {name} {value!r} is not valid (like {example})")
            contact[name] = value
    if not contact and not advies:
        raise file.error(node, f"{label}: needs a phone or a website (or 'advies: true' for general advice)")
    hours = _opening_hours(file, fields["hours"][1], label) if "hours" in fields else None
    if "phone" in contact and hours is None:
        raise file.error(fields["phone"][1], f"{label}: field 'hours' is missing: a resident must know when "
                                             f"to call (write '{ALWAYS_OPEN}' or times per day)")
    return VandaagEntry(
        id=entry_id,
        name=file.text(fields["name"][1], f"{label}: name"),
        voor=tuple(voor),
        offer=_offer(file, fields["offer"][1], label),
        checked=_checked(file, fields["checked"][1], f"{label}: checked"),
        source=file.path,
        region=region,
        phone=contact.get("phone"),
        website=contact.get("website"),
        hours=hours,
        voorbeeld=_flag(file, fields["voorbeeld"][1], f"{label}: voorbeeld") if "voorbeeld" in fields else False,
        advies=advies,
        gemeenten=(_gemeenten_of(file, fields["gemeenten"][1], label, region_gemeenten)
                   if "gemeenten" in fields else ()),
        altijd=_flag(file, fields["altijd"][1], f"{label}: altijd") if "altijd" in fields else False,
    )


def _vandaag_list(file: _File, node: yaml.Node, region: str | None, region_gemeenten: dict[str, str],
                  id_nodes: dict[str, yaml.Node]) -> tuple[VandaagEntry, ...]:
    """The `vandaag:` list of one file; ids are added to id_nodes (shared with the organisations)."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise file.error(node, "vandaag must be a non-empty list")
    entries: list[VandaagEntry] = []
    for item in node.value:
        entry = _vandaag_entry(file, item, region, region_gemeenten)
        if entry.id in id_nodes:
            raise file.error(item, f"id '{entry.id}' is used twice "
                                   f"(first at line {id_nodes[entry.id].start_mark.line + 1})")
        id_nodes[entry.id] = item
        entries.append(entry)
    return tuple(entries)


def _organisatie(file: _File, node: yaml.Node, region: str, region_gemeenten: dict[str, str]) -> Organisatie:
    fields = file.mapping(node, "organisation", _ORG_FIELDS)
    id_node = fields.get("id", (None, None))[1]
    label = f"organisation '{id_node.value}'" if isinstance(id_node, yaml.ScalarNode) else "organisation"
    for name in _ORG_REQUIRED:
        if name not in fields:
            raise file.error(node, f"{label}: field '{name}' is missing")
    org_id = file.text(fields["id"][1], f"{label}: id")
    if not _ID.match(org_id):
        raise file.error(fields["id"][1], f"{label}: id must be lower case letters, digits, '_' or '-'")
    offer = _offer(file, fields["offer"][1], label)
    type_node = fields["type"][1]
    kind = file.text(type_node, f"{label}: type")
    if kind not in MEEDENKER_TYPES:
        raise file.error(type_node, f"{label}: type must be {' or '.join(MEEDENKER_TYPES)}, not '{kind}'")
    contact_fields = file.mapping(fields["contact"][1], f"{label}: contact", _CONTACT_FIELDS)
    contact_values: dict[str, str] = {}
    for name, (_, value_node) in contact_fields.items():
        value = file.text(value_node, f"{label}: contact.{name}")
        pattern = {"phone": _PHONE, "website": _WEBSITE, "email": _EMAIL}[name]
        if not pattern.match(value):
            example = {"phone": "0113 123456", "website": "https://www.example.nl", "email": "info@example.nl"}[name]
            raise file.error(value_node, f"{label}: contact.{name} {value!r} is not valid (like {example})")
        contact_values[name] = value
    if "phone" not in contact_values and "website" not in contact_values:
        raise file.error(fields["contact"][0], f"{label}: contact needs a phone or a website")
    gemeenten = _gemeenten_of(file, fields["gemeenten"][1], label, region_gemeenten) if "gemeenten" in fields else ()
    keywords: list[str] = []
    if "keywords" in fields:
        keywords = [value for value, _ in file.text_list(fields["keywords"][1], f"{label}: keywords")]
    return Organisatie(
        id=org_id,
        name=file.text(fields["name"][1], f"{label}: name"),
        offer=offer,
        leefgebieden=_ids(file, fields["leefgebieden"], "leefgebieden", "leefgebied", LEEFGEBIEDEN, label),
        doelgroepen=_ids(file, fields["doelgroepen"], "doelgroepen", "doelgroep", DOELGROEPEN, label),
        type=kind,
        contact=Contact(**contact_values),
        hours=file.text(fields["hours"][1], f"{label}: hours"),
        region=region,
        gemeenten=gemeenten,
        keywords=tuple(keywords),
    )


def _root(path: Path) -> yaml.Node:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise SocialeKaartError(f"{path}: cannot be read: {error}") from error
    except yaml.YAMLError as error:
        raise SocialeKaartError(f"{path}: is not valid YAML: {error}") from error
    if root is None:
        raise SocialeKaartError(f"{path}: the file is empty")
    return root


def _landelijk(path: Path) -> tuple[tuple[VandaagEntry, ...], dict[str, yaml.Node]]:
    """The national fallback file: only a `vandaag:` list, without gemeenten."""
    file = _File(path)
    root = _root(path)
    fields = file.mapping(root, "the national file", ("vandaag",))
    if "vandaag" not in fields:
        raise file.error(root, "field 'vandaag' is missing at the top of the file")
    id_nodes: dict[str, yaml.Node] = {}
    return _vandaag_list(file, fields["vandaag"][1], None, {}, id_nodes), id_nodes


def _region(path: Path) -> tuple[Region, dict[str, yaml.Node], dict[str, yaml.Node]]:
    """One region file, plus the nodes of its gemeenten and of its ids (organisations and same-day
    contacts) for cross-file checks."""
    file = _File(path)
    root = _root(path)
    fields = file.mapping(root, "the file", _TOP_FIELDS)
    for name in ("region", "checked", "gemeenten", "organisaties"):
        if name not in fields:
            raise file.error(root, f"field '{name}' is missing at the top of the file")
    name = file.text(fields["region"][1], "region")
    checked = _checked(file, fields["checked"][1], "checked")
    example = _flag(file, fields["example"][1], "example") if "example" in fields else False

    gemeenten: list[str] = []
    gemeente_nodes: dict[str, yaml.Node] = {}
    for value, item in file.text_list(fields["gemeenten"][1], "gemeenten"):
        key = gemeente_key(value)
        if not key:
            raise file.error(item, f"gemeente '{value}' is not a name")
        if key in gemeente_nodes:
            raise file.error(item, f"gemeente '{value}' is listed twice "
                                   f"(first at line {gemeente_nodes[key].start_mark.line + 1})")
        gemeente_nodes[key] = item
        gemeenten.append(value)
    region_gemeenten = {gemeente_key(g): g for g in gemeenten}

    orgs_node = fields["organisaties"][1]
    if not isinstance(orgs_node, yaml.SequenceNode) or not orgs_node.value:
        raise file.error(orgs_node, "organisaties must be a non-empty list")
    organisaties: list[Organisatie] = []
    id_nodes: dict[str, yaml.Node] = {}
    for item in orgs_node.value:
        org = _organisatie(file, item, name, region_gemeenten)
        if org.id in id_nodes:
            raise file.error(item, f"organisation id '{org.id}' is used twice "
                                   f"(first at line {id_nodes[org.id].start_mark.line + 1})")
        id_nodes[org.id] = item
        organisaties.append(org)
    vandaag = (_vandaag_list(file, fields["vandaag"][1], name, region_gemeenten, id_nodes)
               if "vandaag" in fields else ())
    region = Region(name=name, gemeenten=tuple(gemeenten), organisaties=tuple(organisaties),
                    checked=checked, source=path, example=example, vandaag=vandaag)
    return region, gemeente_nodes, id_nodes


def load_sociale_kaart(folder: Path) -> SocialeKaart:
    """Read and check every ``*.yml`` file in the folder (one region each), in name order, and
    ``landelijk.yml`` (when present) as the national same-day fallback.

    Raises SocialeKaartError naming the file and the line of the bad entry: unknown leefgebied,
    doelgroep or need, missing or unknown field, bad type, contact, hours or date, an id used twice
    (also across files), a gemeente in two regions, a region name used twice.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SocialeKaartError(f"{folder}: the sociale kaart folder does not exist")
    paths = sorted(p for p in folder.glob("*.yml") if p.name != LANDELIJK_FILE)
    if not paths:
        raise SocialeKaartError(f"{folder}: no region files (*.yml) found")
    regions: list[Region] = []
    gemeente_seen: dict[str, tuple[str, Path, yaml.Node]] = {}
    id_seen: dict[str, tuple[Path, yaml.Node]] = {}
    region_seen: dict[str, Path] = {}
    landelijk: tuple[VandaagEntry, ...] = ()
    national = folder / LANDELIJK_FILE
    if national.exists():
        landelijk, national_ids = _landelijk(national)
        id_seen.update({entry_id: (national, node) for entry_id, node in national_ids.items()})
    for path in paths:
        region, gemeente_nodes, id_nodes = _region(path)
        if region.name.casefold() in region_seen:
            raise SocialeKaartError(f"{path}: region '{region.name}' is also in {region_seen[region.name.casefold()]}")
        region_seen[region.name.casefold()] = path
        for key, node in gemeente_nodes.items():
            if key in gemeente_seen:
                other_region, other_path, other_node = gemeente_seen[key]
                raise SocialeKaartError(
                    f"{path}, line {node.start_mark.line + 1}: gemeente '{node.value}' is also in region "
                    f"'{other_region}' ({other_path}, line {other_node.start_mark.line + 1}); "
                    "a gemeente belongs to one region"
                )
            gemeente_seen[key] = (region.name, path, node)
        for org_id, node in id_nodes.items():
            if org_id in id_seen:
                other_path, other_node = id_seen[org_id]
                raise SocialeKaartError(
                    f"{path}, line {node.start_mark.line + 1}: id '{org_id}' is also used in "
                    f"{other_path}, line {other_node.start_mark.line + 1}"
                )
            id_seen[org_id] = (path, node)
        regions.append(region)
    return SocialeKaart(regions=tuple(regions), landelijk=landelijk)
