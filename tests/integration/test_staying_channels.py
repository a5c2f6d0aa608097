"""Issue 25's flows on every channel: REST, the website widget, Telegram and WhatsApp.

The same three conversations (a suicidal remark, violence at home, no bed tonight) are played on
each channel through the real servers and the channels' own code (Telegram and Meta are local fakes).
The resident presses buttons the way each channel shows them: REST and widget buttons, Telegram's
inline keyboard, WhatsApp's reply buttons or list rows. What differs per channel is asserted per
channel: how to close or delete the chat, and that the widget (which keeps a crisis bar) gets no
reminder of the numbers.
"""
from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests

from tests.integration.conftest import Messaging

pytestmark = pytest.mark.servers
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


@pytest.fixture(params=CHANNELS)
def resident(request, conversations: Messaging) -> Resident:
    return Resident(request.param, conversations)


def test_after_a_suicidal_remark_the_assistant_stays_on_every_channel(resident: Resident):
    first = resident.say("Ik zorg al drie jaar voor mijn moeder. Zij heeft dementie. Ik ben zo moe.")
    assert "Klopt dat?" in first.text
    crisis = resident.say("soms denk ik, was ik er maar niet meer")
    assert "0800-0113" in crisis.text and "Bent u nu veilig?" in crisis.text
    assert "Wat fijn" not in crisis.text
    titles = [title for title, _ in crisis.buttons]
    assert "Bellen is te moeilijk" in titles or "Bellen te moeilijk" in titles, (resident.channel, titles)
    chat = resident.press(next(t for t in titles if t.startswith("Bellen")))
    assert "113.nl" in chat.text and "anoniem" in chat.text, chat.text
    stays = resident.say("ok doei")
    assert "Ik ben er als u terugkomt" in stays.text and "0800-0113" in stays.text
    assert "sterkte" not in stays.text and "Dank u wel voor uw bericht" not in stays.text
    # The widget keeps the numbers in its crisis bar; other channels get no reminder so soon either.
    assert all("Denk aan de nummers" not in said for said in (chat.text, stays.text))


def test_violence_at_home_safe_contact_and_a_way_out_per_channel(resident: Resident):
    first = resident.say("Mijn man neemt mijn telefoon af en hij heeft me gisteren geduwd")
    assert "0800-2000" in first.text and "chat" in first.text
    assert "Kan iemand anders op uw telefoon" in first.text
    # Her own question: never "hulp voor iemand anders".
    assert "iemand anders" not in first.text.replace("Kan iemand anders op uw telefoon", "")
    seen = resident.say("kan hij dit gesprek zien?")
    how_to_close = {"widget": "Snel weg", "telegram": "Telegram", "whatsapp": "WhatsApp", "rest": "bewaren"}
    assert how_to_close[resident.channel] in seen.text, (resident.channel, seen.text)
    assert "bewaren" in seen.text.lower()  # what is stored, and how long
    coming = resident.say("hij komt eraan")
    assert len(coming.messages) == 1, coming.messages  # one short line, nothing else
    line = {"widget": "klik bovenaan op Snel weg", "telegram": "Wis deze chat nu", "whatsapp": "Wis deze chat nu",
            "rest": "Sluit dit gesprek nu"}
    assert line[resident.channel] in coming.text and "112" in coming.text, coming.text


def test_no_bed_tonight_gets_todays_contacts_and_an_urgent_callback_on_every_channel(resident: Resident):
    first = resident.say("mn vader heeft me eruit gegooid en ik heb vannacht geen slaapplek")
    assert "Dit kan niet wachten" in first.text and "In welke gemeente of plaats ben je nu?" in first.text
    assert "maandag" not in first.text.lower() and "niemand mag" not in first.text.lower()
    today = resident.say("ik ben in Goes")
    assert "Hier kun je vandaag terecht" in today.text and "voorrang" in today.text
    yes = [title for title, _ in today.buttons if title.lower().startswith("ja")]
    assert yes, (resident.channel, today.buttons)
    consent = resident.press(yes[0])
    # The place was given: the form does not ask the gemeente again.
    asked = resident.press([t for t, _ in consent.buttons if t.lower().startswith("ja")][0]) \
        if consent.buttons else consent
    assert "gemeente" not in asked.text.lower() and "noemen" in asked.text, asked.text
