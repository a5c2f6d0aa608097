"""Punctuation that phone dictation typed out as words ("hoe vraag ik dat aan vraagteken").

Why: residents who dictate (older residents, low literacy) send "punt", "komma" and "vraagteken"
as words. Read literally, a question has no "?" and is taken for a story, "wat vraagteken nee er
is geen gevaar" is no "nee", and the words end up in summaries and form answers (residents'
round 45). Every channel's text passes here once, before masking (channels/gate.py).

Narrow on purpose: only when the message shows dictation (a spoken "vraagteken", "komma" or
"uitroepteken", or a message that ends on "punt"), and "punt" never after a word that makes it
a noun ("op het punt", "een punt", "de komma").
"""
from __future__ import annotations

import re

_MARKS = {"vraagteken": "?", "komma": ",", "uitroepteken": "!", "punt": "."}
_SIGN = re.compile(r"\b(?:vraagteken|komma|uitroepteken)\b|\w\s+punt\s*$", re.IGNORECASE)
_SPOKEN = re.compile(r"(?<!\w)(?P<before>\w+\s+)?(?P<word>vraagteken|komma|uitroepteken|punt)\b[ \t]*", re.IGNORECASE)
# "op het punt", "een punt", "de komma in mijn brief" stay words.
_ARTICLES = frozenset({"het", "een", "de"})
_NOUN_BEFORE = _ARTICLES | {"dat", "dit", "elk", "ieder", "welk", "welke", "zo'n", "laatste", "eerste", "volgende",
                            "belangrijkste", "ander", "ene"}


def read_dictation(text: str) -> str:
    """The text with dictated punctuation written as marks; any other text unchanged."""
    if not _SIGN.search(text):
        return text

    def mark(found: re.Match[str]) -> str:
        before = found.group("before") or ""
        word = found.group("word").lower()
        if before.strip().lower() in (_NOUN_BEFORE if word == "punt" else _ARTICLES):
            return found.group(0)
        return before.rstrip() + _MARKS[word] + " "

    return _SPOKEN.sub(mark, text).strip()
