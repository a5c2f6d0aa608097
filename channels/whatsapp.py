"""WhatsApp Business Cloud API input channel (`/webhooks/whatsapp/webhook`).

Rasa 3.6 has no WhatsApp connector; this one follows the shape of Rasa's own and slack.py's
request check:
- GET answers Meta's verification handshake: `hub.mode=subscribe` and `hub.verify_token` equal
  to WHATSAPP_VERIFY_TOKEN (constant-time) echo `hub.challenge`; anything else gets 403;
- POST must carry `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with
  WHATSAPP_APP_SECRET>`, checked in constant time *before* the body is parsed: a missing one gets
  401, a wrong one 403. Meta signs no timestamp, so replays are stopped by the message id: a
  delivery repeated with the same id is processed once, also across replicas (channels/state.py);
- replies go to {WHATSAPP_API_URL}/{version}/{WHATSAPP_PHONE_NUMBER_ID}/messages with the bearer
  WHATSAPP_ACCESS_TOKEN: reply buttons, a list, or numbered text (channels/whatsapp_messages.py);
- the phone number is never the conversation id (bot/ops/sender_ids.py).
"""
from __future__ import annotations

import asyncio
import hmac
import inspect
import json
import logging
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import httpx
import redis
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.ops.channel_settings import LimitSettings, WhatsAppSettings
from bot.ops.settings import get_settings
from channels import followup
from channels.conversation import ReplyOutput, refusal, render, run_turn, send_named
from bot.ops.sender_ids import conversation_id
from channels.limits import MAX_WEBHOOK_BYTES, Limits, client_address
from channels.menus import Choice, Link, chosen
from channels.state import ChannelState, state_for
from channels.whatsapp_messages import WhatsAppEvent, read_delivery, render as render_body, signature_ok

logger = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Hub-Signature-256"
_CHALLENGE = re.compile(r"^[A-Za-z0-9_.\-]{1,256}$")
ANSWERS = {"unsupported": "utter_kanaal_alleen_tekst", "too_long": "utter_invoer_too_long"}


class WhatsAppOutput(ReplyOutput):
    """Sends one conversation's bot messages to the resident's WhatsApp number."""

    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    def __init__(self, client: httpx.AsyncClient, config: WhatsAppSettings, wa_id: str, state: ChannelState,
                 sender: str, label: Callable[[str], Awaitable[str]]) -> None:
        super().__init__()
        self._client = client
        self._config = config
        self._wa_id = wa_id
        self._state = state
        self._sender = sender
        self._label = label

    async def send_reply(self, text: str, choices: List[Choice], links: List[Link]) -> None:
        for link in links:  # WhatsApp shows links in text; it has no link buttons for free-form replies
            text = f"{text}\n{link.title}: {link.url}"
        list_button = hint = ""
        if choices:
            list_button = await self._label("utter_kanaal_kies")
            hint = await self._label("utter_kanaal_typ_nummer")
        outgoing = render_body(self._wa_id, text, choices, list_button, hint)
        if outgoing.menu:
            await self._state.put_menu(self._sender, outgoing.menu)
        for body in outgoing.bodies:
            answer = await self._client.post(self._config.messages_url, json=body,
                                             headers={"Authorization": f"Bearer {self._config.access_token}"})
            if answer.status_code >= 400:
                logger.error("Graph API refused a %s message: HTTP %d %s", body["type"], answer.status_code,
                             _graph_error(answer))


def _graph_error(answer: httpx.Response) -> str:
    """The Graph API's error code and type, never the message body we sent."""
    try:
        error = answer.json().get("error", {})
        return f"(code {error.get('code')}, {error.get('type')})"
    except (ValueError, AttributeError):
        return ""


