"""The Rasa and action servers with Telegram and WhatsApp switched on, talking to local fakes."""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterator

import pytest
import requests

from bot.ops.sender_ids import conversation_id
from tests.channels.fake_apis import FakeApi
from tests.conftest import Servers, base_env

TELEGRAM_TOKEN = "123456789:AAH" + "x" * 32
TELEGRAM_SECRET = "tg-webhook-secret-0123456789"
WHATSAPP_APP_SECRET = "wa-app-secret-0123456789abcdef"
WHATSAPP_VERIFY = "wa-verify-token-0123456789"
PHONE_NUMBER_ID = "109876543210"
RATE_PER_IP = 30  # low, so the per-address limit can be shown; tests that need it use their own address
# Unique across runs too: with REDIS_URL the seen ids outlive a test run for a day.
_ids = itertools.count(uuid.uuid4().int % 2**40)


@dataclass
class Messaging:
    """Helpers that speak to the channels as Telegram and Meta would."""

    servers: Servers
    bot_api: FakeApi
    graph: FakeApi

    @property
    def telegram_url(self) -> str:
        return f"{self.servers.url}/webhooks/telegram/webhook"

    @property
    def whatsapp_url(self) -> str:
        return f"{self.servers.url}/webhooks/whatsapp/webhook"

    def sender(self, channel: str, platform_id: int | str) -> str:
        return conversation_id(channel, str(platform_id), self.servers.env["MEEDENKER_SECRET_KEY"])

    # Telegram -----------------------------------------------------------------------------
    def tg_post(self, update: Any, secret: str | None = TELEGRAM_SECRET, raw: bytes | None = None) -> requests.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        data = raw if raw is not None else json.dumps(update).encode()
        return requests.post(self.telegram_url, data=data, headers=headers, timeout=60)

    @staticmethod
    def tg_message(chat_id: int, text: str | None = None, chat_type: str = "private", **extra: Any) -> dict:
        message = {"message_id": next(_ids), "date": 1764584000, "from": {"id": chat_id, "is_bot": False,
                   "first_name": "Test"}, "chat": {"id": chat_id, "type": chat_type}, **extra}
        if text is not None:
            message["text"] = text
        return {"update_id": next(_ids), "message": message}

    @staticmethod
    def tg_press(chat_id: int, data: str) -> dict:
        return {"update_id": next(_ids), "callback_query": {
            "id": f"cq{next(_ids)}", "from": {"id": chat_id, "is_bot": False, "first_name": "Test"},
            "chat_instance": "1", "data": data,
            "message": {"message_id": next(_ids), "date": 1764584000, "chat": {"id": chat_id, "type": "private"},
                        "text": "knoppen"}}}

    def tg_say(self, chat_id: int, text: str) -> list[dict]:
        """Send a text and return the sendMessage bodies it produced."""
        return self._tg_exchange(self.tg_message(chat_id, text), chat_id)

    def tg_click(self, chat_id: int, data: str) -> list[dict]:
        return self._tg_exchange(self.tg_press(chat_id, data), chat_id)

    def _tg_exchange(self, update: dict, chat_id: int) -> list[dict]:
        before = len(self.bot_api.calls("sendMessage", chat_id=chat_id))
        answer = self.tg_post(update)
        assert answer.status_code == 200, answer.text
        return [r.body for r in self.bot_api.calls("sendMessage", chat_id=chat_id)[before:]]

    # WhatsApp -----------------------------------------------------------------------------
    @staticmethod
    def sign(raw: bytes, secret: str = WHATSAPP_APP_SECRET) -> str:
        return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()

    def wa_post(self, body: Any = None, raw: bytes | None = None, signature: str | None | bool = True) -> requests.Response:
        data = raw if raw is not None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if signature is True:
            headers["X-Hub-Signature-256"] = self.sign(data)
        elif isinstance(signature, str):
            headers["X-Hub-Signature-256"] = signature
        return requests.post(self.whatsapp_url, data=data, headers=headers, timeout=60)

    @staticmethod
    def wa_webhook(*messages: dict, statuses: list | None = None, phone_number_id: str = PHONE_NUMBER_ID) -> dict:
        value: dict[str, Any] = {"messaging_product": "whatsapp",
                                 "metadata": {"display_phone_number": "31850000000", "phone_number_id": phone_number_id}}
        if messages:
            value["contacts"] = [{"profile": {"name": "Test"}, "wa_id": messages[0]["from"]}]
            value["messages"] = list(messages)
        if statuses is not None:
            value["statuses"] = statuses
        return {"object": "whatsapp_business_account",
                "entry": [{"id": "WABA", "changes": [{"value": value, "field": "messages"}]}]}

    @staticmethod
    def wa_text(wa_id: str, text: str, message_id: str | None = None) -> dict:
        return {"from": wa_id, "id": message_id or f"wamid.in{uuid.uuid4().hex}", "timestamp": "1764584000",
                "type": "text", "text": {"body": text}}

    @staticmethod
    def wa_reply(wa_id: str, payload: str, title: str = "Ja", kind: str = "button_reply") -> dict:
        return {"from": wa_id, "id": f"wamid.in{uuid.uuid4().hex}", "timestamp": "1764584000", "type": "interactive",
                "interactive": {"type": kind, kind: {"id": payload, "title": title}}}

    def wa_exchange(self, message: dict) -> list[dict]:
        """Deliver one message and return the Graph API bodies it produced."""
        wa_id = message["from"]
        before = len(self.graph.calls("/messages", to=wa_id))
        answer = self.wa_post(self.wa_webhook(message))
        assert answer.status_code == 200, answer.text
        return [r.body for r in self.graph.calls("/messages", to=wa_id)[before:]]

    def wa_say(self, wa_id: str, text: str) -> list[dict]:
        return self.wa_exchange(self.wa_text(wa_id, text))


