"""Rasa buttons as a channel can show them, and numbered text where it cannot (pure functions).

A response's buttons are either choices (a payload the resident sends back: "/bevestigen",
"ochtend") or links (`tel:113`). Messaging apps make a phone number in the text tappable, so a
`tel:` link adds nothing there and is left out; the numbers are always in the text itself.
When a channel cannot show the choices as buttons, they become "1. Wonen" lines and the
resident's "1" is mapped back to the payload (channels/state.py keeps the open menu).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


@dataclass(frozen=True)
class Choice:
    title: str
    payload: str


@dataclass(frozen=True)
class Link:
    title: str
    url: str


def choices_and_links(buttons: Iterable[Any]) -> tuple[list[Choice], list[Link]]:
    """Split a response's buttons; anything that is neither a choice nor an http(s) link is dropped."""
    choices: list[Choice] = []
    links: list[Link] = []
    for button in buttons or []:
        if not isinstance(button, dict):
            continue
        title = str(button.get("title") or "").strip()
        payload = button.get("payload")
        url = button.get("url")
        if title and isinstance(payload, str) and payload.strip():
            choices.append(Choice(title, payload.strip()))
        elif title and isinstance(url, str) and url.startswith(("https://", "http://")):
            links.append(Link(title, url))
    return choices, links


def numbered(text: str, choices: list[Choice], hint: str) -> str:
    """The message text with the choices as numbered lines and a hint how to answer."""
    lines = "\n".join(f"{n}. {choice.title}" for n, choice in enumerate(choices, start=1))
    return "\n\n".join(part for part in (text.strip(), lines, hint.strip()) if part)


def chosen(text: str, menu: list[str]) -> str | None:
    """The payload a typed number stands for in the open menu, or None when it is not a choice."""
    match = _NUMBER.match(text)
    if not match or not menu:
        return None
    index = int(match.group(1))
    return menu[index - 1] if 1 <= index <= len(menu) else None


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at a paragraph, line, sentence or word if possible."""
    text = text.strip()
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            at = window.rfind(separator, 0, limit)
            if at > limit // 3:
                cut = at + (1 if separator == ". " else 0)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        pieces.append(text)
    return pieces
