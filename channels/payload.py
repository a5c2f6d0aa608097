"""Parsing of the REST channel's request body, as a pure function with its own tests.

Bad input gets a reason code; the polite Dutch text for it is a response in domain.yml.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from channels.limits import MAX_BODY_BYTES, MAX_MESSAGE_CHARS

_SENDER = re.compile(r"^[A-Za-z0-9_.:@\-]{1,128}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PAYLOAD = re.compile(r"^/[a-z_]+(\{.*\})?$")

class PayloadError(ValueError):
    def __init__(self, code: str, status: int) -> None:
        super().__init__(code)
        self.code = code
        self.status = status

    @property
    def response_name(self) -> str:
        """The domain.yml response that explains the problem to the resident."""
        return f"utter_invoer_{self.code}"


KNOWN_CLIENTS = ("widget",)  # REST clients whose look the replies may depend on


@dataclass(frozen=True)
class IncomingMessage:
    sender: str
    text: str
    message_id: str | None
    client: str | None = None  # "widget" when the website widget sent it (it keeps a crisis bar)


def parse_body(raw: bytes) -> IncomingMessage:
    """Validate a REST webhook body: JSON with a sender id and a non-empty message."""
    if len(raw) > MAX_BODY_BYTES:
        raise PayloadError("too_big", 413)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PayloadError("not_json", 400) from None
    if not isinstance(data, dict):
        raise PayloadError("not_json", 400)
    sender = data.get("sender")
    if not isinstance(sender, str) or not _SENDER.match(sender):
        raise PayloadError("no_sender", 400)
    text = data.get("message")
    if not isinstance(text, str):
        raise PayloadError("empty", 400)
    text = _CONTROL.sub("", text).strip()
    if not text:
        raise PayloadError("empty", 400)
    if len(text) > MAX_MESSAGE_CHARS:
        raise PayloadError("too_long", 413)
    metadata = data.get("metadata")
    message_id = None
    if isinstance(metadata, dict) and isinstance(metadata.get("message_id"), (str, int)):
        message_id = str(metadata["message_id"])[:128]
    elif isinstance(data.get("message_id"), (str, int)):
        message_id = str(data["message_id"])[:128]
    client = None
    if isinstance(metadata, dict) and metadata.get("client") in KNOWN_CLIENTS:
        client = str(metadata["client"])
    return IncomingMessage(sender=sender, text=text, message_id=message_id, client=client)


def is_button_payload(text: str) -> bool:
    """Button payloads (/intent{...}) are not resident text and are passed on unmasked."""
    return bool(_PAYLOAD.match(text))
