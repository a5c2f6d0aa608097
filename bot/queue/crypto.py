"""Encryption of callback contact details and the keyed hash of sender ids.

Both come from MEEDENKER_SECRET_KEY (a Fernet key). Contact details are Fernet tokens at rest, so a
database dump alone reveals no name, phone number or e-mail address. Sender ids are never stored:
an HMAC of them (with a key derived from the secret, not the secret itself) is enough to find a
resident's tickets when they ask to be erased, and cannot be reversed without the key.
"""
from __future__ import annotations

import binascii
import hashlib
import hmac
import json
from base64 import urlsafe_b64decode
from typing import Any, Mapping

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.errors import ConfigError

_SENDER_HASH_INFO = b"meedenker queue: sender hash v1"


class QueueKeyError(ConfigError, RuntimeError):
    """The secret key cannot be used. Messages name the setting, never the key."""


class InvalidSecretKeyError(QueueKeyError):
    """MEEDENKER_SECRET_KEY is not a Fernet key at all."""


class WrongSecretKeyError(QueueKeyError):
    """Stored contact details were encrypted with another key (or the token was damaged)."""


def _key_bytes(secret_key: str) -> bytes:
    try:
        raw = urlsafe_b64decode(secret_key.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != 32:
        raise InvalidSecretKeyError(
            "MEEDENKER_SECRET_KEY is not a valid Fernet key (32 bytes, url-safe base64, 44 characters)"
        )
    return raw


class ContactCipher:
    """Fernet encryption of a {name, phone, email} mapping; one instance per key."""

    def __init__(self, secret_key: str) -> None:
        _key_bytes(secret_key)
        self._fernet = Fernet(secret_key.encode("ascii"))

    def encrypt(self, contact: Mapping[str, Any]) -> str:
        body = json.dumps(dict(contact), ensure_ascii=False, sort_keys=True).encode("utf-8")
        return self._fernet.encrypt(body).decode("ascii")

    def decrypt(self, token: str) -> dict[str, Any]:
        try:
            body = self._fernet.decrypt(token.encode("ascii"))
        except (InvalidToken, UnicodeEncodeError) as error:
            raise WrongSecretKeyError(
                "Contact details cannot be decrypted: MEEDENKER_SECRET_KEY is not the key they were "
                "encrypted with, or the stored value is damaged"
            ) from error
        return json.loads(body.decode("utf-8"))


class SenderHasher:
    """HMAC-SHA256 of (channel, sender id) under a key derived from the secret key."""

    def __init__(self, secret_key: str) -> None:
        self._key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                         info=_SENDER_HASH_INFO).derive(_key_bytes(secret_key))

    def __call__(self, channel: str, sender_id: str) -> str:
        # The channel is part of the message: the same id on two channels is not the same person.
        message = f"{channel}\x00{sender_id}".encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()
