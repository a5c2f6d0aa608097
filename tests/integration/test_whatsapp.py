"""WhatsApp end to end: signed webhook requests into the real Rasa + action servers, replies posted
to a fake Graph API on loopback that records them."""
from __future__ import annotations

import itertools
import json
import uuid

import pytest
import requests

from bot.queue.crypto import SenderHasher
from tests.integration.conftest import PHONE_NUMBER_ID, WHATSAPP_VERIFY, Messaging, wa_texts
from tests.integration.test_routes import NAME, store_of

pytestmark = pytest.mark.servers
_numbers = itertools.count(31_600_000_001)


def new_number() -> str:
    return str(next(_numbers))


def user_turns(messaging: Messaging, wa_id: str) -> int:
    events = messaging.servers.tracker(messaging.sender("whatsapp", wa_id))["events"]
    return sum(1 for event in events if event["event"] == "user")


def test_verification_handshake(messaging: Messaging):
    ok = requests.get(messaging.whatsapp_url, params={"hub.mode": "subscribe", "hub.verify_token": WHATSAPP_VERIFY,
                                                      "hub.challenge": "1158201444"}, timeout=10)
    assert (ok.status_code, ok.text) == (200, "1158201444")
    for params in ({"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
                   {"hub.mode": "unsubscribe", "hub.verify_token": WHATSAPP_VERIFY, "hub.challenge": "1"},
                   {"hub.challenge": "1"}):
        assert requests.get(messaging.whatsapp_url, params=params, timeout=10).status_code == 403


def test_text_in_reply_buttons_out_and_a_button_press_continues(messaging: Messaging):
    wa_id = new_number()
    summary = messaging.wa_say(wa_id, "ik kan mijn huur niet meer betalen en heb schulden")
    assert all(r.headers["Authorization"] == "Bearer EAAG-test-access-token-0123456789"
               and r.path == f"/v21.0/{PHONE_NUMBER_ID}/messages" for r in messaging.graph.calls(to=wa_id))
    [body] = [b for b in summary if b["type"] == "interactive"]
    assert "Klopt dat?" in body["interactive"]["body"]["text"] and body["interactive"]["type"] == "button"
    assert {"id": "/bevestigen", "title": "Ja, dat klopt"} in [b["reply"] for b in body["interactive"]["action"]["buttons"]]
    offer = messaging.wa_exchange(messaging.wa_reply(wa_id, "/bevestigen", "Ja, dat klopt"))
    assert "Wilt u dat een meedenker u belt?" in wa_texts(offer)


def test_more_than_three_choices_become_a_list_and_its_reply_works(messaging: Messaging):
    wa_id = new_number()
    messaging.wa_say(wa_id, "ik wil een mens")
    messaging.wa_exchange(messaging.wa_reply(wa_id, "/bevestigen"))
    messaging.wa_exchange(messaging.wa_reply(wa_id, "/bevestigen"))
    messaging.wa_say(wa_id, "Goes")
    messaging.wa_say(wa_id, "Ali")
    moment = messaging.wa_say(wa_id, "0612345678")
    [body] = [b for b in moment if b["type"] == "interactive"]
    assert body["interactive"]["type"] == "list"
    rows = body["interactive"]["action"]["sections"][0]["rows"]
    assert {"id": "middag", "title": "Middag"} in rows
    after = messaging.wa_exchange(messaging.wa_reply(wa_id, "middag", "Middag", kind="list_reply"))
    assert "Wie wilt u als meedenker?" in wa_texts(after)


@pytest.mark.parametrize("text,numbers", [
    ("mijn man slaat me en ik durf niet naar huis", ["0800-2000", "112"]),
    ("ik wil niet meer leven", ["113", "0800-0113"]),
])
def test_crisis_message_gets_the_numbers(messaging: Messaging, text, numbers):
    replies = wa_texts(messaging.wa_say(new_number(), text))
    for number in numbers:
        assert number in replies
    assert "tel:" not in replies


def test_full_callback_request_makes_exactly_one_ticket(messaging: Messaging):
    wa_id = new_number()
    messaging.wa_say(wa_id, "mijn moeder heeft dementie en ik zorg voor haar. wie helpt mij met de post en de formulieren?")
    for _ in range(3):  # summary, offer, consent: the reply buttons
        assert messaging.wa_exchange(messaging.wa_reply(wa_id, "/bevestigen"))
    messaging.wa_say(wa_id, "Goes")
    messaging.wa_say(wa_id, NAME)
    messaging.wa_say(wa_id, "06 48213377")
    voorkeur = messaging.wa_exchange(messaging.wa_reply(wa_id, "middag", kind="list_reply"))
    rows = [row["title"] for b in voorkeur if b["type"] == "interactive"
            for row in b["interactive"]["action"]["sections"][0]["rows"]]
    assert "Iemand met ervaring" in rows  # the WhatsApp variant: titles of at most 24 characters
    read_back = wa_texts(messaging.wa_exchange(messaging.wa_reply(wa_id, "vrijwilliger", kind="list_reply")))
    assert "Klopt dit?" in read_back and NAME not in read_back
    final = messaging.wa_exchange(messaging.wa_reply(wa_id, "/bevestigen"))
    sender = messaging.sender("whatsapp", wa_id)
    hashed = SenderHasher(messaging.servers.env["MEEDENKER_SECRET_KEY"])("whatsapp", sender)
    store = store_of(messaging.servers)
    try:
        tickets = [t for t in store.list(limit=1000) if t.sender_hash == hashed]
        assert len(tickets) == 1
        ticket = tickets[0]
        assert ticket.channel == "whatsapp" and ticket.gemeente == "Goes" and ticket.preference == "informeel"
        assert ticket.id in wa_texts(final)
        assert store.contact(ticket.id, actor="test")["name"] == NAME
    finally:
        store.close()
    stored = json.dumps(messaging.servers.tracker(sender)["events"])
    assert wa_id not in stored and NAME not in stored and "48213377" not in stored


def test_a_replayed_delivery_is_processed_once(messaging: Messaging):
    wa_id = new_number()
    body = messaging.wa_webhook(messaging.wa_text(wa_id, "ik zoek werk", message_id=f"wamid.replay-{wa_id}-{uuid.uuid4().hex}"))
    assert messaging.wa_post(body).status_code == 200
    first = len(messaging.graph.calls(to=wa_id))
    assert first >= 1
    assert messaging.wa_post(body).status_code == 200
    assert len(messaging.graph.calls(to=wa_id)) == first
    assert user_turns(messaging, wa_id) == 1


def test_forged_and_unsigned_deliveries_are_refused_and_not_processed(messaging: Messaging):
    wa_id = new_number()
    raw = json.dumps(messaging.wa_webhook(messaging.wa_text(wa_id, "ik heb schulden"))).encode()
    assert messaging.wa_post(raw=raw, signature=False).status_code == 401
    assert messaging.wa_post(raw=raw, signature=messaging.sign(raw, "not-the-app-secret-0123")).status_code == 403
    assert messaging.wa_post(raw=raw, signature=messaging.sign(raw + b" ")).status_code == 403
    assert messaging.wa_post(raw=raw, signature="sha1=" + "0" * 40).status_code == 403
    tampered = raw.replace(b"ik heb schulden", b"ik wil een mens")
    assert messaging.wa_post(raw=tampered, signature=messaging.sign(raw)).status_code == 403
    assert messaging.graph.calls(to=wa_id) == []
    assert user_turns(messaging, wa_id) == 0


@pytest.mark.parametrize("raw,status", [
    (b"{not json", 400), (b"\xff\xfe\x00", 400), (b"[]", 400), (b'{"object": "page"}', 400),
    (b'{"object": "whatsapp_business_account", "entry": "x"}', 400), (b"x" * (300 * 1024), 413),
])
def test_malformed_and_oversized_deliveries_are_refused(messaging: Messaging, raw, status):
    assert messaging.wa_post(raw=raw).status_code == status


def test_statuses_are_ignored_safely(messaging: Messaging):
    wa_id = new_number()
    body = messaging.wa_webhook(statuses=[{"id": "wamid.x", "status": "delivered", "recipient_id": wa_id}])
    assert messaging.wa_post(body).status_code == 200
    assert messaging.graph.calls(to=wa_id) == []


@pytest.mark.parametrize("kind", ["image", "audio", "location"])
def test_media_get_a_short_polite_answer(messaging: Messaging, kind):
    wa_id = new_number()
    message = {"from": wa_id, "id": f"wamid.media-{uuid.uuid4().hex}", "type": kind, kind: {"id": "1"}}
    replies = wa_texts(messaging.wa_exchange(message))
    assert "alleen tekst" in replies
    assert user_turns(messaging, wa_id) == 0


def test_a_bsn_is_masked_before_rasa_stores_it(messaging: Messaging):
    wa_id = new_number()
    assert "burgerservicenummer" in wa_texts(messaging.wa_say(wa_id, "mijn bsn is 111222333, help met de brief"))
    stored = json.dumps(messaging.servers.tracker(messaging.sender("whatsapp", wa_id))["events"])
    assert "111222333" not in stored and "[BSN]" in stored


def test_erase_by_phone_number_removes_the_ticket_and_the_conversation(messaging: Messaging):
    import subprocess
    import sys

    from bot.ops.settings import PROJECT_ROOT

    wa_id = new_number()
    messaging.wa_say(wa_id, "ik wil een mens")
    for answer in ["/bevestigen", "/bevestigen"]:
        messaging.wa_exchange(messaging.wa_reply(wa_id, answer))
    for text in ["Goes", "Ali", "0612345678", "ochtend", "maakt niet uit", "ja"]:
        messaging.wa_say(wa_id, text)
    sender = messaging.sender("whatsapp", wa_id)
    hashed = SenderHasher(messaging.servers.env["MEEDENKER_SECRET_KEY"])("whatsapp", sender)

    def tickets() -> int:
        store = store_of(messaging.servers)
        try:
            return sum(1 for t in store.list(limit=1000) if t.sender_hash == hashed)
        finally:
            store.close()

    assert tickets() == 1
    spoken = f"+{wa_id[:2]} {wa_id[2:3]} {wa_id[3:]}"  # as a resident would say it: +31 6 ...
    result = subprocess.run([sys.executable, "-m", "bot", "erase", "--platform-id", spoken, "--channel", "whatsapp"],
                            cwd=PROJECT_ROOT, env=messaging.servers.env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Erased 1 ticket(s)" in result.stdout
    assert tickets() == 0 and user_turns(messaging, wa_id) == 0
