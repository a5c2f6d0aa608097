"""The one door every input channel's text passes through (masking and form sealing, bot/conversation/intake.py).

A channel never reads the conversation's state: text that could be a name or contact detail
travels encrypted as a candidate, and the Rasa process decides under the conversation lock
whether it answers the callback form (addons/rasa_patches/turns.py, `settle_sealed_answers`). So a name
sent while the previous message is still being handled is sealed all the same.
"""
from __future__ import annotations

from typing import Any

from bot.conversation.intake import Guarded, guard_in_channel
from bot.understanding.dictation import read_dictation
from bot.understanding.privacy import mask_pii, strip_invisible
from bot.ops.settings import get_settings


async def guard_incoming(agent: Any, sender: str, text: str) -> Guarded:
    """Masked text (or a sealed candidate) and metadata for one incoming message.

    `agent` and `sender` are kept in the signature for the channels that call it; the decision
    that needs the conversation is taken later, inside Rasa's conversation lock.
    """
    # Invisible and direction-control characters go first: a sealed name is shown to coordinators too.
    # Dictated punctuation ("vraagteken") is read as the mark it stands for (bot/understanding/dictation.py).
    return guard_in_channel(read_dictation(strip_invisible(text)), get_settings().secret_key)


def guard_button(payload: str) -> str:
    """A button payload (`/intent{...}`, Telegram callback data, a WhatsApp reply id) as Rasa may
    store and log it. Not resident text, but anyone can send one: numbers in it are masked and
    invisible characters removed, exactly as for typed text (issue 28)."""
    return mask_pii(payload).text
