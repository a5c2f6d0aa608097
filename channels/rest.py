"""REST input channel (`/webhooks/rest/webhook`) that masks personal numbers before Rasa sees them.

Shaped like rasa/core/channels/rest.py, but:
- the body is validated (channels/payload.py) and refused with a polite Dutch response from
  domain.yml when it is bad;
- BSNs, phone numbers, e-mail addresses and IBANs are masked here (channels/gate.py), so the
  tracker store and every log only ever hold the masked text (Rasa's own rest.py logs raw text
  on failure); a name or contact detail typed into the callback form is sealed, not stored plain;
- a repeated message id (a retry or double click) returns the first answer, not a second turn,
  as long as the conversation still holds that message (an erasure clears it, issue 28);
- if the conversation produced no answer at all, the resident gets `utter_storing`;
- one address and one sender are rate-limited like every channel (channels/limits.py): 429.
- every message says which domain.yml response it came from (`response`), and crisis responses
  (`utter_crisis_*` and the safety check) carry `"crisis": true`, so the website widget can keep the numbers on screen
  without guessing from the text.
"""
from __future__ import annotations

import asyncio
import inspect
import logging
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.ops.channel_settings import LimitSettings
from bot.municipality.helplines import load_helplines
from bot.ops.settings import get_settings
from addons.replay import stored_answers
from channels.gate import guard_button, guard_incoming
from channels.limits import Limits, client_address
from channels.payload import PayloadError, is_button_payload, parse_body

logger = logging.getLogger(__name__)
REPLAY_CACHE_SIZE = 2048
CRISIS_PREFIX = "utter_crisis_"
SAFETY_CHECK = "utter_veiligheid_check"  # the gentle check shows crisis numbers too


class LabellingCollector(CollectingOutputChannel):
    """Collects the bot's messages like Rasa's collector, labelled with the response they came from.

    Rasa passes the response name (`utter_action`) to `send_response` for rules and custom actions
    alike, but its REST output drops it; the widget needs it to mark crisis replies.
    """

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        name = message.get("utter_action")
        first = len(self.messages)
        await super().send_response(recipient_id, message)
        if isinstance(name, str):
            for sent in self.messages[first:]:
                sent["response"] = name
                if name.startswith(CRISIS_PREFIX) or name == SAFETY_CHECK:
                    sent["crisis"] = True


class MaskedRestInput(InputChannel):
    """Website chat and API clients: JSON in, the assistant's messages as JSON out."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(get_settings().limits)

    def __init__(self, limits: Optional[LimitSettings] = None) -> None:
        self._limits = Limits(limits or LimitSettings())
        self._answers: "OrderedDict[tuple[str, str], list]" = OrderedDict()
        self._pending: dict[tuple[str, str], asyncio.Future] = {}

    async def _response(self, request: Request, name: str, sender: str) -> list[dict]:
        """A domain.yml response rendered outside a conversation turn (errors, outages)."""
        agent = request.app.ctx.agent
        values = load_helplines(get_settings().helplines_file).template_values()
        message = await agent.nlg.generate(name, DialogueStateTracker(sender, []), self.name(), **values)
        return [dict(message, recipient_id=sender)] if message else []

    def _remember(self, key: tuple[str, str], messages: list) -> None:
        self._answers[key] = messages
        while len(self._answers) > REPLAY_CACHE_SIZE:
            self._answers.popitem(last=False)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        module = inspect.getmodule(self)
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._limits.address.hit(client_address(request)):
                return await self._throttled(request, "address", client_address(request), "onbekend")
            try:
                incoming = parse_body(request.body or b"")
            except PayloadError as error:
                logger.info("REST message refused: %s (%d bytes)", error.code, len(request.body or b""))
                messages = await self._response(request, error.response_name, "onbekend")
                return response.json({"error": error.code, "messages": messages}, status=error.status)
            if not self._limits.sender.hit(incoming.sender):
                return await self._throttled(request, "sender", incoming.sender, incoming.sender)
            key = (incoming.sender, incoming.message_id) if incoming.message_id else None
            if key and key in self._answers:
                if await self._still_stored(request, incoming.sender, incoming.message_id):
                    return response.json(self._answers[key])
                self._answers.pop(key, None)  # the conversation was erased: its answers go too
            if key and key in self._pending:
                return response.json(await asyncio.shield(self._pending[key]))
            future: asyncio.Future = asyncio.get_running_loop().create_future()
            if key:
                self._pending[key] = future
            try:
                messages = await self._handle(request, incoming, on_new_message)
                future.set_result(messages)
                if key:
                    self._remember(key, messages)
                return response.json(messages)
            finally:
                if not future.done():
                    future.set_result([])
                if key:
                    self._pending.pop(key, None)

        return webhook

    @staticmethod
    async def _still_stored(request: Request, sender: str, message_id: str) -> bool:
        """Whether the conversation still holds this message (an erasure removes it, issue 28).

        Read only for a repeated message id, so an ordinary message costs nothing extra; when the
        tracker store cannot be read, the message is handled again rather than answered from memory.
        """
        try:
            tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
        except Exception:  # noqa: BLE001 - any failure: do not answer from memory
            logger.warning("Replay check failed for conversation %s; handling the message again.", sender)
            return False
        return tracker is not None and stored_answers(tracker.events, message_id) is not None

    async def _throttled(self, request: Request, kind: str, key: str, sender: str) -> HTTPResponse:
        logger.info("REST message refused: too many requests from %s %s", kind, key)
        messages = await self._response(request, "utter_invoer_te_snel", sender)
        return response.json({"error": "too_many_requests", "messages": messages}, status=429)

    async def _handle(self, request: Request, incoming: Any,
                      on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> list:
        if is_button_payload(incoming.text):
            # Not resident text, but anyone can send one: a number hidden in it is masked too.
            text, metadata = guard_button(incoming.text), {}
        else:
            guarded = await guard_incoming(request.app.ctx.agent, incoming.sender, incoming.text)
            text, metadata = guarded.text, dict(guarded.metadata)
            if not text.strip():
                # Only invisible or control characters: nothing for the models to read (a Rasa
                # classifier fails on an empty message); the resident is asked to type again.
                return await self._response(request, "utter_invoer_empty", incoming.sender)
        if incoming.message_id:
            metadata["message_id"] = incoming.message_id
        if incoming.client:
            metadata["client"] = incoming.client
        collector = LabellingCollector()
        try:
            await on_new_message(UserMessage(text, collector, incoming.sender,
                                             input_channel=self.name(), metadata=metadata))
        except Exception:  # noqa: BLE001 - logged without the text; the resident still gets an answer
            logger.exception("Handling a REST message failed (sender %s, %d chars).", incoming.sender, len(text))
        if not collector.messages:
            return await self._response(request, "utter_storing", incoming.sender)
        return collector.messages
