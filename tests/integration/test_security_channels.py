"""Issue 28 on the real Rasa server with Telegram and WhatsApp on (findings 3 and 6)."""
from __future__ import annotations

import random

from tests.integration.conftest import Messaging, wa_texts


def _wa_id() -> str:
    return "316" + "".join(random.choice("0123456789") for _ in range(8))


def test_a_batch_with_one_malformed_message_answers_the_valid_one(messaging: Messaging):
    wa_id = _wa_id()
    before = len(messaging.graph.calls("/messages", to=wa_id))
    bad = {"from": "+31 6 1234", "id": "wamid.kapot", "type": "text", "text": {"body": "hoi"}}
    answer = messaging.wa_post(messaging.wa_webhook(messaging.wa_text(wa_id, "hallo"), bad))
    assert answer.status_code == 200, answer.text
    bodies = [r.body for r in messaging.graph.calls("/messages", to=wa_id)[before:]]
    assert wa_texts(bodies).strip(), "the valid message got no answer"
    logs = messaging.servers.logs()
    assert "one malformed part skipped (message without a valid sender)" in logs


def _stored_user_texts(messaging: Messaging, sender: str) -> str:
    events = messaging.servers.tracker(sender)["events"]
    return " ".join(str(e.get("text")) for e in events if e["event"] == "user")


def test_forged_callback_data_and_reply_ids_are_stored_masked(messaging: Messaging):
    chat_id = random.randint(10**8, 10**9)
    messaging.tg_click(chat_id, '/groet{"nummer": "06 - 48213388"}')
    stored = _stored_user_texts(messaging, messaging.sender("telegram", chat_id))
    assert "48213388" not in stored and "[TELEFOON]" in stored

    wa_id = _wa_id()
    messaging.wa_exchange(messaging.wa_reply(wa_id, '/groet{"bsn": "246-810-002"}'))
    stored = _stored_user_texts(messaging, messaging.sender("whatsapp", wa_id))
    assert "810" not in stored and "[BSN]" in stored
    assert "48213388" not in messaging.servers.logs() and "246-810-002" not in messaging.servers.logs()
