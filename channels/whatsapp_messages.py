"""WhatsApp Business Cloud API webhooks in, Graph API message bodies out: pure functions.

The signature over the raw body is checked before anything here runs (channels/whatsapp.py).
A delivery may batch several messages and status callbacks; statuses (sent, delivered, read)
and messages for another phone number are skipped. Images, audio, locations and other media
get a short polite answer: the assistant reads text only.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any, Optional

from channels.limits import MAX_MESSAGE_CHARS
from channels.menus import Choice, numbered, split_text

TEXT_LIMIT = 4096  # characters in a text message body
BODY_LIMIT = 1024  # characters in an interactive message body
MAX_REPLY_BUTTONS, REPLY_TITLE, REPLY_ID = 3, 20, 256
MAX_LIST_ROWS, ROW_TITLE, ROW_ID, LIST_BUTTON = 10, 24, 200, 20
SIGNATURE_PREFIX = "sha256="
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WA_ID = re.compile(r"^\d{5,20}$")
_MEDIA = {"image", "audio", "voice", "video", "document", "sticker", "location", "contacts", "unsupported"}


class WebhookError(ValueError):
    """The body is not a WhatsApp webhook (answered 400)."""


@dataclass(frozen=True)
class WhatsAppEvent:
    """One resident message. kind: text | button | unsupported | too_long"""

    kind: str
    wa_id: str
    message_id: str
    text: str = ""


def signature_ok(raw: bytes, header: Optional[str], app_secret: str) -> bool:
    """Meta's X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw body, compared in constant time."""
    if not header or not header.startswith(SIGNATURE_PREFIX):
        return False
    expected = hmac.new(app_secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header[len(SIGNATURE_PREFIX):].strip().lower().encode())


def _clean(text: Any) -> str:
    return _CONTROL.sub("", text).strip() if isinstance(text, str) else ""


def _message_event(message: Any) -> Optional[WhatsAppEvent]:
    if not isinstance(message, dict):
        raise WebhookError("message is not an object")
    wa_id, message_id, kind = message.get("from"), message.get("id"), message.get("type")
    if not isinstance(wa_id, str) or not _WA_ID.match(wa_id):
        raise WebhookError("message without a valid sender")
    if not isinstance(message_id, str) or not 1 <= len(message_id) <= 256:
        raise WebhookError("message without an id")
    if kind == "text":
        body = message.get("text")
        text = _clean(body.get("body") if isinstance(body, dict) else None).lstrip("/").strip()
        if not text:
            return None
        if len(text) > MAX_MESSAGE_CHARS:
            return WhatsAppEvent("too_long", wa_id, message_id)
        return WhatsAppEvent("text", wa_id, message_id, text)
    if kind == "interactive":
        interactive = message.get("interactive")
        reply = None
        if isinstance(interactive, dict):
            reply = interactive.get("button_reply") or interactive.get("list_reply")
        payload = _clean(reply.get("id") if isinstance(reply, dict) else None)
        return WhatsAppEvent("button", wa_id, message_id, payload[:REPLY_ID]) if payload else None
    if kind == "button":  # a quick reply on a template message
        button = message.get("button")
        payload = _clean(button.get("payload") if isinstance(button, dict) else None)
        return WhatsAppEvent("button", wa_id, message_id, payload[:REPLY_ID]) if payload else None
    if kind in _MEDIA:
        return WhatsAppEvent("unsupported", wa_id, message_id)
    return None  # reactions, system notices, order messages: nothing to answer


@dataclass(frozen=True)
class Delivery:
    """The resident messages of one delivery, and why any malformed parts were skipped."""

    events: list[WhatsAppEvent]
    skipped: list[str]


def parse_webhook(data: Any, phone_number_id: str) -> list[WhatsAppEvent]:
    """The resident messages in one delivery for our phone number, in order."""
    return read_delivery(data, phone_number_id).events


def read_delivery(data: Any, phone_number_id: str) -> Delivery:
    """Like `parse_webhook`, but a malformed entry, change or message is skipped with its reason
    (issue 28): the valid messages of the same delivery are still answered. Only a body that is
    not a WhatsApp webhook at all raises WebhookError."""
    if not isinstance(data, dict) or data.get("object") != "whatsapp_business_account":
        raise WebhookError("not a WhatsApp Business webhook")
    entries = data.get("entry")
    if not isinstance(entries, list):
        raise WebhookError("entry is not a list")
    events: list[WhatsAppEvent] = []
    skipped: list[str] = []
    for entry in entries:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        if not isinstance(changes, list):
            skipped.append("changes is not a list")
            continue
        for change in changes:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict) or change.get("field") != "messages":
                continue
            metadata = value.get("metadata")
            if not isinstance(metadata, dict) or str(metadata.get("phone_number_id")) != phone_number_id:
                continue
            messages = value.get("messages", [])
            if not isinstance(messages, list):
                skipped.append("messages is not a list")
                continue
            for message in messages:
                try:
                    event = _message_event(message)
                except WebhookError as error:
                    skipped.append(str(error))
                    continue
                if event is not None:
                    events.append(event)
    return Delivery(events, skipped)


@dataclass(frozen=True)
class Outgoing:
    """Graph API message bodies for one bot message, and the menu to remember when numbered."""

    bodies: list[dict[str, Any]]
    menu: list[str]


def _envelope(to: str, kind: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": kind, kind: content}


def _texts(to: str, text: str) -> list[dict[str, Any]]:
    return [_envelope(to, "text", {"body": piece, "preview_url": False}) for piece in split_text(text, TEXT_LIMIT)]


def render(to: str, text: str, choices: list[Choice], list_button: str, number_hint: str) -> Outgoing:
    """Reply buttons (≤3, short titles), else a list (≤10 rows), else numbered text."""
    text = text.strip()
    if not choices:
        return Outgoing(_texts(to, text), [])
    fits_body = 0 < len(text) <= BODY_LIMIT
    if fits_body and len(choices) <= MAX_REPLY_BUTTONS and all(
            len(c.title) <= REPLY_TITLE and len(c.payload) <= REPLY_ID for c in choices):
        buttons = [{"type": "reply", "reply": {"id": c.payload, "title": c.title}} for c in choices]
        return Outgoing([_envelope(to, "interactive", {
            "type": "button", "body": {"text": text}, "action": {"buttons": buttons}})], [])
    if fits_body and len(choices) <= MAX_LIST_ROWS and 0 < len(list_button) <= LIST_BUTTON and all(
            len(c.title) <= ROW_TITLE and len(c.payload) <= ROW_ID for c in choices):
        rows = [{"id": c.payload, "title": c.title} for c in choices]
        return Outgoing([_envelope(to, "interactive", {
            "type": "list", "body": {"text": text},
            "action": {"button": list_button, "sections": [{"rows": rows}]}})], [])
    return Outgoing(_texts(to, numbered(text, choices, number_hint)), [c.payload for c in choices])
