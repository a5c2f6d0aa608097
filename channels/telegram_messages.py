"""Telegram Bot API updates in, inline keyboards out: pure functions, tested without a network.

Only private chats are conversations: in a group other members would read a resident's worries,
so group messages are ignored, and a command there (/start) gets one line saying why.
Anything that is not text (stickers, photos, voice) or an edited message gets a short polite
answer; service updates (a member joined, a poll, a channel post) are ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from channels.limits import MAX_MESSAGE_CHARS
from channels.menus import Choice, Link

TEXT_LIMIT = 4096  # characters in one Telegram message
CALLBACK_DATA_BYTES = 64  # Telegram's limit for an inline button's callback_data
START_PAYLOAD = "/groet"  # /start means hello: the same intent the web's first message gets
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MEDIA = ("sticker", "photo", "voice", "audio", "video", "video_note", "document", "animation",
          "location", "venue", "contact", "poll", "dice", "game", "story")


class UpdateError(ValueError):
    """The body is not a Telegram update (answered 400; Telegram itself never sends one)."""


@dataclass(frozen=True)
class TelegramEvent:
    """What one update asks of the assistant.

    kind: text | button | start | unsupported | edited | group | too_long | ignore
    """

    kind: str
    update_id: int
    chat_id: Optional[int] = None
    text: str = ""
    callback_id: Optional[str] = None


def _int(value: Any) -> Optional[int]:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _chat(message: dict) -> tuple[Optional[int], str]:
    chat = message.get("chat")
    if not isinstance(chat, dict):
        return None, ""
    kind = chat.get("type")
    return _int(chat.get("id")), kind if isinstance(kind, str) else ""


def _from_bot(message: dict) -> bool:
    sender = message.get("from")
    return isinstance(sender, dict) and sender.get("is_bot") is True


def _message_event(update_id: int, message: dict) -> TelegramEvent:
    chat_id, chat_type = _chat(message)
    if chat_id is None or _from_bot(message):
        return TelegramEvent("ignore", update_id)
    text = message.get("text")
    text = _CONTROL.sub("", text).strip() if isinstance(text, str) else ""
    if chat_type != "private":
        is_command = text.startswith("/")
        return TelegramEvent("group" if is_command else "ignore", update_id, chat_id)
    if text.startswith("/start") and (len(text) == 6 or text[6] in " @"):
        return TelegramEvent("start", update_id, chat_id, START_PAYLOAD)
    text = text.lstrip("/").strip()  # a typed command is text: only buttons carry intents
    if text:
        if len(text) > MAX_MESSAGE_CHARS:
            return TelegramEvent("too_long", update_id, chat_id)
        return TelegramEvent("text", update_id, chat_id, text)
    if any(key in message for key in _MEDIA):
        return TelegramEvent("unsupported", update_id, chat_id)
    return TelegramEvent("ignore", update_id, chat_id)


def _callback_event(update_id: int, query: dict) -> TelegramEvent:
    query_id = query.get("id")
    if not isinstance(query_id, str) or not query_id:
        raise UpdateError("callback_query without id")
    message = query.get("message")
    chat_id, chat_type = _chat(message) if isinstance(message, dict) else (None, "")
    data = query.get("data")
    if chat_id is None or chat_type != "private" or not isinstance(data, str) or not data.strip():
        return TelegramEvent("ignore", update_id, chat_id, callback_id=query_id)
    data = _CONTROL.sub("", data).strip()[:CALLBACK_DATA_BYTES * 4]
    return TelegramEvent("button", update_id, chat_id, data, callback_id=query_id)


def parse_update(data: Any) -> TelegramEvent:
    """Read one update (already decoded JSON); UpdateError when it is not an update at all."""
    if not isinstance(data, dict):
        raise UpdateError("not an object")
    update_id = _int(data.get("update_id"))
    if update_id is None:
        raise UpdateError("no update_id")
    message = data.get("message")
    if isinstance(message, dict):
        return _message_event(update_id, message)
    query = data.get("callback_query")
    if isinstance(query, dict):
        return _callback_event(update_id, query)
    edited = data.get("edited_message")
    if isinstance(edited, dict):
        chat_id, chat_type = _chat(edited)
        if chat_id is not None and chat_type == "private" and not _from_bot(edited):
            return TelegramEvent("edited", update_id, chat_id)
    return TelegramEvent("ignore", update_id)


def keyboard_rows(choices: list[Choice], links: list[Link]) -> Optional[list[list[dict[str, str]]]]:
    """One button per row (long Dutch titles stay readable on a phone); None when a payload is
    too long for callback_data, so the caller shows numbered text instead."""
    if any(len(choice.payload.encode()) > CALLBACK_DATA_BYTES for choice in choices):
        return None
    rows = [[{"text": choice.title[:64], "callback_data": choice.payload}] for choice in choices]
    rows += [[{"text": link.title[:64], "url": link.url}] for link in links]
    return rows
