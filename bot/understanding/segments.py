"""Split a long message into the stretches a reader weighs one by one.

Why: residents tell danger inside a long story ("... de huur is te hoog. Ik heb een uur geleden
al mijn pillen ingenomen. Ik weet niet wat ik met de brieven moet."). Scored as one text, the one
sentence of danger is drowned by the debts around it; a human reads each sentence on its own. The
crisis nets therefore also score each segment: a sentence, joined with a too-short neighbour
("Nee." is no sentence to judge alone), and at most MAX_SEGMENTS of them so a letter of fifty
sentences costs a bounded number of encoder calls.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SEGMENTS = 8
MIN_WORDS = 4  # a shorter sentence is read together with the one before (or after) it
# A message shorter than this is not split: its whole text is short enough for the net to weigh
# each sentence, and every segment costs an encoder call (parse p95 on tests/data/eval.yml went
# from 31 to 52 ms when messages of 25 words and more were split, 30 ms from 40 words on).
MIN_MESSAGE_WORDS = 40
# Sentence ends: . ! ? ; and line breaks; an ellipsis is a pause in chat, but people also end a
# thought with it ("ik wil niet meer..."), so it ends a sentence too. Commas do not: "ja, klopt".
_END = re.compile(r"(?<=[.!?;…])\s+|\n+|(?<=\.\.\.)(?=\S)")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    """One stretch of the message and where it stands in the original text."""

    text: str
    start: int
    end: int


def word_count(text: str) -> int:
    """Words in the text (also how long an answer counts as short, bot/understanding/routing.py)."""
    return len(_WORD.findall(text))


def sentences(text: str) -> list[Segment]:
    """The message's sentences with their offsets, empty ones dropped."""
    found: list[Segment] = []
    position = 0
    for match in _END.finditer(text):
        piece = text[position:match.start()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            found.append(Segment(piece.strip(), position + lead, position + lead + len(piece.strip())))
        position = match.end()
    piece = text[position:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        found.append(Segment(piece.strip(), position + lead, position + lead + len(piece.strip())))
    return found


def _join(text: str, a: Segment, b: Segment) -> Segment:
    return Segment(text[a.start:b.end], a.start, b.end)


def segments(text: str) -> list[Segment]:
    """The segments to score on their own; [] when the message is one segment (the whole text is
    scored anyway, so scoring it twice would only cost time)."""
    if word_count(text) < MIN_MESSAGE_WORDS:
        return []
    parts = sentences(text)
    merged: list[Segment] = []
    for part in parts:
        if merged and (word_count(part.text) < MIN_WORDS or word_count(merged[-1].text) < MIN_WORDS):
            merged[-1] = _join(text, merged[-1], part)
        else:
            merged.append(part)
    while len(merged) > MAX_SEGMENTS:
        # Join the shortest neighbouring pair until the bound holds: long sentences stay alone.
        index = min(range(len(merged) - 1),
                    key=lambda i: word_count(merged[i].text) + word_count(merged[i + 1].text))
        merged[index:index + 2] = [_join(text, merged[index], merged[index + 1])]
    return merged if len(merged) > 1 else []


def segment_at(text: str, start: int) -> str:
    """The sentence of `text` that holds the character at `start` (the whole text if none does)."""
    for part in sentences(text):
        if part.start <= start < part.end:
            return part.text
    return text
