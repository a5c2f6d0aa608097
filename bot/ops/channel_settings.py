"""Typed settings of the Telegram and WhatsApp channels and of the rate limits every channel shares.

A channel is on when its token is set and off when it is not; a channel that is half configured
(a token without its webhook secret, a malformed id) stops the start with the variable's name,
because a webhook that cannot check who is calling would fail open. Read by bot/ops/settings.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

TELEGRAM_DEFAULT_API_URL = "https://api.telegram.org"
WHATSAPP_DEFAULT_API_URL = "https://graph.facebook.com"
WHATSAPP_DEFAULT_API_VERSION = "v21.0"

_TELEGRAM_TOKEN = re.compile(r"^\d{5,20}:[A-Za-z0-9_-]{30,64}$")
_TELEGRAM_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")  # the characters Telegram allows
_NO_SPACE = re.compile(r"^\S+$")
_DIGITS = re.compile(r"^\d{5,20}$")
_VERSION = re.compile(r"^v\d{1,3}\.\d{1,3}$")


@dataclass(frozen=True)
class TelegramSettings:
    bot_token: str
    webhook_secret: str
    api_url: str = TELEGRAM_DEFAULT_API_URL


@dataclass(frozen=True)
class WhatsAppSettings:
    access_token: str
    app_secret: str
    verify_token: str
    phone_number_id: str
    api_url: str = WHATSAPP_DEFAULT_API_URL
    api_version: str = WHATSAPP_DEFAULT_API_VERSION

    @property
    def messages_url(self) -> str:
        return f"{self.api_url}/{self.api_version}/{self.phone_number_id}/messages"


@dataclass(frozen=True)
class LimitSettings:
    """Messages per minute one resident may send, and requests per minute from one address."""

    per_sender_per_minute: int = 20
    per_ip_per_minute: int = 300


def _api_url(env: Mapping[str, str], name: str, default: str, errors: list[str]) -> str:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not re.match(r"^https?://[^\s/]+(/[^\s]*)?$", raw):
        errors.append(f"{name} must be an http:// or https:// URL, got {raw!r}")
        return default
    return raw.rstrip("/")


def _secret(env: Mapping[str, str], name: str, pattern: re.Pattern, rule: str, errors: list[str]) -> str:
    value = env.get(name) or ""
    if not value:
        errors.append(f"{name} is required when the channel is on")
    elif not pattern.match(value):
        errors.append(f"{name} is malformed: it must be {rule}")
    return value


def read_telegram(env: Mapping[str, str], errors: list[str]) -> TelegramSettings | None:
    """The Telegram channel, or None when TELEGRAM_BOT_TOKEN is unset."""
    token = env.get("TELEGRAM_BOT_TOKEN") or ""
    if not token:
        if env.get("TELEGRAM_WEBHOOK_SECRET"):
            errors.append("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_BOT_TOKEN is not")
        return None
    if not _TELEGRAM_TOKEN.match(token):
        errors.append("TELEGRAM_BOT_TOKEN is malformed: it must look like 123456789:AA... (from BotFather)")
    secret = _secret(env, "TELEGRAM_WEBHOOK_SECRET", _TELEGRAM_SECRET,
                     "16 to 256 characters of A-Z, a-z, 0-9, _ and -", errors)
    api_url = _api_url(env, "TELEGRAM_API_URL", TELEGRAM_DEFAULT_API_URL, errors)
    return TelegramSettings(bot_token=token, webhook_secret=secret, api_url=api_url)


def read_whatsapp(env: Mapping[str, str], errors: list[str]) -> WhatsAppSettings | None:
    """The WhatsApp channel, or None when WHATSAPP_ACCESS_TOKEN is unset."""
    token = env.get("WHATSAPP_ACCESS_TOKEN") or ""
    if not token:
        for name in ("WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"):
            if env.get(name):
                errors.append(f"{name} is set but WHATSAPP_ACCESS_TOKEN is not")
        return None
    if not _NO_SPACE.match(token) or len(token) < 20:
        errors.append("WHATSAPP_ACCESS_TOKEN is malformed: at least 20 characters, no spaces")
    app_secret = _secret(env, "WHATSAPP_APP_SECRET", re.compile(r"^\S{16,}$"),
                         "at least 16 characters without spaces (the app secret from Meta)", errors)
    verify = _secret(env, "WHATSAPP_VERIFY_TOKEN", re.compile(r"^\S{16,}$"),
                     "at least 16 characters without spaces", errors)
    phone_id = _secret(env, "WHATSAPP_PHONE_NUMBER_ID", _DIGITS, "the numeric phone number id from Meta", errors)
    api_url = _api_url(env, "WHATSAPP_API_URL", WHATSAPP_DEFAULT_API_URL, errors)
    version = (env.get("WHATSAPP_API_VERSION") or WHATSAPP_DEFAULT_API_VERSION).strip()
    if not _VERSION.match(version):
        errors.append(f"WHATSAPP_API_VERSION must look like v21.0, got {version!r}")
    return WhatsAppSettings(access_token=token, app_secret=app_secret, verify_token=verify,
                            phone_number_id=phone_id, api_url=api_url, api_version=version)


def _positive(env: Mapping[str, str], name: str, default: int, errors: list[str], hi: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= hi:
        errors.append(f"{name} must be a whole number from 1 to {hi}, got {raw!r}")
        return default
    return int(raw)


def read_limits(env: Mapping[str, str], errors: list[str]) -> LimitSettings:
    return LimitSettings(
        per_sender_per_minute=_positive(env, "MEEDENKER_RATE_PER_SENDER", 20, errors, 10_000),
        per_ip_per_minute=_positive(env, "MEEDENKER_RATE_PER_IP", 300, errors, 1_000_000),
    )
