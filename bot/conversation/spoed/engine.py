"""Running the rules: guards for worries and hypotheses, the long past and needs solved since,
and the signals, most urgent first.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from bot.understanding.crisis import TOLD_AS_PAST, normalise
from bot.conversation.spoed.needs import DETECTED_NEEDS, UrgentSignal
from bot.conversation.spoed.rules import RULES, _F


# --------------------------------------------------------------------------------------------
# Guards: worries and hypotheses (sentence), long past (clause), solved since (message).
# --------------------------------------------------------------------------------------------

# Before an untimed hit in the same sentence: the resident fears it or asks "what if".
HYPOTHETICAL: Final = _F(
    r"\b(?:wat als|stel dat|stel je voor|wat gebeurt er (?:als|wanneer)|wat (?:moet|kan|doe) (?:ik|je|we|men|u)"
    r"(?: \w+)? als|als (?:ik|we|wij|u|men|iemand|mijn|onze|de|het|er)|wanneer (?:ik|we|wij|u|iemand|mijn|de|het|er)|"
    r"indien|zodra|bang (?:dat|om|voor)|angst (?:dat|om|voor)|(?:maak|maken) (?:me|mij|ons) zorgen|"
    r"zorgen (?:dat|over|om)|ik vrees|voorkomen dat|om te voorkomen|misschien|mogelijk|eventueel|"
    r"kans (?:dat|op)|dreigt (?:me|ons|mij|hem|haar)|dreigde|what if|if (?:i|we|my|our|they|you)|in case|"
    r"afraid (?:that|of|to)|worried (?:that|about)|might|could)\b"
)
# In the same sentence as an untimed hit: the need lies weeks or months ahead ("over een jaar moet
# ik eruit", "binnen een maand"), or it comes back every month ("aan het eind van de maand heb ik
# geen eten"). That is work for a meedenker, not for today.
LATER: Final = _F(
    r"(?<!pas )\bover (?:een|twee|drie|vier|\d+|een paar|enkele|een half) (?:jaar|maanden|maand|weken)\b"
    r"|\bnog (?:\d+|twee|drie|vier|een paar) (?:maanden|weken)\b"
    r"|\b(?:volgend|komend) jaar\b|\b(?:volgende|komende) maand\b|\bna de zomer\b|\bin het (?:voorjaar|najaar)\b"
    r"|\bbinnen (?:een|\d+|twee|drie|vier|een paar) (?:weken|maanden|maand)\b|\bbijna (?:op|om|afgelopen)\b"
    r"|\b(?:elke|iedere) (?:maand|week)\b|(?<!tot )(?<!tot het )\b(?:aan|op) het (?:eind|einde) van de maand\b"
    r"|\bin (?:a few|two|three|\d+) (?:months|weeks)\b|\bnext (?:year|month)\b|\bevery month\b"
)
# Words that make a rule's match mean something else in this message (message level).
CONTEXT_EXCLUDED: Final[dict[str, re.Pattern[str]]] = {
    # Night care for someone with dementia, respite for a carer: not a bed for the resident.
    "onderdak.zoekt_opvang": _F(r"\b(?:dement\w*|alzheimer\w*|logeeropvang|logeerhuis|respijt\w*|dagopvang|"
                                r"mantelzorg\w*|kinderopvang|verpleeghuis|zorginstelling)\b"),
}
# A clause told as past, not now: crisis.TOLD_AS_PAST plus recent-year words residents use.
_PAST_EXTRA: Final = _F(
    r"\b(?:vorig jaar|vorige (?:zomer|winter|lente|herfst)|toen ik (?:\d+|jong|jonger|tiener|student|klein|"
    r"nog thuis woonde)|in (?:19|20)\d\d|destijds|ooit|last year|when i was|back then|a few years)\b"
)
# The same clause still speaks of now ("jaren geleden, en nu weer").
_NOW_AGAIN: Final = _F(r"\b(?:nu weer|nu opnieuw|weer|opnieuw|nog steeds|nog altijd|vannacht|vandaag|again|still|"
                       r"tonight|today)\b")
# Told after the hit: the need is met ("nu woon ik bij mijn oma", "het gas is weer aangesloten").
SOLVED: Final = _F(
    r"\bnu (?:woon|wonen|slaap|slapen|zit|zitten|heb|hebben|huur|huren)(?: ik| we| wij)?"
    r"(?: (?:weer|inmiddels|gelukkig|al|een tijdje))* (?:bij (?:mijn|m|onze|ons) (?:oma|opa|tante|oom|zus|broer|"
    r"ouders|moeder|vader|familie|nicht|neef|schoonouders)|(?:een |ons |mijn |onze )?(?:eigen |nieuwe |nieuw )?"
    r"(?:huis|woning|huurhuis|kamer|appartement|studio|dak boven|slaapplek|plek))\b"
    r"(?!(?: \w+){0,6} (?:maar|tot|alleen vannacht|niet lang|niet meer|kan (?:daar|er|ik) niet))"
    r"|\b(?:is|zijn) (?:weer|inmiddels|gelukkig|alweer)(?: \w+)? (?:aangesloten|opgelost|geregeld|betaald|"
    r"teruggedraaid|van de baan|afgeblazen)\b"
    r"|\b(?:ontruiming|uitzetting|afsluiting)(?: \w+){0,2} (?:is|werd) (?:gelukkig |toch )?(?:afgeblazen|"
    r"uitgesteld|van de baan|tegengehouden|niet doorgegaan)\b"
    r"|\bdat is (?:nu |inmiddels |gelukkig )*(?:voorbij|opgelost|geregeld)\b"
)

HYPOTHETICAL_WINDOW: Final = 10
_CLAUSE_END: Final = re.compile(r" ?[.,] ?")
_SENTENCE_END: Final = re.compile(r" ?\. ?")


def _bounds(text: str, position: int, splitter: re.Pattern[str]) -> tuple[int, int]:
    """Start and end of the sentence or clause around position in normalised text."""
    start = 0
    for match in splitter.finditer(text, 0, position):
        start = match.end()
    following = splitter.search(text, position)
    return start, following.start() if following else len(text)


def _told_as_past(text: str, start: int) -> bool:
    a, b = _bounds(text, start, _CLAUSE_END)
    clause = text[a:b]
    if not (TOLD_AS_PAST.search(clause) or _PAST_EXTRA.search(clause)):
        return False
    return not _NOW_AGAIN.search(clause)


def _hypothetical(text: str, start: int, end: int) -> bool:
    """A worry or "what if" in the hit or in the words just before it in the same sentence (at
    most HYPOTHETICAL_WINDOW words: residents who write without full stops would otherwise have
    one endless sentence)."""
    a, _ = _bounds(text, start, _SENTENCE_END)
    before = text[a:start].split(" ")[-HYPOTHETICAL_WINDOW - 1:]
    return bool(HYPOTHETICAL.search(" ".join(before) + text[start:end]))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,.":
        start += 1
    while end > start and text[end - 1] in " ,.":
        end -= 1
    return start, end


@lru_cache(maxsize=512)
def _signals(text: str) -> tuple[UrgentSignal, ...]:
    """Why cached: the dialogue and the ticket both ask about the same message."""
    norm = normalise(text)
    plain = norm.text
    if not plain:
        return ()
    solved_at = [m.start() for m in SOLVED.finditer(plain)]
    found: list[tuple[int, int, UrgentSignal]] = []
    for rule in RULES:
        excluded = CONTEXT_EXCLUDED.get(rule.id)
        if excluded is not None and excluded.search(plain):
            continue
        for match in rule.pattern.finditer(plain):
            start, end = _trimmed(plain, *match.span())
            if start >= end or _told_as_past(plain, start):
                continue
            if not rule.timed:
                if _hypothetical(plain, start, end) or any(at > start for at in solved_at):
                    continue
                a, b = _bounds(plain, start, _SENTENCE_END)
                if LATER.search(plain[a:b]):
                    continue
            a, b = norm.original_span(start, end)
            signal = UrgentSignal(rule.need, rule.id, text[a:b])
            found.append((DETECTED_NEEDS.index(rule.need), start, signal))
    found.sort(key=lambda item: (item[0], item[1]))
    signals: list[UrgentSignal] = []
    for _, _, signal in found:
        if signal not in signals:
            signals.append(signal)
    return tuple(signals)


def urgent_signals(text: str) -> list[UrgentSignal]:
    """Every rule that fired, most urgent need first, then in the order of the message."""
    return list(_signals(text))


def urgent_needs(text: str) -> list[str]:
    """The needs the message says cannot wait, most urgent first (no duplicates)."""
    return list(dict.fromkeys(signal.need for signal in _signals(text)))


def urgent_need(text: str) -> str | None:
    """The most urgent need for today in the message, or None.

    One of ``DETECTED_NEEDS`` (onderdak, uitzetting, energie, eten, medicijnen, geld); never
    ``jongeren``, which is a group: the caller adds it from the resident's doelgroepen.
    """
    signals = _signals(text)
    return signals[0].need if signals else None
