"""Real servers over HTTP: `rasa run` + `rasa run actions`, started by the project's launcher."""
from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
import requests

from tests.conftest import texts

pytestmark = pytest.mark.servers


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def test_first_conversation_greets_says_computer_and_ends_politely(servers):
    sender = new_sender()
    hello = texts(servers.say(sender, "hallo"))
    assert "computer" in hello and "Waar kan ik u mee helpen?" in hello
    question = servers.say(sender, "ik kan mijn huur niet meer betalen en heb schulden")
    summary = texts(question)
    assert "Klopt dat?" in summary and "wonen" in summary and "geld" in summary
    assert any(b["payload"] == "/bevestigen" for m in question for b in m.get("buttons", []))
    assert "meedenker" in texts(servers.say(sender, "ja klopt"))
    bye = texts(servers.say(sender, "doei, bedankt"))
    assert bye and ("Dank u" in bye or "Graag gedaan" in bye)


def test_crisis_in_the_first_message_gives_the_numbers_at_once(servers):
    reply = servers.say(new_sender(), "ik kan niet meer, ik wil er gewoon niet meer zijn")
    assert "113" in texts(reply) and "0800-0113" in texts(reply)
    assert any(b.get("url") == "tel:113" for m in reply for b in m.get("buttons", []))


def test_crisis_numbers_stay_after_no(servers):
    sender = new_sender()
    servers.say(sender, "mijn man slaat me en ik durf niet naar huis")
    after = texts(servers.say(sender, "nee je begrijpt me verkeerd"))
    assert "0800-2000" in after


def test_english_gets_the_conversation_in_english(servers):
    sender = new_sender()
    reply = texts(servers.say(sender, "Hello, can you help me with my rent please? I cannot pay it this month."))
    assert "Is that right?" in reply or "Is the question for you" in reply or "What is your question mostly about?" in reply
    assert "Klopt dat" not in reply and "I only speak Dutch" not in reply
    offer = texts(servers.say(sender, "yes"))
    assert "meedenker" in offer and "Wilt u" not in offer


def test_bsn_is_masked_in_the_tracker_store_and_the_resident_is_warned(servers):
    sender = new_sender()
    reply = texts(servers.say(sender, "mijn bsn is 111222333 en ik snap de brief van de belasting niet"))
    assert "burgerservicenummer" in reply
    db = Path(servers.env["MEEDENKER_VAR_DIR"]) / "rasa.db"
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)).fetchall()
    stored = "\n".join(row[0] for row in rows)
    assert "111222333" not in stored and "[BSN]" in stored


@pytest.mark.parametrize("body,status,code", [
    (b"{not json", 400, "not_json"),
    (b"\xff\xfe\x00binary", 400, "not_json"),
    (b'{"sender": "u1", "message": "   "}', 400, "empty"),
    (b'{"sender": "u1"}', 400, "empty"),
    (b'{"message": "hallo"}', 400, "no_sender"),
    (b'["sender", "message"]', 400, "not_json"),
])
def test_bad_input_gets_a_polite_dutch_error(servers, body, status, code):
    answer = requests.post(f"{servers.url}/webhooks/rest/webhook", data=body,
                           headers={"Content-Type": "application/json"}, timeout=30)
    assert answer.status_code == status
    payload = answer.json()
    assert payload["error"] == code and payload["messages"][0]["text"]


def test_a_huge_message_is_refused_with_a_request_to_shorten(servers):
    answer = requests.post(f"{servers.url}/webhooks/rest/webhook",
                           json={"sender": new_sender(), "message": "a" * 5000}, timeout=30)
    assert answer.status_code == 413
    assert "te lang" in answer.json()["messages"][0]["text"]


@pytest.mark.parametrize("message", ["😢😢😢", "<script>alert('x')</script> ik heb schulden"])
def test_odd_but_valid_messages_get_an_answer(servers, message):
    assert texts(servers.say(new_sender(), message))


def test_a_retried_message_is_answered_once(servers):
    sender = new_sender()
    first = servers.say(sender, "ik zoek werk", metadata={"message_id": "m-1"})
    second = servers.say(sender, "ik zoek werk", metadata={"message_id": "m-1"})
    assert first == second
    events = servers.tracker(sender)["events"]
    assert sum(1 for e in events if e["event"] == "user") == 1


def test_http_api_needs_the_token(servers):
    assert requests.get(f"{servers.url}/status", timeout=10).status_code == 401

