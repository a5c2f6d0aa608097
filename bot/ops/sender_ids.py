"""Conversation ids for the messaging channels: a keyed hash, never the phone number or chat id.

Why: the tracker store keys every conversation by its sender id, and a WhatsApp sender id *is*
the resident's phone number. Hashing it with MEEDENKER_SECRET_KEY keeps the number out of the
tracker store and the logs (the listening route must store nothing that identifies a resident),
and the channel prefix keeps a Telegram chat and a website visitor from ever sharing a
conversation. The real address is used only to send the reply, never stored. It lives in bot/ so that the
erase command can find a resident's conversation from the number or chat id they give.
"""
from __future__ import annotations

import hashlib
import hmac
import re

MESSAGING_CHANNELS = ("telegram", "whatsapp")


def conversation_id(channel: str, platform_id: str, secret_key: str) -> str:
    """A stable, unguessable sender id for one chat on one channel (e.g. `telegram-3f9a…`)."""
    digest = hmac.new(secret_key.encode(), f"sender:{channel}:{platform_id}".encode(), hashlib.sha256)
    return f"{channel}-{digest.hexdigest()[:32]}"


def platform_id(channel: str, given: str) -> str:
    """A chat id or phone number as the platform sends it: WhatsApp numbers are digits only
    (+31 6 1234 5678 becomes 31612345678); Telegram chat ids are whole numbers."""
    given = given.strip()
    if channel == "whatsapp":
        digits = re.sub(r"[\s+()\-.]", "", given)
        if digits.startswith("00"):
            digits = digits[2:]
        if not re.fullmatch(r"\d{8,20}", digits):
            raise ValueError(f"not a WhatsApp phone number with country code: {given!r}")
        return digits
    if channel == "telegram":
        if not re.fullmatch(r"-?\d{1,20}", given):
            raise ValueError(f"not a Telegram chat id: {given!r}")
        return given
    raise ValueError(f"channel must be one of {', '.join(MESSAGING_CHANNELS)}, got {channel!r}")
