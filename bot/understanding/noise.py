"""Messages that carry no answer at all: keyboard mash, a lone letter, "hmm", "?", only emoji.

Why this exists beside Rasa's FallbackClassifier: the intent model has seen no gibberish, so it
can be quite sure that "xyz" means "ja". A pending yes, a choice or a form answer must never come
from such a message (issue 9), so the dialogue asks again instead. This check looks at the form
of the text only; it never sees meaning, so it runs after the crisis rules, never instead of them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from bot.conversation.recent import Recent

# Sounds of hesitation, not answers.
_FILLERS = frozenset({
    "hm", "hmm", "hmmm", "hmmmm", "mm", "mmm", "mmmm", "eh", "ehm", "uh", "uhm", "uhh", "ehh", "euh",
    "huh", "hè", "pff", "pfff", "tsja", "o", "oh", "ah", "ach",
})
# Short words without a vowel that residents really send (abbreviations of agencies and laws).
_KNOWN_WITHOUT_VOWEL = frozenset({
    "ggz", "pgb", "svb", "bsn", "lvb", "wlz", "zvw", "thx", "tnx", "pls", "plz", "sry", "srry", "mvg", "grtz",
})
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_VOWELS = set("aeiouáéíóúàèëïöüâêîôû")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _letters_and_digits(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _is_keyboard_run(token: str) -> bool:
    """Four or more neighbouring keys in a row ("asdf", "qwer", "lkjh")."""
    for row in _KEYBOARD_ROWS:
        for start in range(len(token) - 3):
            chunk = token[start:start + 4]
            if chunk in row or chunk[::-1] in row:
                return True
    return False


def _is_mash(token: str) -> bool:
    if token in _KNOWN_WITHOUT_VOWEL:
        return False
    if len(token) >= 3 and not _VOWELS & set(token):
        return True  # "xyz", "sdfgh", "pfft"
    if len(token) >= 4 and _is_keyboard_run(token):
        return True
    if len(token) >= 4 and len(set(token)) == 1:
        return True  # "aaaa"
    return bool(re.search(r"[^aeiouy\W\d_]{5,}", token))  # five consonants in a row


_JUDGED_KEPT = 4096
_judged: "Recent[bytes, bool]" = Recent(_JUDGED_KEPT)


def is_noise(text: str) -> bool:
    """True when the message holds no word that could answer a question.

    Every turn asks this again of each message of the worry so far (bot/conversation/transcript.py), so the
    answers of recent texts are kept, under a digest of the text: the text itself is not kept.
    """
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    known = _judged.get(key)
    if known is not None:
        return known
    noise = _judge(text)
    _judged.put(key, noise)
    return noise


_OTHER_SCRIPT = re.compile(r"[\u0400-\u04FF\u0600-\u06FF\u1200-\u139F]")


def _judge(text: str) -> bool:
    if text.startswith("/"):
        return False  # a button payload
    folded = unicodedata.normalize("NFC", text).strip().lower()
    core = _letters_and_digits(folded)
    if not core:
        return True  # empty, "?", "...", only emoji
    if core.isdigit():
        return False  # a number may answer a question (a phone number, an age)
    if len(core) == 1:
        return True  # "k", "j"
    words = _WORD.findall(folded)
    if not words:
        return False
    if all(word in _FILLERS for word in words):
        return True
    if _OTHER_SCRIPT.search(folded):
        return False  # Arabic, Cyrillic or Ethiopic words are words, not a keyboard mash (issue 27)
    return all(_is_mash(word) or len(word) == 1 for word in words)