class WhatsAppInput(InputChannel):
    """Residents on WhatsApp: Meta posts signed webhooks, replies go out through the Graph API."""

    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if credentials:
            raise InvalidConfigException(
                "credentials.yml: channels.whatsapp.WhatsAppInput takes no values. Set WHATSAPP_ACCESS_TOKEN, "
                "WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN and WHATSAPP_PHONE_NUMBER_ID in the environment.")
        settings = get_settings()  # raises SettingsError, naming the variable, when one is malformed
        logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLogger("httpx").level))
        return cls(settings.whatsapp, settings.limits, settings.redis_url, settings.secret_key)

    def __init__(self, config: Optional[WhatsAppSettings], limits: LimitSettings, redis_url: Optional[str],
                 secret_key: str) -> None:
        self.config = config
        self._limits = Limits(limits)
        self._redis_url = redis_url
        self._secret_key = secret_key
        self._client: Optional[httpx.AsyncClient] = None
        self._state: Optional[ChannelState] = None

    def _runtime(self) -> tuple[httpx.AsyncClient, ChannelState]:
        """Made on first use, inside the server's event loop (no work at import or start-up)."""
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0))
            self._state = state_for(self._redis_url)
        return self._client, self._state

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        module = inspect.getmodule(self)
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.config else "off"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            if self.config is None:
                return response.json({"error": "the WhatsApp channel is off"}, status=404)
            mode = request.args.get("hub.mode")
            token = request.args.get("hub.verify_token") or ""
            challenge = request.args.get("hub.challenge") or ""
            if mode == "subscribe" and hmac.compare_digest(token.encode(), self.config.verify_token.encode()) \
                    and _CHALLENGE.match(challenge):
                logger.info("WhatsApp webhook verified by Meta.")
                return response.text(challenge)
            logger.warning("WhatsApp verification refused from %s.", client_address(request))
            return response.json({"error": "forbidden"}, status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.config is None:
                return response.json({"error": "the WhatsApp channel is off"}, status=404)
            raw = request.body or b""
            if len(raw) > MAX_WEBHOOK_BYTES:
                logger.warning("WhatsApp webhook refused: too big (%d bytes)", len(raw))
                return response.json({"error": "too_big"}, status=413)
            refusal = self._check(request, raw)
            if refusal is not None:
                return refusal
            try:
                delivery = read_delivery(json.loads(raw.decode("utf-8")), self.config.phone_number_id)
            except (UnicodeDecodeError, ValueError, RecursionError) as error:
                logger.warning("WhatsApp webhook refused: %s (%d bytes)", type(error).__name__, len(raw))
                return response.json({"error": "not_a_webhook"}, status=400)
            for reason in delivery.skipped:  # signed by Meta, so answered 200: a 4xx would bring it back
                logger.warning("WhatsApp webhook: one malformed part skipped (%s); the rest is answered.", reason)
            try:
                for event in delivery.events:
                    await self._process(request, event, on_new_message)
            except redis.RedisError as error:
                logger.error("WhatsApp webhook not fully processed: Redis failed (%s)", error)
                return response.json({"error": "unavailable"}, status=503)  # Meta delivers it again
            return response.json({"status": "ok"})

        return webhook

    def _check(self, request: Request, raw: bytes) -> Optional[HTTPResponse]:
        """401/403 unless the body's signature matches; an address with many refusals gets 429."""
        given = request.headers.get(SIGNATURE_HEADER)
        if signature_ok(raw, given, self.config.app_secret):
            return None
        return refusal(request, self._limits, "WhatsApp", "signature", bool(given))

    async def _process(self, request: Request, event: WhatsAppEvent,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        client, state = self._runtime()
        if not await state.first_time(f"whatsapp:{event.message_id}"):
            logger.info("WhatsApp message %s was already processed; skipped.", event.message_id)
            return
        agent = request.app.ctx.agent
        sender = conversation_id("whatsapp", event.wa_id, self._secret_key)

        async def label(name: str) -> str:
            message = await render(agent, name, sender, WhatsAppOutput.name())
            return str((message or {}).get("text") or "")

        output = WhatsAppOutput(client, self.config, event.wa_id, state, sender, label)
        try:
            if not self._limits.sender.hit(sender):
                logger.info("WhatsApp sender %s throttled.", sender)
                if self._limits.should_tell(sender):
                    await send_named(agent, output, "utter_invoer_te_snel", sender)
                return
            if event.kind in ANSWERS:
                await send_named(agent, output, ANSWERS[event.kind], sender)
                return
            text, is_button = event.text, event.kind == "button"
            if is_button and followup.is_answer(text):  # the question after a closed ticket
                await followup.answer(agent, output, "whatsapp", sender, text)
                return
            menu = await state.take_menu(sender)
            if event.kind == "text" and chosen(text, menu):
                text, is_button = chosen(text, menu), True
            await run_turn(agent, on_new_message, output, sender, text, is_button,
                           {"message_id": event.message_id,
                            **followup.address_metadata(event.wa_id, self._secret_key)})
        except (httpx.HTTPError, asyncio.TimeoutError) as error:
            logger.error("WhatsApp message %s: the Graph API call failed (%s)", event.message_id,
                         type(error).__name__)
