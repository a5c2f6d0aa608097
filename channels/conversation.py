"""What the messaging channels (Telegram, WhatsApp) share: one turn through the gate into Rasa,
and domain.yml responses sent outside a turn (unsupported media, throttling, an outage).

Every resident text passes channels/gate.py exactly as the REST channel's does; button payloads
(Telegram callback data, WhatsApp reply ids) pass its `guard_button`: anyone can forge one. If a turn produces no answer at all,
or fails, the resident gets `utter_storing` instead of silence.
"""
from __future__ import annotations

import logging
from abc import abstractmethod
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import response
from sanic.response import HTTPResponse

from bot.municipality.helplines import load_helplines
from bot.ops.settings import get_settings
from channels.gate import guard_button, guard_incoming
from channels.limits import client_address
from channels.menus import Choice, Link, choices_and_links
from channels.payload import is_button_payload

logger = logging.getLogger(__name__)


class ReplyOutput(OutputChannel):
    """An output channel that sends each bot message as text plus choices, and counts them."""

    def __init__(self) -> None:
        self.sent = 0

    @abstractmethod
    async def send_reply(self, text: str, choices: List[Choice], links: List[Link]) -> None:
        """Send one bot message on the channel; every channel's output class defines it."""

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        text = str(message.get("text") or "")
        choices, links = choices_and_links(message.get("buttons") or message.get("quick_replies") or [])
        image = message.get("image")
        if isinstance(image, str) and image.startswith("https://"):
            text = f"{text}\n{image}".strip()
        if message.get("custom") or message.get("elements") or message.get("attachment"):
            logger.warning("A %s message part cannot be shown on %s; it was left out.",
                           "custom/elements/attachment", self.name())
        if text or choices:
            await self.send_reply(text, choices, links)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})


async def render(agent: Any, name: str, sender: str, channel: str) -> Optional[Dict[str, Any]]:
    """A domain.yml response (with the helpline numbers filled in) outside a conversation turn."""
    values = load_helplines(get_settings().helplines_file).template_values()
    return await agent.nlg.generate(name, DialogueStateTracker(sender, []), channel, **values)


async def send_named(agent: Any, output: ReplyOutput, name: str, sender: str) -> None:
    message = await render(agent, name, sender, output.name())
    if message:
        await output.send_response(sender, dict(message))
    else:
        logger.error("Response %s is missing from the domain.", name)


async def run_turn(agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], output: ReplyOutput,
                   sender: str, text: str, is_button: bool, metadata: Dict[str, Any]) -> None:
    """One resident message through the gate into Rasa; never raises for the resident's sake."""
    if is_button and is_button_payload(text):
        message_text, extra = guard_button(text), {}
    else:  # typed text, and button values that are answers ("ochtend"), are resident text
        guarded = await guard_incoming(agent, sender, text)
        message_text, extra = guarded.text, dict(guarded.metadata)
    try:
        await on_new_message(UserMessage(message_text, output, sender, input_channel=output.name(),
                                         metadata={**metadata, **extra}))
    except Exception:  # noqa: BLE001 - logged without the text; the resident still gets an answer
        logger.exception("Handling a %s message failed (sender %s, %d chars).", output.name(), sender, len(text))
    if output.sent == 0:
        await send_named(agent, output, "utter_storing", sender)


def refusal(request: Any, limits: Any, channel: str, credential: str, given: bool) -> HTTPResponse:
    """The answer to an unauthenticated webhook call: 401 without `credential`, 403 with a wrong
    one, 429 for an address that keeps trying. Logged without anything of the body."""
    address = client_address(request)
    if not limits.address.hit(address):
        return response.json({"error": "too_many_requests"}, status=429)
    status = 403 if given else 401
    logger.warning("%s webhook refused (%d): %s %s from %s", channel, status, "a wrong" if given else "no",
                   credential, address)
    return response.json({"error": "forbidden" if given else "unauthorized"}, status=status)
