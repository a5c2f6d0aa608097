"""Which municipality a resident lives in, from what they type (bot/data/gemeenten.yml).

A meedenker works for one municipality, so the callback form checks the answer against the
official list instead of storing free text. Residents write "den haag", "Gemeente Súdwest Fryslân"
or "Amersfort"; we accept that, but never guess between two municipalities: then we ask again.
The list is read on first use, not at import, so a broken file fails loudly where it is used.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from bot.config_files import read_date, read_mapping

GEMEENTEN_FILE = Path(__file__).parent / "data" / "gemeenten.yml"
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


class GemeentenDataError(ValueError):
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

    def find(self, text: str) -> str | None:
        """The official name, or None when unknown or when it could be more than one."""
        key = normalise(_strip_phrasing(text))
        if not key:
            return None
        exact = self.keys.get(key)
        if exact is not None:
            return exact[0] if len(exact) == 1 else None
        if len(key) < TYPO_MIN_LENGTH:
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


def find_gemeente(text: str) -> str | None:
    """The official name for what a resident typed, or None (unknown place or ambiguous)."""
    return _default().find(text)


def suggestions(text: str, n: int = 3) -> tuple[str, ...]:
    """Close official names for a kind re-ask ("Bedoelt u Amersfoort?")."""
    return _default().suggestions(text, n)
