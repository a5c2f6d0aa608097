"""Telegram input channel (`/webhooks/telegram/webhook`) on python-telegram-bot's `Bot`.

Shaped like rasa/core/channels/telegram.py, but that one checks nothing about who calls it. Here:
- every request must carry `X-Telegram-Bot-Api-Secret-Token` equal to TELEGRAM_WEBHOOK_SECRET
  (set with `python -m bot telegram set-webhook URL`), compared in constant time; a missing one
  gets 401, a wrong one 403, and neither is parsed or processed;
- updates are read by a pure parser (channels/telegram_messages.py); a redelivered update id is
  processed once, also across replicas (channels/state.py);
- resident text passes channels/gate.py like the REST channel's; buttons become inline keyboards
  whose presses are answered (answerCallbackQuery) and sent on as the same payloads as on the web;
- the chat id is never the conversation id (bot/ops/sender_ids.py);
- the channel is off (404) unless TELEGRAM_BOT_TOKEN is set (bot/ops/settings.py).
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import inspect
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import httpx
import redis
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError
from telegram.request import HTTPXRequest

from bot.ops.channel_settings import LimitSettings, TelegramSettings
from bot.ops.settings import get_settings
from channels import followup
from channels.conversation import ReplyOutput, refusal, render, run_turn, send_named
from bot.ops.sender_ids import conversation_id
from channels.limits import MAX_BODY_BYTES, Limits
from channels.menus import Choice, Link, chosen, numbered, split_text
from channels.state import ChannelState, state_for
from channels.telegram_messages import TEXT_LIMIT, TelegramEvent, keyboard_rows, parse_update

logger = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ANSWERS = {  # events answered with one domain.yml response, outside the dialogue
    "unsupported": "utter_kanaal_alleen_tekst",
    "edited": "utter_kanaal_bewerkt",
    "group": "utter_kanaal_groep",
    "too_long": "utter_invoer_too_long",
}


def make_bot(config: TelegramSettings) -> Bot:
    """A Bot whose requests go to {TELEGRAM_API_URL}/bot{token}/{method}."""
    return Bot(config.bot_token, base_url=f"{config.api_url}/bot",
               request=HTTPXRequest(connection_pool_size=32, read_timeout=10, connect_timeout=5))


class TelegramOutput(ReplyOutput):
    """Sends one conversation's bot messages to its chat."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, bot: Bot, chat_id: int, state: ChannelState, sender: str,
                 label: Callable[[str], Awaitable[str]]) -> None:
        super().__init__()
        self._bot = bot
        self._chat_id = chat_id
        self._state = state
        self._sender = sender
        self._label = label

    async def send_reply(self, text: str, choices: List[Choice], links: List[Link]) -> None:
        rows = keyboard_rows(choices, links) if choices or links else []
        if rows is None:  # a payload too long for callback_data: numbered text instead
            text = numbered(text, choices, await self._label("utter_kanaal_typ_nummer"))
            await self._state.put_menu(self._sender, [choice.payload for choice in choices])
            rows = []
        pieces = split_text(text, TEXT_LIMIT) or [await self._label("utter_kanaal_kies")]
        markup = InlineKeyboardMarkup([[InlineKeyboardButton(**button) for button in row] for row in rows]) \
            if rows else None
        for piece in pieces[:-1]:
            await self._bot.send_message(self._chat_id, piece)
        await self._bot.send_message(self._chat_id, pieces[-1], reply_markup=markup)


