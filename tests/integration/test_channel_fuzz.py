"""Fuzzing the webhooks over HTTP: whatever an authenticated caller sends, the server answers
without a 5xx (hypothesis; a few hundred examples per webhook in `make test`)."""
from __future__ import annotations

import json

import pytest
import requests
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.integration.conftest import PHONE_NUMBER_ID, TELEGRAM_SECRET, Messaging

pytestmark = pytest.mark.servers
FUZZ = settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SHAPED = settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=25)
texts = st.text(max_size=300) | st.sampled_from(["/start", "/bevestigen", "1", "😢😢", "<script>x</script>",
                                                 "ik wil niet meer leven", "\x00\x01", "a" * 2500])
anything = scalars | json_values

chat = st.fixed_dictionaries({"id": st.integers(min_value=730_000_000, max_value=739_999_999) | anything,
                              "type": st.sampled_from(["private", "group", "supergroup", "channel"]) | anything})
tg_message = st.fixed_dictionaries({"message_id": st.integers() | anything, "chat": chat | anything},
                                   optional={"text": texts | anything, "from": anything, "sticker": anything,
                                             "photo": anything, "date": anything})
telegram_updates = st.fixed_dictionaries(
    {"update_id": st.integers(min_value=-2**40, max_value=2**40) | anything},
    optional={"message": tg_message | anything, "edited_message": tg_message,
              "callback_query": st.fixed_dictionaries({"id": st.text(max_size=10) | anything},
                                                      optional={"data": texts | anything, "message": tg_message})})

wa_message = st.fixed_dictionaries(
    {"from": st.from_regex(r"\A31[0-9]{9}\Z") | anything, "id": st.text(min_size=1, max_size=30) | anything,
     "type": st.sampled_from(["text", "interactive", "button", "image", "audio", "location", "reaction"]) | anything},
    optional={"text": st.fixed_dictionaries({"body": texts | anything}) | anything,
              "interactive": st.fixed_dictionaries({"type": st.just("button_reply"),
                                                    "button_reply": st.fixed_dictionaries({"id": texts | anything})}),
              "button": anything})
whatsapp_webhooks = st.fixed_dictionaries({
    "object": st.just("whatsapp_business_account") | anything,
    "entry": st.lists(st.fixed_dictionaries({"changes": st.lists(st.fixed_dictionaries({
        "field": st.just("messages") | anything,
        "value": st.fixed_dictionaries({"metadata": st.fixed_dictionaries({"phone_number_id": st.just(PHONE_NUMBER_ID)})},
                                       optional={"messages": st.lists(wa_message | anything, max_size=3) | anything,
                                                 "statuses": anything})}), max_size=2) | anything}), max_size=2)
             | anything})


def post_telegram(messaging: Messaging, raw: bytes) -> int:
    return requests.post(messaging.telegram_url, data=raw, timeout=60, headers={
        "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET, "Content-Type": "application/json"}).status_code


def post_whatsapp(messaging: Messaging, raw: bytes) -> int:
    return messaging.wa_post(raw=raw).status_code  # correctly signed


def encode(value) -> bytes:
    return json.dumps(value).encode()


@FUZZ
@given(body=json_values | st.binary(max_size=300))
def test_telegram_any_body(messaging, body):
    raw = body if isinstance(body, bytes) else encode(body)
    assert post_telegram(messaging, raw) in (200, 400)


@SHAPED
@given(update=telegram_updates)
def test_telegram_update_shaped_bodies(messaging, update):
    assert post_telegram(messaging, encode(update)) in (200, 400)


@FUZZ
@given(body=json_values | st.binary(max_size=300))
def test_whatsapp_any_body(messaging, body):
    raw = body if isinstance(body, bytes) else encode(body)
    assert post_whatsapp(messaging, raw) in (200, 400)


@SHAPED
@given(webhook=whatsapp_webhooks)
def test_whatsapp_webhook_shaped_bodies(messaging, webhook):
    assert post_whatsapp(messaging, encode(webhook)) in (200, 400)


def test_the_servers_logged_no_unhandled_error(messaging):
    logs = messaging.servers.logs()
    assert "Exception occurred while handling uri" not in logs  # Sanic's line for an unhandled error
    assert "message failed (sender" not in logs  # channels/conversation.py's line for a failed turn
