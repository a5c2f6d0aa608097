"""Typed mail settings, read by bot/ops/settings.py with the other variables.

Mail is off when MEEDENKER_SMTP_URL is unset. When it is set, a malformed value or a missing
sender stops the start with the variable's name: mail that silently never leaves would leave
coordinators thinking that no resident is waiting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class MailSettings:
    """Where mail goes out and what it says it is from."""

    host: str
    port: int
    implicit_tls: bool  # smtps:// (TLS from the first byte); smtp:// uses STARTTLS
    sender: str  # MEEDENKER_MAIL_FROM, e.g. "Meedenker <noreply@gemeente.nl>"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: Path | None = None  # MEEDENKER_SMTP_CA_FILE: a private CA for the mail server
    digest_hour: int = 8  # local hour after which the day's digest goes out
    due_soon_hours: int = 4  # warn this long before a ticket's due time

    def describe(self) -> str:
        """For `make run`: where mail goes, without the password."""
        scheme = "smtps" if self.implicit_tls else "smtp+STARTTLS"
        who = f"{self.username}@" if self.username else ""
        return f"on, {scheme}://{who}{self.host}:{self.port}, from {self.sender}"


def _whole(env: Mapping[str, str], name: str, default: int, lo: int, hi: int, errors: list[str]) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not lo <= int(raw) <= hi:
        errors.append(f"{name} must be a whole number from {lo} to {hi}, got {raw!r}")
        return default
    return int(raw)


def read_mail(env: Mapping[str, str], errors: list[str]) -> MailSettings | None:
    """The mail settings, or None when MEEDENKER_SMTP_URL is unset (mail off)."""
    raw = (env.get("MEEDENKER_SMTP_URL") or "").strip()
    if not raw:
        if env.get("MEEDENKER_MAIL_FROM"):
            errors.append("MEEDENKER_MAIL_FROM is set but MEEDENKER_SMTP_URL is not (mail stays off)")
        return None
    parts = urlsplit(raw)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        errors.append("MEEDENKER_SMTP_URL must look like smtp://user:pass@host:587 (STARTTLS) "
                      "or smtps://user:pass@host:465")
        return None
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        errors.append("MEEDENKER_SMTP_URL has a port that is not a number from 1 to 65535")
        return None
    if parts.path not in ("", "/") or parts.query:
        errors.append("MEEDENKER_SMTP_URL takes no path or query")
    sender = (env.get("MEEDENKER_MAIL_FROM") or "").strip()
    if not sender:
        errors.append("MEEDENKER_MAIL_FROM is required when MEEDENKER_SMTP_URL is set")
    elif not _ADDRESS.match(parseaddr(sender)[1] or "") or "\n" in sender or "\r" in sender:
        errors.append(f"MEEDENKER_MAIL_FROM must be an e-mail address like noreply@gemeente.nl, got {sender!r}")
    ca_raw = (env.get("MEEDENKER_SMTP_CA_FILE") or "").strip()
    ca_file = Path(ca_raw) if ca_raw else None
    if ca_file is not None and not ca_file.is_file():
        errors.append(f"MEEDENKER_SMTP_CA_FILE points to a missing file: {ca_file}")
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    if username and not password:
        errors.append("MEEDENKER_SMTP_URL has a user name but no password")
    return MailSettings(
        host=parts.hostname, port=port, implicit_tls=parts.scheme == "smtps", sender=sender,
        username=username, password=password, ca_file=ca_file,
        digest_hour=_whole(env, "MEEDENKER_MAIL_DIGEST_HOUR", 8, 0, 23, errors),
        due_soon_hours=_whole(env, "MEEDENKER_MAIL_DUE_SOON_HOURS", 4, 1, 72, errors),
    )
