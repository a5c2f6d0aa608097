"""Once-only turns across replicas: a message id already in the tracker is answered, not handled.

Why: a widget resends a message with the same id when an answer does not arrive (a Rasa replica
died after storing the turn, a phone lost its connection). The REST channel keeps recent answers
per process, but behind a load balancer the retry may reach another replica. Each replica checks
under the conversation lock (Redis when several replicas share it) whether the tracker it has just
loaded already holds a user message with this id; if so, it sends that turn's stored answers again
and stores nothing. The tracker store is the shared memory; no extra database call is made.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

MESSAGE_ID_KEY = "message_id"  # in the message metadata, set by the channels (channels/rest.py)
_DATA_KEYS = ("elements", "quick_replies", "buttons", "attachment", "image", "custom")


class AlreadyAnswered(Exception):
    """Raised inside the lock when the message was handled before; carries the answers sent then."""

    def __init__(self, messages: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(messages)} stored answers")
        self.messages = messages


def client_message_id(metadata: Optional[dict[str, Any]]) -> Optional[str]:
    value = (metadata or {}).get(MESSAGE_ID_KEY)
    return value if isinstance(value, str) and value else None


def stored_answers(events: Iterable[Any], message_id: str) -> Optional[list[dict[str, Any]]]:
    """The bot messages that followed the user message with this client id, or None if it is new.

    Events are Rasa event objects; only their attributes are read (no serialisation per turn).
    """
    ordered = list(events)
    for index in range(len(ordered) - 1, -1, -1):
        event = ordered[index]
        if getattr(event, "type_name", None) != "user":
            continue
        if client_message_id(getattr(event, "metadata", None)) != message_id:
            continue
        answers = []
        for later in ordered[index + 1:]:
            kind = getattr(later, "type_name", None)
            if kind == "user":
                break
            if kind == "bot":
                answers.append(as_message(later))
        return answers
    return None


def as_message(event: Any) -> dict[str, Any]:
    """A stored BotUttered as the dict an output channel's `send_response` takes."""
    message: dict[str, Any] = {k: v for k, v in (getattr(event, "metadata", None) or {}).items()}
    message["text"] = getattr(event, "text", None)
    for key in _DATA_KEYS:
        value = (getattr(event, "data", None) or {}).get(key)
        if value is not None:
            message[key] = value
    return message
