"""Normalisation with a map back to the original text.

Lower case, accents stripped, chat spellings expanded ("mn" -> "mijn"), stretched letters
shortened ("dooood" -> "dood"), punctuation reduced to "," and "."; every character remembers
where it came from, so a signal's evidence is always a substring of the original message.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from bot.understanding.crisis.figures_of_speech import NEAR_MISSES
from bot.understanding.crisis.rules import CONTEXT_REQUIRED, RULES


# Chat spellings, applied to whole words after apostrophes are removed ("m'n" -> "mn" -> "mijn").
_CHAT_WORDS: Final[dict[str, str]] = {
    "mn": "mijn",
    "mjn": "mijn",
    "zn": "zijn",
    "nie": "niet",
    "ff": "even",
    "k": "ik",
    "ikke": "ik",
    "t": "het",
    "dr": "er",
    "n": "een",
    "mzelf": "mezelf",
    "mezelve": "mezelf",
    "pilen": "pillen",
    "doot": "dood",
    "mer": "meer",
    # messy_blind_3 after more training data: "iedereen is btr af zonder mij" was heard only by the net.
    "btr": "beter",
    "betr": "beter",
    "zndr": "zonder",
    "nimand": "niemand",
    "niemant": "niemand",
}
_QUOTES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_SENTENCE_END: Final = frozenset(".!?;\n")
_COMMA: Final = frozenset(",")


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, for each of its characters, the index of the original character."""

    original: str
    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind text[start:end], widened to whole words."""
        a = self.origin[start]
        b = self.origin[end - 1] + 1
        src = self.original
        while a > 0 and src[a - 1].isalnum() and src[a].isalnum():
            a -= 1
        while b < len(src) and src[b].isalnum() and src[b - 1].isalnum():
            b += 1
        return a, b


_vocabulary: set[str] | None = None


def _known_words() -> set[str]:
    """Words the rules know, to decide how to shorten stretched letters (nuuu -> nu, dooood -> dood)."""
    global _vocabulary
    if _vocabulary is None:
        words: set[str] = set(_CHAT_WORDS.values())
        patterns = [p for _, _, p in RULES] + [p for _, p in NEAR_MISSES] + list(CONTEXT_REQUIRED.values())
        for pattern in patterns:
            source = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)
            words.update(re.findall(r"[a-z]{2,}", source))
        _vocabulary = words
    return _vocabulary


def _shorten_runs(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Shorten runs of 3+ equal letters to 2 or 1, preferring a spelling the rules know."""
    runs: list[tuple[int, int]] = []  # (start, end) of runs of length >= 3
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j][0] == chars[i][0]:
            j += 1
        if j - i >= 3:
            runs.append((i, j))
        i = j
    if not runs:
        return chars
    known = _known_words()
    best: list[tuple[str, int]] | None = None
    for keep in itertools.islice(itertools.product((2, 1), repeat=len(runs)), 64):
        out: list[tuple[str, int]] = []
        pos = 0
        for (start, end), k in zip(runs, keep):
            out.extend(chars[pos:start])
            out.append((chars[start][0], chars[start][1]))
            if k == 2:
                out.append((chars[end - 1][0], chars[end - 1][1]))
            pos = end
        out.extend(chars[pos:])
        if best is None:
            best = out
        if "".join(c for c, _ in out) in known:
            return out
    assert best is not None
    return best


def normalise(text: str) -> Normalised:
    """Lower-case, strip accents, expand chat spellings, shorten stretched letters, and reduce
    punctuation to ``,`` (comma) and ``.`` (sentence end) tokens, all separated by single spaces.
    """
    # 1. Fold characters, remembering the original index of each.
    folded: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char < "\x80":  # ASCII (nearly every character): no accents to strip, no odd quotes
            folded.append((char.lower(), index))
            continue
        for part in unicodedata.normalize("NFKD", char.translate(_QUOTES)):
            if unicodedata.combining(part):
                continue
            for lower in part.lower():
                folded.append((lower, index))

    # 2. Split into words and clause tokens.
    tokens: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []

    def flush() -> None:
        if current:
            tokens.append(list(current))
            current.clear()

    def boundary(mark: str, index: int) -> None:
        if not tokens:
            return
        last = tokens[-1]
        if len(last) == 1 and last[0][0] in ",.":
            if mark == "." and last[0][0] == ",":
                tokens[-1] = [(".", index)]
            return
        tokens.append([(mark, index)])

    for pos, (char, index) in enumerate(folded):
        if char.isalnum() or char == "'":
            current.append((char, index))
            continue
        flush()
        if char == ".":
            prev_dot = pos > 0 and folded[pos - 1][0] == "."
            next_dot = pos + 1 < len(folded) and folded[pos + 1][0] == "."
            if not (prev_dot or next_dot):  # an ellipsis is a pause, not a sentence end
                boundary(".", index)
        elif char in _SENTENCE_END:
            boundary(".", index)
        elif char in _COMMA:
            boundary(",", index)
    flush()

    # 3. Per word: drop apostrophes, shorten stretched letters, expand chat spellings.
    words: list[list[tuple[str, int]]] = []
    for token in tokens:
        if token[0][0] in ",.":
            words.append(token)
            continue
        chars = [(c, i) for c, i in token if c != "'"]
        if not chars:
            continue
        chars = _shorten_runs(chars)
        word = "".join(c for c, _ in chars)
        replacement = _CHAT_WORDS.get(word)
        if replacement is not None:
            first, last = chars[0][1], chars[-1][1]
            chars = [(c, first if n < len(replacement) - 1 else last) for n, c in enumerate(replacement)]
        words.append(chars)
    while words and words[-1][0][0] in ",." and len(words[-1]) == 1:
        words.pop()

    # 4. Join with single spaces.
    out_chars: list[str] = []
    origin: list[int] = []
    for n, word in enumerate(words):
        if n:
            out_chars.append(" ")
            origin.append(word[0][1])
        for c, i in word:
            out_chars.append(c)
            origin.append(i)
    return Normalised(original=text, text="".join(out_chars), origin=tuple(origin))
