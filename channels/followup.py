"""A resident's answer to the follow-up question, pressed on Telegram or WhatsApp (issue 29).

The button's payload ("nazorg:<ticket>:<answer>", bot/followup/records.py) is handled here, beside
the conversation and not through Rasa: it is no message to the assistant, and it must be recorded
on the ticket even when the conversation's session expired long ago. It counts only for a ticket
of this very conversation (keyed sender hashes), so a forged payload changes nothing; the resident
gets a short thank-you (domain.yml) either way.
"""
from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.followup.consent import ADDRESS_KEY, seal_address
from bot.followup.records import Followups, read_payload
from bot.queue.store import TicketStore
from bot.ops.settings import get_settings
from channels.conversation import ReplyOutput, send_named

logger = logging.getLogger(__name__)
THANKS = {"geholpen": "utter_nazorg_bedankt", "niet_geholpen": "utter_nazorg_bedankt_opnieuw",
          "geen_contact": "utter_nazorg_bedankt_opnieuw"}
GONE = "utter_nazorg_verlopen"


def is_answer(payload: str) -> bool:
    return read_payload(payload) is not None


def address_metadata(address: str, secret_key: str) -> dict[str, str]:
    """Metadata for every message on the channel: the chat id or number, sealed, for the consent."""
    return {ADDRESS_KEY: seal_address(address, secret_key)}


@lru_cache(maxsize=1)
def _followups() -> Followups:
    settings = get_settings()
    return Followups(TicketStore.from_settings(settings))


async def answer(agent: Any, output: ReplyOutput, channel: str, sender: str, payload: str) -> None:
    """Record the answer (in a thread: a database call) and thank the resident."""
    try:
        outcome = await asyncio.to_thread(lambda: _followups().answer(payload, channel, sender))
    except (SQLAlchemyError, OSError) as error:
        logger.error("A follow-up answer could not be recorded: %s", type(error).__name__)
        await send_named(agent, output, "utter_storing", sender)
        return
    found = read_payload(payload)
    name = THANKS[found[1]] if outcome in ("recorded", "again") and found else GONE
    await send_named(agent, output, name, sender)
