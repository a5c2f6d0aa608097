"""Typed settings for every process (Rasa server, action server, CLI, dashboard).

Read from environment variables only, once, at start. Anything missing or malformed stops the
process with the variable's name: a silent default for a secret or a store would fail open.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from bot.errors import ConfigError
from bot.ops.channel_settings import (LimitSettings, TelegramSettings, WhatsAppSettings, read_limits,
                                  read_telegram, read_whatsapp)
from bot.mail.settings import MailSettings, read_mail

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class SettingsError(ConfigError, RuntimeError):
    """Raised at start when the environment does not describe a runnable process."""


def _int(env: Mapping[str, str], name: str, default: int, errors: list[str], lo: int, hi: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        errors.append(f"{name} must be a whole number, got {raw!r}")
        return default
    if not lo <= value <= hi:
        errors.append(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...], errors: list[str]) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in schemes:
        errors.append(f"{name} must start with one of {', '.join(s + '://' for s in schemes)}")
        return None
    return raw


# Sent as an HTTP header value, so header-safe characters only; long enough not to be guessed.
_ACTION_SECRET = re.compile(r"^[A-Za-z0-9_\-]{32,256}$")
ACTION_SECRET_HEADER = "X-Meedenker-Action-Secret"
_TEMPLATE = re.compile(r"^[a-z0-9_]{1,512}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?/?$")


def _origins(env: Mapping[str, str], name: str, default: tuple[str, ...], errors: list[str]) -> tuple[str, ...]:
    """Comma-separated exact origins (scheme://host[:port]); wildcards would let any site in."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    origins = []
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        if not _ORIGIN.match(item):
            errors.append(f"{name} must list origins like https://www.gemeente.nl (no path, no *), got {item!r}")
            continue
        origins.append(item.rstrip("/"))
    return tuple(origins) or default


@dataclass(frozen=True)
class Settings:
    """Everything a process needs to know about where it runs and what it talks to."""

    var_dir: Path
    host: str
    rasa_port: int
    actions_port: int
    dashboard_port: int
    action_server_url: str
    database_url: str | None
    redis_url: str | None
    rasa_api_token: str
    secret_key: str
    action_timeout_seconds: int
    lock_lifetime_seconds: int
    helplines_file: Path
    office_hours_file: Path
    sociale_kaart_dir: Path
    retention_days: int
    log_level: str = "INFO"
    extra: dict[str, str] = field(default_factory=dict)
    telegram: TelegramSettings | None = None  # on when TELEGRAM_BOT_TOKEN is set
    whatsapp: WhatsAppSettings | None = None  # on when WHATSAPP_ACCESS_TOKEN is set
    limits: LimitSettings = field(default_factory=LimitSettings)
    allowed_origins: tuple[str, ...] = ()
    public_rasa_url: str = ""
    # The dashboard's: checked by bot.dashboard.app.create_app, not needed by the other processes.
    dashboard_session_secret: str | None = None
    dashboard_require_2fa: bool = False
    encoder_threads: int = 1  # cores one message's sentence embedding may use in the Rasa server
    # Rasa sends it to the action server in ACTION_SECRET_HEADER (endpoints.yml `headers:`); both
    # servers refuse to start without it (addons/launcher.py), other processes do not need it.
    action_server_secret: str | None = None
    # Issue 29: e-mail to coordinators (None: off), the dashboard's address in mails, how often the
    # outbox is worked, and the WhatsApp template for a follow-up outside the 24-hour window.
    mail: MailSettings | None = None
    dashboard_url: str = ""
    outbox_poll_seconds: int = 15
    whatsapp_followup_template: str | None = None
    whatsapp_followup_language: str = "nl"

    @property
    def tracker_store_url(self) -> str:
        """PostgreSQL when DATABASE_URL is set, else SQLite under var/."""
        return self.database_url or f"sqlite:///{self.var_dir / 'rasa.db'}"

    @property
    def queue_url(self) -> str:
        """The callback queue: PostgreSQL when DATABASE_URL is set, else SQLite under var/."""
        return self.database_url or f"sqlite:///{self.var_dir / 'queue.db'}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        errors: list[str] = []
        var_dir = Path(env.get("MEEDENKER_VAR_DIR") or PROJECT_ROOT / "var")
        host = env.get("MEEDENKER_HOST", "127.0.0.1") or "127.0.0.1"
        rasa_port = _int(env, "RASA_PORT", 5005, errors, 1, 65535)
        actions_port = _int(env, "ACTIONS_PORT", 5055, errors, 1, 65535)
        dashboard_port = _int(env, "DASHBOARD_PORT", 8080, errors, 1, 65535)
        action_url = _url(env, "ACTION_SERVER_URL", ("http", "https"), errors) or (
            f"http://127.0.0.1:{actions_port}/webhook"
        )
        database_url = _url(env, "DATABASE_URL", ("postgresql", "postgresql+psycopg2", "sqlite"), errors)
        redis_url = _url(env, "REDIS_URL", ("redis", "rediss"), errors)
        timeout = _int(env, "ACTION_TIMEOUT_SECONDS", 10, errors, 1, 120)
        lifetime = _int(env, "LOCK_LIFETIME_SECONDS", 60, errors, 5, 600)
        if timeout * 3 > lifetime:
            errors.append(
                "ACTION_TIMEOUT_SECONDS must be at most a third of LOCK_LIFETIME_SECONDS, so a slow "
                f"action server cannot outlive the conversation lock (got {timeout} and {lifetime})"
            )
        token = env.get("RASA_API_TOKEN", "")
        if len(token) < 16:
            errors.append("RASA_API_TOKEN is missing or shorter than 16 characters")
        secret = env.get("MEEDENKER_SECRET_KEY", "")
        if len(secret) != 44:
            errors.append(
                "MEEDENKER_SECRET_KEY is missing or not a 44-character Fernet key "
                "(make run generates one into var/secrets.env)"
            )
        helplines = Path(env.get("MEEDENKER_HELPLINES_FILE") or PROJECT_ROOT / "config" / "helplines.yml")
        if not helplines.is_file():
            errors.append(f"MEEDENKER_HELPLINES_FILE points to a missing file: {helplines}")
        office_hours = Path(env.get("MEEDENKER_OFFICE_HOURS_FILE") or PROJECT_ROOT / "config" / "office_hours.yml")
        if not office_hours.is_file():
            errors.append(f"MEEDENKER_OFFICE_HOURS_FILE points to a missing file: {office_hours}")
        kaart = Path(env.get("MEEDENKER_SOCIALE_KAART_DIR") or PROJECT_ROOT / "config" / "sociale_kaart")
        if not kaart.is_dir():
            errors.append(f"MEEDENKER_SOCIALE_KAART_DIR points to a missing folder: {kaart}")
        retention = _int(env, "RETENTION_DAYS", 365, errors, 1, 3650)
        encoder_threads = _int(env, "MEEDENKER_ENCODER_THREADS", 1, errors, 1, 64)
        level = (env.get("LOG_LEVEL") or "INFO").upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            errors.append(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
        telegram = read_telegram(env, errors)
        whatsapp = read_whatsapp(env, errors)
        limits = read_limits(env, errors)
        allowed_origins = _origins(env, "MEEDENKER_ALLOWED_ORIGINS", (
            f"http://127.0.0.1:{dashboard_port}", f"http://localhost:{dashboard_port}"), errors)
        browser_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        public_rasa_url = (_url(env, "MEEDENKER_PUBLIC_RASA_URL", ("http", "https"), errors)
                           or f"http://{browser_host}:{rasa_port}").rstrip("/")
        session_secret = env.get("DASHBOARD_SESSION_SECRET") or None
        if session_secret is not None and len(session_secret) < 32:
            errors.append("DASHBOARD_SESSION_SECRET must be at least 32 characters")
        action_secret = env.get("ACTION_SERVER_SECRET") or None
        if action_secret is not None and not _ACTION_SECRET.match(action_secret):
            errors.append("ACTION_SERVER_SECRET must be 32 to 256 characters of A-Z a-z 0-9 _ - "
                          "(make run generates one into var/secrets.env)")
        mail = read_mail(env, errors)
        dashboard_url = (_url(env, "MEEDENKER_DASHBOARD_URL", ("http", "https"), errors)
                         or f"http://{browser_host}:{dashboard_port}").rstrip("/")
        outbox_poll = _int(env, "MEEDENKER_OUTBOX_POLL_SECONDS", 15, errors, 1, 3600)
        template = (env.get("WHATSAPP_FOLLOWUP_TEMPLATE") or "").strip() or None
        if template is not None and not _TEMPLATE.match(template):
            errors.append("WHATSAPP_FOLLOWUP_TEMPLATE must be a template name of a-z, 0-9 and _ (as in Meta's "
                          f"WhatsApp Manager), got {template!r}")
        template_language = (env.get("WHATSAPP_FOLLOWUP_TEMPLATE_LANGUAGE") or "nl").strip()
        if not _LANGUAGE.match(template_language):
            errors.append(f"WHATSAPP_FOLLOWUP_TEMPLATE_LANGUAGE must look like nl or en_US, got {template_language!r}")
        require_2fa = (env.get("DASHBOARD_REQUIRE_2FA") or "0").strip()
        if require_2fa not in ("0", "1"):
            errors.append(f"DASHBOARD_REQUIRE_2FA must be 0 or 1, got {require_2fa!r}")
        if errors:
            raise SettingsError("Invalid configuration:\n  - " + "\n  - ".join(errors))
        return cls(
            var_dir=var_dir,
            host=host,
            rasa_port=rasa_port,
            actions_port=actions_port,
            dashboard_port=dashboard_port,
            action_server_url=action_url,
            database_url=database_url,
            redis_url=redis_url,
            rasa_api_token=token,
            secret_key=secret,
            action_timeout_seconds=timeout,
            lock_lifetime_seconds=lifetime,
            helplines_file=helplines,
            office_hours_file=office_hours,
            sociale_kaart_dir=kaart,
            retention_days=retention,
            log_level=level,
            telegram=telegram,
            whatsapp=whatsapp,
            limits=limits,
            allowed_origins=allowed_origins,
            public_rasa_url=public_rasa_url,
            dashboard_session_secret=session_secret,
            dashboard_require_2fa=require_2fa == "1",
            encoder_threads=encoder_threads,
            action_server_secret=action_secret,
            mail=mail,
            dashboard_url=dashboard_url,
            outbox_poll_seconds=outbox_poll,
            whatsapp_followup_template=template,
            whatsapp_followup_language=template_language,
        )


_cached: Settings | None = None


def get_settings() -> Settings:
    """The process-wide settings, read on first use (never at import time)."""
    global _cached
    if _cached is None:
        _cached = Settings.from_env()
    return _cached


def reset_settings_cache() -> None:
    """For tests that change the environment."""
    global _cached
    _cached = None
