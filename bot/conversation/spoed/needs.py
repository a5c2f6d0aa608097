"""The urgent needs (onderdak, uitzetting, energie, eten, medicijnen, geld, and young people)
and the records of a rule and of a signal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


ONDERDAK: Final = "onderdak"
UITZETTING: Final = "uitzetting"
ENERGIE: Final = "energie"
ETEN: Final = "eten"
MEDICIJNEN: Final = "medicijnen"
GELD: Final = "geld"
GROUP_YOUNG: Final = "jongeren"

# Most urgent first: a bed tonight comes before an eviction on Friday, food before money.
DETECTED_NEEDS: Final[tuple[str, ...]] = (ONDERDAK, UITZETTING, ENERGIE, ETEN, MEDICIJNEN, GELD)
# Every value a sociale kaart entry may list under `voor:` (the detected needs plus the group).
NEEDS: Final[tuple[str, ...]] = (*DETECTED_NEEDS, GROUP_YOUNG)


@dataclass(frozen=True)
class UrgentSignal:
    """One rule that fired on a message."""

    need: str  # one of DETECTED_NEEDS
    rule: str  # id of the rule, e.g. "onderdak.eruit_gegooid"
    evidence: str  # the exact substring of the original message that matched


@dataclass(frozen=True)
class Rule:
    """A pattern for one need, beside messages it must and must not match (tests check both)."""

    id: str
    need: str
    pattern: re.Pattern[str]
    timed: bool  # the match itself says when (then worries and hypotheses do not switch it off)
    matches: tuple[str, ...]
    misses: tuple[str, ...] = ()
