"""Rate limits over HTTP: one address and one sender are slowed with a polite answer, on REST and
on the webhooks. Each test calls from its own loopback address (127.0.0.x), so counts never mix."""
from __future__ import annotations

import json
import uuid

import httpx
import pytest

from tests.integration.conftest import RATE_PER_IP, TELEGRAM_SECRET, Messaging

pytestmark = pytest.mark.servers


def client_from(address: str) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60)


def test_rest_slows_one_address_with_a_polite_dutch_answer(messaging: Messaging):
    with client_from("127.0.0.21") as client:
        statuses = [client.post(f"{messaging.servers.url}/webhooks/rest/webhook", content=b"{broken").status_code
                    for _ in range(RATE_PER_IP)]
        throttled = client.post(f"{messaging.servers.url}/webhooks/rest/webhook",
                                json={"sender": "x", "message": "hallo"})
    assert statuses == [400] * RATE_PER_IP
    assert throttled.status_code == 429
    assert "Wacht een minuut" in throttled.json()["messages"][0]["text"]


def test_rest_slows_one_sender(messaging: Messaging):
    sender = f"flood-{uuid.uuid4().hex[:8]}"
    with client_from("127.0.0.22") as client:
        answers = [client.post(f"{messaging.servers.url}/webhooks/rest/webhook",
                               json={"sender": sender, "message": "ik zoek werk"}) for _ in range(21)]
    assert [a.status_code for a in answers[:20]] == [200] * 20
    assert answers[20].status_code == 429 and answers[20].json()["error"] == "too_many_requests"


def test_telegram_slows_an_address_that_keeps_guessing_but_not_real_deliveries(messaging: Messaging):
    update = messaging.tg_message(720_000_001, "ik zoek werk")
    with client_from("127.0.0.23") as client:
        statuses = [client.post(messaging.telegram_url, content=json.dumps(update),
                                headers={"X-Telegram-Bot-Api-Secret-Token": f"guess-{n:020d}"}).status_code
                    for n in range(RATE_PER_IP + 2)]
        real = client.post(messaging.telegram_url, content=json.dumps(update),
                           headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})
    assert statuses[:RATE_PER_IP] == [403] * RATE_PER_IP and statuses[RATE_PER_IP:] == [429, 429]
    assert real.status_code == 200 and messaging.bot_api.wait_for(1, "sendMessage", chat_id=720_000_001)


def test_whatsapp_slows_an_address_that_keeps_forging(messaging: Messaging):
    raw = json.dumps(messaging.wa_webhook(messaging.wa_text("31699000001", "hoi"))).encode()
    with client_from("127.0.0.24") as client:
        statuses = [client.post(messaging.whatsapp_url, content=raw).status_code for _ in range(RATE_PER_IP + 1)]
        real = client.post(messaging.whatsapp_url, content=raw, headers={"X-Hub-Signature-256": messaging.sign(raw)})
    assert statuses == [401] * RATE_PER_IP + [429]
    assert real.status_code == 200 and messaging.graph.wait_for(1, to="31699000001")


def test_refusals_are_logged_without_the_residents_text(messaging: Messaging):
    marker = f"geheimverhaal{uuid.uuid4().hex[:8]}"
    assert messaging.tg_post(None, raw=b'{"update_id": "x", "text": "%s"}' % marker.encode()).status_code == 400
    assert messaging.tg_post(messaging.tg_message(1, marker), secret="wrong-secret-0123456789").status_code == 403
    assert messaging.wa_post(raw=b'{"object": "%s"}' % marker.encode()).status_code == 400
    assert messaging.wa_post(raw=b"x" * (300 * 1024) + marker.encode()).status_code == 413
    logs = messaging.servers.logs()
    assert "Telegram update refused: UpdateError" in logs and "Telegram webhook refused (403)" in logs
    assert "WhatsApp webhook refused: WebhookError" in logs and "WhatsApp webhook refused: too big" in logs
    assert marker not in logs
