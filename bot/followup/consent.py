"""Asking for, and recording, a resident's yes to one question after their ticket is closed.

Only on Telegram and WhatsApp: there the assistant can write to the resident later; the website
widget's conversation is gone when the tab closes. The channel puts the chat id or WhatsApp number
in each message's metadata, sealed with the secret key (`seal_address`), so Rasa stores only a
ciphertext and the action can keep it, encrypted again, on the ticket when the resident says yes.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from sqlalchemy.exc import SQLAlchemyError

from bot.queue import QueueKeyError
from bot.queue.crypto import ContactCipher

logger = logging.getLogger(__name__)

WAIT_CONSENT = "nazorg"  # the `wacht_op` slot while the consent question is open
CHANNELS = ("telegram", "whatsapp")
ADDRESS_KEY = "antwoordadres"  # message metadata: the sealed chat id or WhatsApp number
ASK = "utter_nazorg_vraag"
AGREED = "utter_nazorg_ja"
DECLINED = "utter_nazorg_nee"


def asks_consent(channel: str) -> bool:
    return channel in CHANNELS


def seal_address(address: str, secret_key: str) -> str:
    """For the channels: the resident's chat id or number as the action may receive it."""
    return ContactCipher(secret_key).encrypt({"address": address})


def unseal_address(metadata: dict[str, Any] | None, secret_key: str) -> str | None:
    token = (metadata or {}).get(ADDRESS_KEY)
    if not isinstance(token, str) or not token:
        return None
    try:
        address = ContactCipher(secret_key).decrypt(token).get("address")
    except QueueKeyError:
        logger.warning("A follow-up address in the metadata could not be unsealed; ignored.")
        return None
    return address if isinstance(address, str) and address else None


def consent_answer(intent: str) -> bool | None:
    """True for yes, False for no, None for anything else (the question then lapses)."""
    return {"bevestigen": True, "ontkennen": False}.get(intent)


def record_consent(followups: Callable[[], Any], ticket_id: str | None, channel: str, sender: str, agreed: bool,
                   metadata: dict[str, Any] | None, secret_key: str) -> list[tuple[str, dict[str, str]]]:
    """Keep the yes (with the sealed address) on the ticket; "we send nothing" whenever it is not kept.
    `followups` makes the bot.followup.records.Followups to write with (called only for a yes)."""
    if not agreed:
        return [(DECLINED, {})]
    address = unseal_address(metadata, secret_key)
    if not ticket_id or address is None:
        logger.error("Follow-up consent without %s; nothing will be sent.", "a ticket" if not ticket_id else "an address")
        return [(DECLINED, {})]
    try:
        kept = followups().agree(ticket_id, channel, sender, address)
    except (SQLAlchemyError, QueueKeyError, OSError) as error:
        logger.error("Could not record follow-up consent: %s", type(error).__name__)
        kept = False
    return [(AGREED if kept else DECLINED, {})]
