"""Conversation ids for the messaging channels: a keyed hash, never the phone number or chat id.

Why: the tracker store keys every conversation by its sender id, and a WhatsApp sender id *is*
the resident's phone number. Hashing it with MEEDENKER_SECRET_KEY keeps the number out of the
tracker store and the logs (the listening route must store nothing that identifies a resident),
and the channel prefix keeps a Telegram chat and a website visitor from ever sharing a
conversation. The real address is used only to send the reply, never stored.
"""
from __future__ import annotations

import hashlib
import hmac


def conversation_id(channel: str, platform_id: str, secret_key: str) -> str:
    """A stable, unguessable sender id for one chat on one channel (e.g. `telegram-3f9a…`)."""
    digest = hmac.new(secret_key.encode(), f"sender:{channel}:{platform_id}".encode(), hashlib.sha256)
    return f"{channel}-{digest.hexdigest()[:32]}"
