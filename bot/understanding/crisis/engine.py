"""The crisis engine: run every rule on the normalised text, drop negated hits, rank by route.

Priority: crisis_112 (acute danger now) > crisis_113 (suicide) > crisis_veilig_thuis. The vetoes
(is_near_miss, is_negated_crisis) and the softeners (is_told_as_past_or_information,
is_told_as_over) tell the caller when a crisis guess should give way or only earn the safety check.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.understanding.crisis.figures_of_speech import NEAR_MISSES
from bot.understanding.crisis.negation import _SOFT_RISK, DENIALS, NEGATIONS, SELF_NEGATIONS
from bot.understanding.crisis.normalise import normalise
from bot.understanding.crisis.rules import CONTEXT_EXCLUDED, CONTEXT_REQUIRED, RULES
from bot.understanding.crisis.told_as_past import (
    ABOUT_NOW,
    TOLD_AS_OVER,
    TOLD_AS_OVER_SOFT,
    TOLD_AS_PAST,
    TOLD_FOR_INFORMATION,
)
from bot.understanding.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS


@dataclass(frozen=True)
class CrisisSignal:
    """One crisis rule that fired on a message."""

    route: str  # one of the three crisis route ids
    rule: str  # id of the rule that fired, e.g. "113.wil_niet_meer_leven"
    evidence: str  # the exact substring of the original text that matched


# Most urgent first.
ROUTE_PRIORITY: Final[dict[str, int]] = {
    ROUTE_CRISIS_112: 0,
    ROUTE_CRISIS_113: 1,
    ROUTE_CRISIS_VEILIG_THUIS: 2,
}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,.":
        start += 1
    while end > start and text[end - 1] in " ,.":
        end -= 1
    return start, end


def crisis_signals(text: str) -> list[CrisisSignal]:
    """All signals found (deduplicated), most urgent first."""
    return list(_crisis_signals(text))


@lru_cache(maxsize=512)
def _crisis_signals(text: str) -> tuple[CrisisSignal, ...]:
    """Why cached: one message is checked by the channel's gate, the router and the opschaal
    advice; the rules are the same for the life of the process and signals are immutable."""
    norm = normalise(text)
    if not norm.text:
        return ()
    negated = [m.span() for _, pattern in NEGATIONS for m in pattern.finditer(norm.text)]
    self_negated = [m.span() for _, pattern in SELF_NEGATIONS for m in pattern.finditer(norm.text)]
    found: list[tuple[int, int, CrisisSignal]] = []
    for rule_id, route, pattern in RULES:
        context = CONTEXT_REQUIRED.get(rule_id)
        if context is not None and not context.search(norm.text):
            continue
        excluded = CONTEXT_EXCLUDED.get(rule_id)
        if excluded is not None and excluded.search(norm.text):
            continue
        for match in pattern.finditer(norm.text):
            start, end = _trimmed(norm.text, *match.span())
            if start >= end:
                continue
            if any(a <= start and end <= b for a, b in negated):
                continue
            if route != ROUTE_CRISIS_VEILIG_THUIS and any(a <= start and end <= b for a, b in self_negated):
                continue
            a, b = norm.original_span(start, end)
            found.append((ROUTE_PRIORITY[route], start, CrisisSignal(route, rule_id, text[a:b])))
    found.sort(key=lambda item: (item[0], item[1]))
    signals: list[CrisisSignal] = []
    for _, _, signal in found:
        if signal not in signals:
            signals.append(signal)
    return tuple(signals)


def detect_crisis(text: str) -> CrisisSignal | None:
    """The most urgent signal in the text, or None. Priority: crisis_112 > crisis_113 > crisis_veilig_thuis."""
    signals = crisis_signals(text)
    return signals[0] if signals else None


def is_near_miss(text: str) -> bool:
    """True when the text contains figurative death/violence/madness language (doodmoe, schrok me dood,
    om gek van te worden, ...) and no crisis signal. The caller uses this to veto a model-only crisis guess."""
    norm = normalise(text)
    if not any(pattern.search(norm.text) for _, pattern in NEAR_MISSES):
        return False
    return not crisis_signals(text)


def is_negated_crisis(text: str) -> bool:
    """True when the text explicitly denies suicidal intent or danger ("ik wil niet dood",
    "ik denk niet aan zelfmoord", "I'm not suicidal", "ik ga mezelf niks aandoen") and no crisis
    rule fires. The caller uses this to veto a model-only crisis guess.

    Deliberately narrow: a denial next to distress the rules leave to the model ("ik wil niet
    dood, maar ik zie het niet meer zitten") is no veto, and "mijn man slaat me niet, maar ..."
    is none either, because the rest of such a message often tells of other harm.
    """
    norm = normalise(text)
    if not any(pattern.search(norm.text) for _, pattern in DENIALS):
        return False
    if _SOFT_RISK.search(norm.text):
        return False
    return not crisis_signals(text)


def is_told_as_past_or_information(text: str) -> bool:
    """True when a crisis is told as long past or asked about for a lesson, and not as happening now.

    Why: "ik heb lang geleden een zelfmoordpoging gedaan, nu gaat het goed" or "we maken een les
    over huiselijk geweld" is not a resident in danger now; the caller gives such a message the
    gentle safety check (with the numbers in view) instead of the full crisis reply.
    """
    norm = normalise(text).text
    if TOLD_AS_OVER.search(norm):
        return True
    if ABOUT_NOW.search(norm):
        return False
    return bool(TOLD_AS_PAST.search(norm) or TOLD_FOR_INFORMATION.search(norm) or TOLD_AS_OVER_SOFT.search(norm))


def is_told_as_long_ago(text: str) -> bool:
    """True when `text` (one clause) dates its event years or months back ("2 jaar terug
    doodgestoken") and says nothing of now. Acute danger told so is not happening now."""
    norm = normalise(text).text
    return bool(TOLD_AS_PAST.search(norm)) and not ABOUT_NOW.search(norm)


def is_told_as_over(text: str, soft: bool = True) -> bool:
    """True when danger is told as over, as fiction or as a young child's tantrum; unlike
    is_told_as_past_or_information, this softens acute danger (112) to the safety check too.
    `soft=False` asks only for the plain signs (fiction, the news, a young child's tantrum, "er is
    nu niks aan de hand"), not "vorig jaar" or "gescheiden", which a message in danger may hold."""
    norm = normalise(text).text
    if TOLD_AS_OVER.search(norm):
        return True
    return soft and bool(TOLD_AS_OVER_SOFT.search(norm)) and not ABOUT_NOW.search(norm)
