"""A resident on any of the four channels (REST, the website widget, Telegram, WhatsApp) for whole
conversations through the real servers: types text, or presses a button the way that channel shows
it (REST and widget buttons, Telegram's inline keyboard, WhatsApp's reply buttons or list rows)."""
from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from tests.integration.conftest import Messaging

_telegram_chats = itertools.count(730_000_001)
_whatsapp_ids = itertools.count(31_630_000_001)
CHANNELS = ("rest", "widget", "telegram", "whatsapp")


@dataclass
class Said:
    """What the resident sees after one message: the texts, and the buttons with what they send."""

    messages: list[str]
    buttons: list[tuple[str, str]]
    list_rows: frozenset[str] = frozenset()  # WhatsApp: titles shown as list rows, not reply buttons

    @property
    def text(self) -> str:
        return "\n".join(self.messages)


@dataclass
class Resident:
    """One resident on one channel: types text, or presses a button shown in the last reply."""

    channel: str
    messaging: Messaging
    address: str = ""
    last: Said = field(default_factory=lambda: Said([], []))

    def __post_init__(self) -> None:
        self.address = {"telegram": lambda: str(next(_telegram_chats)),
                        "whatsapp": lambda: str(next(_whatsapp_ids))}.get(self.channel, lambda: uuid.uuid4().hex)()

    def say(self, text: str) -> Said:
        return self._send(text, pressed=None)

    def press(self, title: str) -> Said:
        """Press the button with this title in the last reply (it must be there)."""
        payloads = [payload for shown, payload in self.last.buttons if shown == title]
        assert payloads, (self.channel, title, self.last.buttons)
        return self._send(payloads[0], pressed=title)

    def _send(self, text: str, pressed: str | None) -> Said:
        if self.channel in ("rest", "widget"):
            metadata = {"message_id": uuid.uuid4().hex, **({"client": "widget"} if self.channel == "widget" else {})}
            answer = requests.post(f"{self.messaging.servers.url}/webhooks/rest/webhook", timeout=90, json={
                "sender": f"ch-{self.address}", "message": text, "metadata": metadata})
            answer.raise_for_status()
            self.last = _rest(answer.json())
        elif self.channel == "telegram":
            chat = int(self.address)
            bodies = self.messaging.tg_click(chat, text) if pressed else self.messaging.tg_say(chat, text)
            self.last = _telegram(bodies)
        else:
            kind = "list_reply" if pressed in self.last.list_rows else "button_reply"
            message = (self.messaging.wa_reply(self.address, text, title=pressed or "", kind=kind)
                       if pressed else self.messaging.wa_text(self.address, text))
            self.last = _whatsapp(self.messaging.wa_exchange(message))
        return self.last


def _rest(messages: list[dict[str, Any]]) -> Said:
    return Said([m.get("text", "") for m in messages],
                [(b["title"], b.get("payload") or b.get("url", "")) for m in messages for b in m.get("buttons", [])])


def _telegram(bodies: list[dict[str, Any]]) -> Said:
    buttons = []
    for body in bodies:
        markup = body.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        buttons += [(b["text"], b.get("callback_data") or b.get("url", "")) for row in markup.get("inline_keyboard", []) for b in row]
    return Said([str(body.get("text", "")) for body in bodies], buttons)


def _whatsapp(bodies: list[dict[str, Any]]) -> Said:
    messages, buttons, rows = [], [], set()
    for body in bodies:
        if body["type"] == "text":
            messages.append(body["text"]["body"])
            continue
        interactive = body["interactive"]
        messages.append(interactive["body"]["text"])
        action = interactive["action"]
        buttons += [(b["reply"]["title"], b["reply"]["id"]) for b in action.get("buttons", [])]
        for section in action.get("sections", []):
            buttons += [(row["title"], row["id"]) for row in section["rows"]]
            rows.update(row["title"] for row in section["rows"])
    return Said(messages, buttons, frozenset(rows))


