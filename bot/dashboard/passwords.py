"""Password rules and hashing for dashboard accounts (ASVS 2.1: length, a strength check).

Strength: zxcvbn (Dropbox's estimator; its dictionaries of common passwords, names and words,
keyboard patterns, sequences, dates and l33t) must give a score of at least MIN_SCORE, with the
words an attacker would try first for this site as context: every municipality name, "meedenker"
and the parts of the account's e-mail address. Our own short list of common (Dutch) passwords is
checked as well (issue 28, finding 5: "Password1234!", "Meedenker2026!", "Goes12345678" and
"qwertyuiop12" passed the list alone).

Argon2id through argon2-cffi with its default (OWASP-recommended) parameters. The rules are
checked where accounts are made (CLI and admin page), with one Dutch message per rule.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from zxcvbn import zxcvbn

from bot.errors import RequestRefused
from bot.municipality.gemeenten import PROVINCIES, all_gemeenten

MIN_LENGTH: Final = 12
MAX_LENGTH: Final = 256
MIN_SCORE: Final = 3  # zxcvbn: 3 is "safely unguessable", about 10^8 guesses or more
# zxcvbn's time grows steeply with length (a random 256-character password took a minute): only the
# first ZXCVBN_PREFIX characters are judged. A strong start is a strong password; a weak start
# followed by more text is refused, which only costs the chooser another try.
ZXCVBN_PREFIX: Final = 72
SITE_WORDS: Final = ("meedenker", "meedenkers", "dashboard", "wachtwoord", "gemeente", "welkom")
TOO_WEAK: Final = ("Dit wachtwoord is te makkelijk te raden. Kies bijvoorbeeld een zin van vier of meer losse "
                   "woorden. Gebruik geen naam van een gemeente, 'Meedenker', uw e-mailadres, of reeksen "
                   "als 1234 of qwerty.")
COMMON_FILE: Final = Path(__file__).parent / "data" / "common_passwords.txt"
_hasher = PasswordHasher()
# Verified when an account does not exist, so both cases take as long.
_DUMMY_HASH: Final = "$argon2id$v=19$m=65536,t=3,p=4$DcFRV+nhGsOtlPlMmoJrnA$aAkkM4SUOVxJzbu3pQnozIcOwh3u0QjiDR8LDO+uMhE"


class WeakPassword(RequestRefused, ValueError):
    """The password breaks a rule; the message is Dutch, for the person choosing it."""


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _place_words() -> tuple[str, ...]:
    """Every municipality (and province) name, whole ("bergen op zoom", "bergenopzoom") and its
    longer words."""
    words: set[str] = set()
    for name in (*all_gemeenten(), *PROVINCIES):
        lowered = name.lower()
        parts = re.findall(r"\w+", lowered)
        words.update({lowered, "".join(parts)})
        words.update(part for part in parts if len(part) >= 4)
    return tuple(sorted(words))


def context_words(email: str = "") -> list[str]:
    """What zxcvbn should treat as known to an attacker: this site's words and the account's."""
    # zxcvbn ranks user inputs by their place in the list: the likeliest guesses first.
    local = email.split("@", 1)[0].lower()
    email_parts = [part for part in re.split(r"[@._+\-]+", email.lower()) if len(part) >= 3]
    return [*([local] if local else []), *email_parts, *SITE_WORDS, *_place_words()]


# zxcvbn keeps the user inputs of a call in a module-level dictionary: one call at a time.
_zxcvbn_lock = threading.Lock()


def strength(password: str, email: str = "") -> int:
    """zxcvbn's score (0-4) of the password's first ZXCVBN_PREFIX characters, in context."""
    with _zxcvbn_lock:
        return int(zxcvbn(password[:ZXCVBN_PREFIX], user_inputs=context_words(email))["score"])


def check_password(password: str, email: str = "") -> None:
    """Raise WeakPassword when the password may not be used."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"Het wachtwoord moet minstens {MIN_LENGTH} tekens lang zijn.")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"Het wachtwoord mag hoogstens {MAX_LENGTH} tekens lang zijn.")
    lowered = password.lower()
    stripped = re.sub(r"[\d\W_]+$", "", lowered)
    common = _common()
    if lowered in common or stripped in common or len(set(lowered)) <= 2:
        raise WeakPassword("Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.")
    local = email.split("@", 1)[0].lower()
    if len(local) >= 4 and local in lowered:
        raise WeakPassword("Het wachtwoord mag uw e-mailadres niet bevatten.")
    # A known word with only digits and punctuation around it ("Middelburg-2026!") is refused even
    # when zxcvbn, counting the year and the symbols, would let it pass.
    letters = re.sub(r"[\d\W_]+", "", lowered)
    if letters in common or letters in context_words(email) or strength(password, email) < MIN_SCORE:
        raise WeakPassword(TOO_WEAK)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when the password matches; with no account, still spends the time of one check."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
