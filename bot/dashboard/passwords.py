"""Password rules and hashing for dashboard accounts (ASVS 2.1: length, a common-password check).

Argon2id through argon2-cffi with its default (OWASP-recommended) parameters. The rules are
checked where accounts are made (CLI and admin page), with one Dutch message per rule.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH: Final = 12
MAX_LENGTH: Final = 256
COMMON_FILE: Final = Path(__file__).parent / "data" / "common_passwords.txt"
_hasher = PasswordHasher()
# Verified when an account does not exist, so both cases take as long.
_DUMMY_HASH: Final = "$argon2id$v=19$m=65536,t=3,p=4$DcFRV+nhGsOtlPlMmoJrnA$aAkkM4SUOVxJzbu3pQnozIcOwh3u0QjiDR8LDO+uMhE"


class WeakPassword(ValueError):
    """The password breaks a rule; the message is Dutch, for the person choosing it."""


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


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


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when the password matches; with no account, still spends the time of one check."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
