"""Which words can explain something to a person, and which are only glue ("van", "en", "heb").

Shared by the classifier (evidence for a coordinator) and the summary said back to the resident:
both may only name content words (issue 9: "moeder van" and "dementie en" were shown). The list
is a file, so the action server needs no spaCy to read it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FUNCTION_WORDS_FILE = Path(__file__).parent / "data" / "function_words.txt"
# Common words that are not in spaCy's list but never explain a label on their own.
EXTRA_FUNCTION_WORDS = frozenset({
    "heb", "hebt", "meer", "echt", "gewoon", "weet", "moet", "best", "help", "helpen", "hulp", "vraag",
    "iemand", "niemand", "iets", "niks", "alles", "week", "volgende", "maand", "maanden", "jaar", "jaren",
    "dag", "dagen", "uur", "keer", "steeds", "weer", "graag", "denk", "zie", "maakt", "maken", "gaat",
    "gaan", "komt", "komen", "krijg", "krijgt", "kan", "kunnen", "wil", "willen", "zit", "zitten", "mn",
    "ben", "bent", "ofzo", "even", "heel", "erg", "zo", "nu", "net", "ff", "oke", "ok",
    # English function words: the model never saw English, so they explain nothing.
    "the", "and", "to", "just", "so", "my", "is", "it", "of", "for", "in", "on", "me", "you", "have", "no",
})


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    lines = FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#")) | EXTRA_FUNCTION_WORDS


def is_content_word(word: str) -> bool:
    """A single word that can explain a label: at least three letters, not a function word."""
    return " " not in word and len(word) >= 3 and word.isalpha() and word.lower() not in function_words()


def content_words(phrase: str) -> list[str]:
    """The content words of a phrase, in order ("dementie en" -> ["dementie"])."""
    return [word for word in phrase.split() if is_content_word(word)]