class TelegramInput(InputChannel):
    """Residents on Telegram: the Bot API posts updates to the webhook, replies go back through it."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if credentials:
            raise InvalidConfigException(
                "credentials.yml: channels.telegram.TelegramInput takes no values. Set "
                "TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET and TELEGRAM_API_URL in the environment.")
        settings = get_settings()  # raises SettingsError, naming the variable, when one is malformed
        for noisy in ("telegram", "httpx"):  # their DEBUG/INFO lines hold message texts and the token
            logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger(noisy).level))
        return cls(settings.telegram, settings.limits, settings.redis_url, settings.secret_key)

    def __init__(self, config: Optional[TelegramSettings], limits: LimitSettings, redis_url: Optional[str],
                 secret_key: str) -> None:
        self.config = config
        self._limits = Limits(limits)
        self._redis_url = redis_url
        self._secret_key = secret_key
        self._state: Optional[ChannelState] = None
        self._bot: Optional[Bot] = None
        # update ids count per bot; the key keeps two bots sharing one Redis apart
        self._bot_key = hashlib.sha256(config.bot_token.encode()).hexdigest()[:12] if config else ""

    def _runtime(self) -> tuple[Bot, ChannelState]:
        """Made on first use, inside the server's event loop (no work at import or start-up)."""
        if self._bot is None:
            self._bot = make_bot(self.config)
            self._state = state_for(self._redis_url)
        return self._bot, self._state

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        module = inspect.getmodule(self)
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.config else "off"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.config is None:
                return response.json({"error": "the Telegram channel is off"}, status=404)
            refusal = self._check(request)
            if refusal is not None:
                return refusal
            raw = request.body or b""
            if len(raw) > MAX_BODY_BYTES:
                logger.warning("Telegram update refused: too big (%d bytes)", len(raw))
                return response.json({"error": "too_big"}, status=413)
            try:
                event = parse_update(json.loads(raw.decode("utf-8")))
            except (UnicodeDecodeError, ValueError, RecursionError) as error:
                logger.warning("Telegram update refused: %s (%d bytes)", type(error).__name__, len(raw))
                return response.json({"error": "not_an_update"}, status=400)
            try:
                await self._process(request, event, on_new_message)
            except redis.RedisError as error:
                logger.error("Telegram update %d not processed: Redis failed (%s)", event.update_id, error)
                return response.json({"error": "unavailable"}, status=503)  # Telegram delivers it again
            return response.json({"status": "ok"})

        return webhook

    def _check(self, request: Request) -> Optional[HTTPResponse]:
        """401/403 unless the secret header matches; an address with many refusals gets 429."""
        given = request.headers.get(SECRET_HEADER)
        if given and hmac.compare_digest(given.encode(), self.config.webhook_secret.encode()):
            return None
        return refusal(request, self._limits, "Telegram", "secret header", bool(given))

    async def _process(self, request: Request, event: TelegramEvent,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        bot, state = self._runtime()
        if not await state.first_time(f"telegram:{self._bot_key}:{event.update_id}"):
            logger.info("Telegram update %d was already processed; skipped.", event.update_id)
            return
        agent = request.app.ctx.agent
        if event.callback_id:  # the resident's app shows a spinner until the press is answered
            try:
                await bot.answer_callback_query(event.callback_id)
            except (TelegramError, httpx.HTTPError, asyncio.TimeoutError) as error:  # too old: still handle it
                logger.warning("Telegram update %d: answerCallbackQuery failed (%s)", event.update_id, error)
        try:
            if event.kind == "ignore" or event.chat_id is None:
                return
            sender = conversation_id("telegram", str(event.chat_id), self._secret_key)

            async def label(name: str) -> str:
                message = await render(agent, name, sender, TelegramOutput.name())
                return str((message or {}).get("text") or "")

            output = TelegramOutput(bot, event.chat_id, state, sender, label)
            if not self._limits.sender.hit(sender):
                logger.info("Telegram sender %s throttled.", sender)
                if self._limits.should_tell(sender):
                    await send_named(agent, output, "utter_invoer_te_snel", sender)
                return
            if event.kind in ANSWERS:
                await send_named(agent, output, ANSWERS[event.kind], sender)
                return
            text, is_button = event.text, event.kind in ("button", "start")
            if is_button and followup.is_answer(text):  # the question after a closed ticket
                await followup.answer(agent, output, "telegram", sender, text)
                return
            menu = await state.take_menu(sender)
            if event.kind == "text" and chosen(text, menu):
                text, is_button = chosen(text, menu), True
            metadata = {"message_id": f"telegram-{event.update_id}",
                        **followup.address_metadata(str(event.chat_id), self._secret_key)}
            await run_turn(agent, on_new_message, output, sender, text, is_button, metadata)
        except (TelegramError, httpx.HTTPError, asyncio.TimeoutError) as error:
            logger.error("Telegram update %d: the Bot API call failed (%s: %s)", event.update_id,
                         type(error).__name__, error)
