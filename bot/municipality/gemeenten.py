"""Which municipality a resident lives in, from what they type (bot/municipality/data/gemeenten.yml).

A meedenker works for one municipality, so the callback form checks the answer against the
official list instead of storing free text. Residents write "den haag", "Gemeente Súdwest Fryslân"
or "Amersfort"; we accept that, but never guess between two municipalities: then we ask again.
Most residents name their town, village or wijk instead ("Zaandam", "de Bijlmer"): `resolve`
also reads those (bot/municipality/data/woonplaatsen.yml, made by scripts/build_woonplaatsen.py) and says
which place it understood, so the form can say "Zaandam hoort bij Zaanstad".
The lists are read on first use, not at import, so a broken file fails loudly where it is used.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from bot.errors import ConfigError
from bot.municipality.config_files import read_date, read_mapping

GEMEENTEN_FILE = Path(__file__).parent / "data" / "gemeenten.yml"
WOONPLAATSEN_FILE = Path(__file__).parent / "data" / "woonplaatsen.yml"
PROVINCIES = (
    "Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
    "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
)
TYPO_MIN_LENGTH = 6  # one typo is forgiven only in names this long: short names are too close
SUGGESTION_CUTOFF = 0.75  # difflib ratio; lower lets "Parijs" suggest "Rijssen-Holten"

# Words around the name that say nothing about which municipality it is.
_PREFIX = re.compile(
    r"^(?:ik\s+woon\s+(?:in|te)|wij\s+wonen\s+(?:in|te)|we\s+wonen\s+(?:in|te)|ik\s+kom\s+uit"
    r"|woonachtig\s+(?:in|te)|mijn\s+gemeente\s+is|het\s+is|dat\s+is|woonplaats|gemeente"
    r"|de\s+gemeente|in|uit|te)\b[\s:,.-]*"
)


class GemeentenDataError(ConfigError, ValueError):
    """The municipalities file is missing, malformed, or its count does not add up."""


def normalise(text: str) -> str:
    """A comparison key: no case, accents, spaces, hyphens or apostrophes; 'a/d' = 'aan den'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    tokens = re.findall(r"[a-z0-9]+", text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        # "aan den", "aan de", "a/d", "a.d." all become one token, so "Alphen a/d Rijn" matches.
        if tokens[i] == "aan" and i + 1 < len(tokens) and tokens[i + 1] in ("de", "den"):
            out.append("ad")
            i += 2
        elif tokens[i] == "a" and i + 1 < len(tokens) and tokens[i + 1] == "d":
            out.append("ad")
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return "".join(out)


def _strip_phrasing(text: str) -> str:
    text = text.strip().lower()
    while True:
        stripped = _PREFIX.sub("", text, count=1).strip()
        if stripped == text or not stripped:
            return text
        text = stripped


def _osa_distance_at_most_one(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    if la > lb:
        a, b = b, a
    # b is one longer: skipping one character of b must give a.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


@dataclass(frozen=True)
class Gemeenten:
    """The loaded list: official names, per province, and the lookup keys."""

    peildatum: date
    names: tuple[str, ...]
    provincies: dict[str, tuple[str, ...]]
    keys: dict[str, tuple[str, ...]]  # normalised key -> official name(s) it can mean

    def find(self, text: str, typos: bool = True) -> str | None:
        """The official name, or None when unknown or when it could be more than one. Without
        `typos`, only a name as written (inside a sentence "Vennep" is no typo of "Gennep")."""
        key = normalise(_strip_phrasing(text))
        if not key:
            return None
        exact = self.keys.get(key)
        if exact is not None:
            return exact[0] if len(exact) == 1 else None
        if not typos or len(key) < TYPO_MIN_LENGTH:
            return None
        found: set[str] = set()
        for candidate, targets in self.keys.items():
            if len(candidate) >= TYPO_MIN_LENGTH and _osa_distance_at_most_one(key, candidate):
                found.update(targets)
        return found.pop() if len(found) == 1 else None

    def suggestions(self, text: str, n: int = 3) -> tuple[str, ...]:
        """Up to n official names close to the text, closest first, for a "bedoelt u ...?"."""
        key = normalise(_strip_phrasing(text))
        if not key or n <= 0:
            return ()
        scored: dict[str, float] = {}
        for candidate, targets in self.keys.items():
            score = difflib.SequenceMatcher(None, key, candidate).ratio()
            if len(key) >= 3 and candidate.startswith(key):
                score = max(score, 0.9)
            if candidate == key:
                score = 1.0
            if score >= SUGGESTION_CUTOFF:
                for name in targets:
                    scored[name] = max(scored.get(name, 0.0), score)
        ranked = sorted(scored, key=lambda name: (-scored[name], name))
        return tuple(ranked[:n])


def _names(raw: object, where: str, path: Path) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw or not all(isinstance(v, str) and v.strip() for v in raw):
        raise GemeentenDataError(f"{path}: {where} must be a name or a list of names")
    return tuple(v.strip() for v in raw)


def load_gemeenten(path: Path) -> Gemeenten:
    """Parse and check the file; every error names the file and what is wrong."""
    data = read_mapping(path, GemeentenDataError)
    peildatum = read_date(data, "peildatum", path, GemeentenDataError)
    provincies_raw = data.get("provincies")
    if not isinstance(provincies_raw, dict) or not provincies_raw:
        raise GemeentenDataError(f"{path}: 'provincies' must map each province to its municipalities")
    unknown = sorted(set(map(str, provincies_raw)) - set(PROVINCIES))
    if unknown:
        raise GemeentenDataError(f"{path}: unknown province(s): {', '.join(unknown)}")

    provincies: dict[str, tuple[str, ...]] = {}
    keys: dict[str, tuple[str, ...]] = {}
    names: list[str] = []
    for provincie, raw in provincies_raw.items():
        provincies[provincie] = _names(raw, f"provincies.{provincie}", path)
        for name in provincies[provincie]:
            key = normalise(name)
            if key in keys:
                raise GemeentenDataError(f"{path}: {name!r} is listed twice (or looks like {keys[key][0]!r})")
            keys[key] = (name,)
            names.append(name)

    expected = data.get("aantal")
    if not isinstance(expected, int) or expected != len(names):
        raise GemeentenDataError(f"{path}: 'aantal' is {expected!r} but {len(names)} municipalities are listed")

    aliassen = data.get("aliassen") or {}
    if not isinstance(aliassen, dict):
        raise GemeentenDataError(f"{path}: 'aliassen' must map what residents type to official names")
    official = set(names)
    for alias, raw in aliassen.items():
        targets = _names(raw, f"aliassen.{alias}", path)
        missing = [t for t in targets if t not in official]
        if missing:
            raise GemeentenDataError(f"{path}: alias {alias!r} points to unknown municipality {missing[0]!r}")
        key = normalise(str(alias))
        if not key or key in keys:
            raise GemeentenDataError(f"{path}: alias {alias!r} is empty or clashes with another name")
        keys[key] = targets
    return Gemeenten(peildatum=peildatum, names=tuple(sorted(names, key=normalise)),
                     provincies=provincies, keys=keys)


@lru_cache(maxsize=1)
def _default() -> Gemeenten:
    return load_gemeenten(GEMEENTEN_FILE)


def all_gemeenten() -> tuple[str, ...]:
    """Every official name, sorted on the comparison key ("'s-Gravenhage" sorts under S)."""
    return _default().names


def find_gemeente(text: str, typos: bool = True) -> str | None:
    """The official name for what a resident typed, or None (unknown place or ambiguous)."""
    return _default().find(text, typos)


def suggestions(text: str, n: int = 3) -> tuple[str, ...]:
    """Close official names for a kind re-ask ("Bedoelt u Amersfoort?")."""
    return _default().suggestions(text, n)


# --- places: towns, villages and wijken (bot/municipality/data/woonplaatsen.yml) ----------------------------

PLACE_SECTIONS = ("plaatsen", "andere_namen", "wijken")  # certain: a name and its gemeente(n)
UNSURE_SECTION = "onzeker"  # gemeente only suggested by neighbouring postcodes: always asked
MAX_PARTS_TOKENS = 10  # longer answers are left to the form's own search inside the text
MAX_ANSWER_WORDS = 16  # a longer message is no answer to this question: the form searches inside it
MAX_NAME_LENGTH = 40  # no place name is longer ("Westerhaar-Vriezenveensewijk" has 28 letters)

# Said before a place rather than a municipality ("ik woon op Texel", "in de wijk Overvecht").
_PLACE_PREFIX = re.compile(
    r"^(?:ik\s+woon\s+op|wij\s+wonen\s+op|we\s+wonen\s+op|op|mijn\s+woonplaats\s+is|plaats"
    r"|in\s+de\s+wijk|de\s+wijk|wijk|in\s+het\s+dorp|het\s+dorp|dorp|in\s+de\s+stad|de\s+stad"
    r"|stadsdeel)\b[\s:,.-]*"
)
_ARTICLE = re.compile(r"^(?:de|het|'t|’t)\s+")
# Words beside a name that name no place of their own: "zaandam noord", "Utrecht centrum",
# "Zaandam, gemeente Zaanstad", "in Zaandam hoor".
_FILLER_WORDS = frozenset({
    "noord", "oost", "zuid", "west", "noordoost", "noordwest", "zuidoost", "zuidwest", "centrum",
    "midden", "binnenstad", "stad", "dorp", "wijk", "buurt", "gemeente", "in", "de", "het", "te",
    "van", "en", "uit", "op", "nl", "nederland", "hoor", "he", "ja", "nou", "dus", "gewoon",
    "eigenlijk", "ik", "woon", "wij", "we", "wonen", "mijn", "is", "dat", "deel", "stadsdeel",
})
_PROVINCE_NAMES = {
    "groningen": "Groningen", "gr": "Groningen", "gn": "Groningen", "grun": "Groningen",
    "friesland": "Friesland", "fryslan": "Friesland", "fr": "Friesland", "fri": "Friesland",
    "drenthe": "Drenthe", "dr": "Drenthe", "overijssel": "Overijssel", "ov": "Overijssel",
    "flevoland": "Flevoland", "fl": "Flevoland", "gelderland": "Gelderland", "gld": "Gelderland",
    "gl": "Gelderland", "utrecht": "Utrecht", "ut": "Utrecht", "utr": "Utrecht",
    "noordholland": "Noord-Holland", "nh": "Noord-Holland", "zuidholland": "Zuid-Holland",
    "zh": "Zuid-Holland", "zeeland": "Zeeland", "z": "Zeeland", "zl": "Zeeland", "zld": "Zeeland",
    "noordbrabant": "Noord-Brabant", "nb": "Noord-Brabant", "brabant": "Noord-Brabant",
    "limburg": "Limburg", "l": "Limburg", "lb": "Limburg", "li": "Limburg",
}
# A province or the country is no answer, however close a village's name is ("Noord-Hofland").
_NOT_A_PLACE = frozenset({
    "friesland", "fryslan", "drenthe", "overijssel", "flevoland", "gelderland", "noordholland",
    "zuidholland", "zeeland", "noordbrabant", "brabant", "limburg", "nederland", "holland",
})
# "Drachten (Friesland)", "Hengelo Gld", "Haren, Groningen", "Sloten in Friesland".
_PROVINCE_TAIL = re.compile(r"^(?P<place>.+?)[\s,]+(?:in\s+)?\(?(?P<province>[^()]+?)\)?[\s.]*$")


@dataclass(frozen=True)
class Resolution:
    """What an answer to "In welke gemeente woont u?" tells.

    `gemeente` is set only when the answer means one municipality for certain. `via_plaats` is
    the place or wijk the resident named, spelled as we know it, so the form can say it back
    ("Zaandam hoort bij Zaanstad"); None when they named the gemeente itself. `kandidaten` lists
    the gemeenten to ask about when a place lies in several, when only neighbouring postcodes
    suggest it, or when a typo could mean a place; empty when nothing was recognised.
    """

    gemeente: str | None = None
    via_plaats: str | None = None
    kandidaten: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Hit:
    """Everything one name can mean, before deciding between a gemeente and a question."""

    official: str | None  # the name is this gemeente's official name: it wins
    aliases: tuple[str, ...]  # the name is an alias in gemeenten.yml
    places: tuple[str, ...]  # gemeenten with a place or wijk of this name
    unsure: tuple[str, ...]  # gemeenten a village of this name may lie in
    plaats: str | None  # the place's name as we spell it

    def pool(self) -> tuple[str, ...]:
        """Every gemeente the name can mean (Hengelo: Hengelo and Bronckhorst)."""
        return _unique(((self.official,) if self.official else ()) + self.aliases + self.places + self.unsure)

    def restrict(self, provincie: str | None, province_of: dict[str, str]) -> "_Hit":
        if provincie is None:
            return self

        def keep(names: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(n for n in names if province_of.get(n) == provincie)

        official = self.official if self.official and province_of.get(self.official) == provincie else None
        return _Hit(official, keep(self.aliases), keep(self.places), keep(self.unsure), self.plaats)

    def resolution(self) -> Resolution | None:
        if self.official:
            return Resolution(gemeente=self.official)
        certain = _unique(self.aliases + self.places)
        via = self.plaats if self.places else None
        if len(certain) == 1:
            return Resolution(gemeente=certain[0], via_plaats=via)
        if certain:
            return Resolution(via_plaats=via, kandidaten=certain)
        if self.unsure:
            return Resolution(via_plaats=self.plaats, kandidaten=self.unsure)
        return None


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


@dataclass(frozen=True)
class Places:
    """The place names on top of the official list, with a typo index over both."""

    gemeenten: Gemeenten
    official_keys: dict[str, str]  # normalised official name -> official name
    places: dict[str, tuple[str, ...]]  # normalised place or wijk -> its gemeente(n)
    unsure: dict[str, tuple[str, ...]]  # normalised village -> gemeenten it may lie in
    spelling: dict[str, str]  # normalised place -> the name as written in the file
    province_of: dict[str, str]  # official name -> province
    typo_index: dict[str, tuple[str, ...]]  # key or key minus one letter -> keys (6+ letters)

    def _hit(self, key: str) -> _Hit | None:
        official = self.official_keys.get(key)
        aliases = () if official else self.gemeenten.keys.get(key, ())
        places = self.places.get(key, ())
        unsure = self.unsure.get(key, ())
        if not (official or aliases or places or unsure):
            return None
        return _Hit(official, aliases, places, unsure, self.spelling.get(key))

    def _exact(self, text: str, provincie: str | None) -> Resolution | None:
        for variant in (text, _ARTICLE.sub("", text, count=1)):
            hit = self._hit(normalise(variant))
            if hit is not None:
                found = hit.restrict(provincie, self.province_of).resolution()
                if found is not None:
                    return found
        return None

    def _parts(self, text: str, provincie: str | None) -> Resolution | None:
        """"zaandam noord", "Scheveningen, Den Haag": the names inside, if they agree."""
        tokens = [t for t in re.split(r"[\s,;/()]+", text) if t]
        if not 1 < len(tokens) <= MAX_PARTS_TOKENS:
            return None
        hits: list[_Hit] = []
        covered: set[int] = set()
        for size in range(len(tokens) - 1, 0, -1):
            for start in range(len(tokens) - size + 1):
                span = range(start, start + size)
                if covered.intersection(span):
                    continue
                words = " ".join(tokens[start:start + size])
                if size == 1 and (normalise(words) in _FILLER_WORDS or len(normalise(words)) < 3):
                    continue
                hit = self._hit(normalise(words))
                if hit is None:
                    continue
                hit = hit.restrict(provincie, self.province_of)
                if hit.pool():
                    hits.append(hit)
                    covered.update(span)
        leftover = [t for i, t in enumerate(tokens) if i not in covered and normalise(t) not in _FILLER_WORDS]
        if not hits or leftover:  # "Sint Anna ter Muiden" is not Muiden: every word must be read
            return None
        shared = set(hits[0].pool()).intersection(*(h.pool() for h in hits[1:]))

        def via(gemeente: str | None) -> str | None:
            return next((h.plaats for h in hits if h.places and h.plaats and h.official != gemeente), None)

        if len(shared) == 1:
            gemeente = shared.pop()
            return Resolution(gemeente=gemeente, via_plaats=via(gemeente))
        if shared:
            officials = [h.official for h in hits if h.official in shared]
            if len(set(officials)) == 1:
                return Resolution(gemeente=officials[0], via_plaats=via(officials[0]))
            return Resolution(via_plaats=via(None), kandidaten=tuple(g for g in hits[0].pool() if g in shared))
        answers: list[str] = []
        for hit in hits:
            found = hit.resolution()
            if found is not None:
                answers += [found.gemeente] if found.gemeente else list(found.kandidaten)
        return Resolution(kandidaten=_unique(tuple(answers)))

    def _typo(self, text: str, provincie: str | None) -> Resolution | None:
        """One letter off in a name of 6+ letters: a gemeente for certain, a place as a question."""
        key = normalise(_ARTICLE.sub("", text, count=1))
        if not TYPO_MIN_LENGTH <= len(key) <= MAX_NAME_LENGTH:
            return None
        near: set[str] = set()
        for variant in _deletions(key) | {key}:
            near.update(self.typo_index.get(variant, ()))
        near = {k for k in near if _osa_distance_at_most_one(key, k)}
        gemeenten: set[str] = set()
        places: list[tuple[str, tuple[str, ...]]] = []
        for candidate in sorted(near):
            hit = self._hit(candidate)
            if hit is None:
                continue
            hit = hit.restrict(provincie, self.province_of)
            if hit.official or hit.aliases:
                gemeenten.update((hit.official,) if hit.official else hit.aliases)
            elif hit.pool():
                places.append((hit.plaats or candidate, hit.pool()))
        if len(gemeenten) == 1 and all(set(pool) <= gemeenten for _, pool in places):
            return Resolution(gemeente=gemeenten.pop())
        kandidaten = _unique(tuple(sorted(gemeenten, key=normalise)) + tuple(g for _, p in places for g in p))
        if not kandidaten:
            return None
        via = places[0][0] if len(places) == 1 and not gemeenten else None
        return Resolution(via_plaats=via, kandidaten=kandidaten)

    def resolve(self, text: str, typos: bool = True) -> Resolution:
        """The gemeente a resident's answer means, the place they named, or what to ask. Without
        `typos`, names only as written (for words inside a longer answer)."""
        if len(text.split()) > MAX_ANSWER_WORDS or normalise(text) in _NOT_A_PLACE:
            return Resolution()
        as_typed = self._exact(text.strip(), None)  # "Op Buuren", "Wijk en Aalburg" are places
        if as_typed is not None:
            return as_typed
        cleaned = _strip_place_phrasing(text)
        if not normalise(cleaned) or normalise(cleaned) in _NOT_A_PLACE:
            return Resolution()
        tail = _PROVINCE_TAIL.match(cleaned)
        provincie = _PROVINCE_NAMES.get(normalise(tail["province"])) if tail else None
        attempts = [(cleaned, None)]
        if provincie and tail and normalise(tail["place"]):
            attempts.append((tail["place"], provincie))
        for attempt, where in attempts:
            found = self._exact(attempt, where)
            if found is not None:
                return found
        for step in (self._parts, self._typo) if typos else (self._parts,):
            for attempt, where in reversed(attempts):
                found = step(attempt, where)
                if found is not None:
                    return found
        return Resolution()


def _strip_place_phrasing(text: str) -> str:
    text = _strip_phrasing(text)
    while True:
        stripped = _PLACE_PREFIX.sub("", text, count=1).strip()
        stripped = _strip_phrasing(stripped) if stripped else stripped
        if stripped == text or not stripped:
            return text
        text = stripped


def _read_yaml(path: Path) -> dict:
    """The file's mapping, with the C parser when PyYAML has it (6x faster on 4,000 lines)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        raise GemeentenDataError(f"{path}: cannot be read: {problem}") from problem
    if not isinstance(data, dict):
        raise GemeentenDataError(f"{path}: expected a mapping at the top (key: value lines)")
    return data


def load_places(path: Path, gemeenten: Gemeenten) -> Places:
    """Parse and check the places file against the official list; errors name the file."""
    data = _read_yaml(path)
    official = set(gemeenten.names)
    if str(data.get("peildatum")) != gemeenten.peildatum.isoformat():
        raise GemeentenDataError(f"{path}: 'peildatum' {data.get('peildatum')} is not the official list's "
                                 f"{gemeenten.peildatum.isoformat()}: run scripts/build_woonplaatsen.py")
    places: dict[str, tuple[str, ...]] = {}
    unsure: dict[str, tuple[str, ...]] = {}
    spelling: dict[str, str] = {}
    for section in PLACE_SECTIONS + (UNSURE_SECTION,):
        raw = data.get(section)
        if not isinstance(raw, dict):
            raise GemeentenDataError(f"{path}: '{section}' must map place names to gemeenten")
        table = unsure if section == UNSURE_SECTION else places
        for name, targets_raw in raw.items():
            targets = _names(targets_raw, f"{section}.{name}", path)
            missing = [t for t in targets if t not in official]
            if missing:
                raise GemeentenDataError(f"{path}: {section}.{name} points to unknown gemeente {missing[0]!r}")
            key = normalise(str(name))
            if not key:
                raise GemeentenDataError(f"{path}: {section} has an empty name")
            table[key] = _unique(table.get(key, ()) + targets)
            spelling.setdefault(key, str(name))
    for key in set(unsure) & set(places):
        del unsure[key]
    official_keys = {normalise(name): name for name in gemeenten.names}
    typo_index: dict[str, set[str]] = {}
    for key in set(gemeenten.keys) | set(places) | set(unsure):
        if len(key) >= TYPO_MIN_LENGTH:
            for variant in _deletions(key) | {key}:
                typo_index.setdefault(variant, set()).add(key)
    province_of = {name: provincie for provincie, names in gemeenten.provincies.items() for name in names}
    return Places(gemeenten=gemeenten, official_keys=official_keys, places=places, unsure=unsure,
                  spelling=spelling, province_of=province_of,
                  typo_index={k: tuple(sorted(v)) for k, v in typo_index.items()})


@lru_cache(maxsize=1)
def _default_places() -> Places:
    return load_places(WOONPLAATSEN_FILE, _default())


def resolve(text: str, typos: bool = True) -> Resolution:
    """What a resident's answer to "In welke gemeente woont u?" means: a gemeente, via a place
    ("Zaandam" -> Zaanstad), or the gemeenten to ask about ("Hengelo" in Gelderland or not)."""
    return _default_places().resolve(text, typos)
