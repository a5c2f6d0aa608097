"""`python -m bot telegram set-webhook URL`: tell Telegram where to deliver updates, with the secret.

Why a command of our own: the webhook must be registered with TELEGRAM_WEBHOOK_SECRET, or the
channel refuses every update (it checks X-Telegram-Bot-Api-Secret-Token), and only the updates
the channel handles should be sent. One Bot API call through python-telegram-bot; no Rasa here.
"""
from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from telegram import Bot
from telegram.error import TelegramError

from bot.errors import DeliveryError
from bot.ops.channel_settings import TelegramSettings

WEBHOOK_PATH = "/webhooks/telegram/webhook"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


class TelegramAdminError(DeliveryError, RuntimeError):
    """The webhook could not be registered; the message says why, in one line."""


def webhook_url(given: str) -> str:
    """The full webhook URL: the assistant's public address, with the channel's path added if missing.

    Telegram delivers only to https; plain http is accepted for a loopback address (tests)."""
    parsed = urlparse(given.strip())
    loopback = parsed.hostname in ("127.0.0.1", "localhost", "::1")
    if parsed.scheme != "https" and not (parsed.scheme == "http" and loopback):
        raise TelegramAdminError(f"The webhook URL must start with https:// (Telegram requires it), got {given!r}")
    if not parsed.hostname:
        raise TelegramAdminError(f"The webhook URL has no host name: {given!r}")
    url = given.strip().rstrip("/")
    return url if url.endswith(WEBHOOK_PATH) else url + WEBHOOK_PATH


async def _set_webhook(config: TelegramSettings, url: str) -> None:
    async with Bot(config.bot_token, base_url=f"{config.api_url}/bot") as bot:
        await bot.set_webhook(url, secret_token=config.webhook_secret, allowed_updates=ALLOWED_UPDATES,
                              max_connections=40)


def set_webhook(config: TelegramSettings | None, given_url: str) -> str:
    """Register the webhook; returns the URL registered."""
    if config is None:
        raise TelegramAdminError("TELEGRAM_BOT_TOKEN is not set: the Telegram channel is off.")
    url = webhook_url(given_url)
    try:
        asyncio.run(_set_webhook(config, url))
    except TelegramError as error:
        reason = str(error).replace(config.bot_token, "<TELEGRAM_BOT_TOKEN>")
        raise TelegramAdminError(f"Telegram refused the webhook: {reason}") from error
    except OSError as error:
        raise TelegramAdminError(f"Cannot reach the Bot API at {config.api_url}: {error}") from error
    return url
