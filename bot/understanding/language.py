"""A small, explainable check for messages written in English.

The assistant speaks Dutch; an English message gets one English line on how to reach a human.
A stop-word count is enough here and cannot be confused by Dutch spreektaal.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[a-zA-Z']+")
_EN = frozenset(
    "i i'm im my me you your the a an is are am was were be have has had do does don't dont "
    "can can't cant want need help with what how why who where when this that it it's and or "
    "but not no please hello hi thanks thank speak english someone anyone to of for in on "
    "at from about myself husband wife home living life money job work school kill die hits hit "
    "beats hurt afraid scared partner boyfriend father mother".split()
)
_NL = frozenset(
    "ik je jij u mijn mn me de het een is zijn ben heb heeft hebben wil kan niet geen "
    "wat hoe waarom wie waar wanneer dit dat en of maar voor met van op in aan om te "
    "er al nog ook hallo hoi dag bedankt graag help hulp moeder vader huis geld werk "
    "school leven meer weet".split()
)
# Words both languages share are not counted as evidence either way.
_SHARED = frozenset({"in", "is", "me", "help", "of", "hallo", "hoi"})


def is_english(text: str) -> bool:
    """True when the message is clearly English rather than Dutch (needs two English words)."""
    words = [w.lower() for w in _WORD.findall(text)]
    en = sum(1 for w in words if w in _EN and w not in _SHARED)
    nl = sum(1 for w in words if w in _NL and w not in _SHARED)
    return en >= 2 and en > 2 * nl


SHORT_WORDS = 3  # below this many words the language is read from a short list, not guessed
_SHORT_EN = frozenset("yes no yeah yep nope thanks thank you please sure hello bye goodbye".split())
_SHORT_NL = frozenset("ja nee jawel neen dank bedankt graag prima oke hallo hoi doei klopt goed".split())


def short_language(text: str, guessed: str | None) -> str | None:
    """The language a message is in, or None for a short one that does not say ("ok", "Sanne",
    "06 1234"): the conversation keeps the language it had (issue 27, "yes" after English)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) >= SHORT_WORDS:
        return guessed
    if words and all(w in _SHORT_EN for w in words) and not any(w in _SHORT_NL for w in words):
        return "en"
    if words and all(w in _SHORT_NL for w in words):
        return "nl"
    return None
