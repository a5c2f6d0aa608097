"""The one door every input channel's text passes through (masking and form sealing, bot/intake.py).

The only Rasa-specific part is reading the conversation's form step from its tracker, so a
channel needs no knowledge of the dialogue.
"""
from __future__ import annotations

from typing import Any, Optional

from bot.callback_form import step_of
from bot.intake import Guarded, guard
from bot.settings import get_settings


async def form_step(agent: Any, sender: str) -> Optional[str]:
    """The callback-form step this conversation waits for (read from its tracker), if any."""
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return None
    tracker = await store.retrieve(sender)
    return step_of(tracker.get_slot("wacht_op")) if tracker is not None else None


async def guard_incoming(agent: Any, sender: str, text: str) -> Guarded:
    """Masked (or, for a form answer, sealed) text and metadata for one incoming message."""
    return guard(text, await form_step(agent, sender), get_settings().secret_key)