def wa_texts(bodies: list[dict]) -> str:
    """What the resident reads in WhatsApp: text bodies and interactive bodies with their choices."""
    parts = []
    for body in bodies:
        if body["type"] == "text":
            parts.append(body["text"]["body"])
        else:
            interactive = body["interactive"]
            parts.append(interactive["body"]["text"])
            action = interactive["action"]
            parts += [b["reply"]["title"] for b in action.get("buttons", [])]
            parts += [row["title"] for section in action.get("sections", []) for row in section["rows"]]
    return "\n".join(parts)


def tg_texts(bodies: list[dict]) -> str:
    return "\n".join(str(body.get("text", "")) for body in bodies)


def _messaging(tmp_path_factory: pytest.TempPathFactory, rate_per_ip: int) -> Iterator[Messaging]:
    bot_api = FakeApi("telegram").start()
    graph = FakeApi("graph").start()
    var_dir = tmp_path_factory.mktemp("messaging")
    env = base_env(var_dir, TELEGRAM_BOT_TOKEN=TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
                   TELEGRAM_API_URL=bot_api.url, WHATSAPP_ACCESS_TOKEN="EAAG-test-access-token-0123456789",
                   WHATSAPP_APP_SECRET=WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN=WHATSAPP_VERIFY,
                   WHATSAPP_PHONE_NUMBER_ID=PHONE_NUMBER_ID, WHATSAPP_API_URL=graph.url,
                   WHATSAPP_API_VERSION="v21.0", MEEDENKER_RATE_PER_IP=str(rate_per_ip))
    running = Servers(env, var_dir).start()
    yield Messaging(running, bot_api, graph)
    running.stop()
    bot_api.stop()
    graph.stop()


@pytest.fixture(scope="session")
def messaging(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Messaging]:
    yield from _messaging(tmp_path_factory, RATE_PER_IP)


@pytest.fixture(scope="session")
def conversations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Messaging]:
    """Telegram and WhatsApp for whole conversations (issues 25, 26): many messages from one test
    address, so without the low per-address limit the `messaging` servers show."""
    yield from _messaging(tmp_path_factory, 100_000)
