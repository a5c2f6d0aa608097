"""Telegram end to end: real webhook requests into the real Rasa + action servers, replies sent by
python-telegram-bot to a fake Bot API on loopback that records them."""
from __future__ import annotations

import itertools
import json

import pytest

from bot.queue.crypto import SenderHasher
from tests.integration.conftest import TELEGRAM_SECRET, Messaging, tg_texts
from tests.integration.test_routes import NAME, store_of

pytestmark = pytest.mark.servers
_chats = itertools.count(710_000_001)


def new_chat() -> int:
    return next(_chats)


def user_turns(messaging: Messaging, chat: int) -> int:
    events = messaging.servers.tracker(messaging.sender("telegram", chat))["events"]
    return sum(1 for event in events if event["event"] == "user")


def buttons_of(bodies: list[dict]) -> list[dict]:
    return [button for body in bodies for row in (body.get("reply_markup") or {}).get("inline_keyboard", [])
            for button in row]


def test_start_greets_and_says_it_is_a_computer(messaging: Messaging):
    replies = messaging.tg_say(new_chat(), "/start")
    assert "computer" in tg_texts(replies) and "Waar kan ik u mee helpen?" in tg_texts(replies)


def test_text_in_summary_with_inline_keyboard_and_a_press_answers_the_callback(messaging: Messaging):
    chat = new_chat()
    summary = messaging.tg_say(chat, "ik kan mijn huur niet meer betalen en heb schulden")
    assert "Klopt dat?" in tg_texts(summary)
    keyboard = buttons_of(summary)
    assert {"text": "Ja, dat klopt", "callback_data": "/bevestigen"} in keyboard
    press = messaging.tg_press(chat, "/bevestigen")
    answer = messaging.tg_post(press)
    assert answer.status_code == 200
    answered = messaging.bot_api.wait_for(1, "answerCallbackQuery",
                                          callback_query_id=press["callback_query"]["id"])
    assert len(answered) == 1
    offer = [r.body for r in messaging.bot_api.calls("sendMessage", chat_id=chat)][len(summary):]
    assert "meedenker" in tg_texts(offer) and "Wilt u dat een meedenker u belt?" in tg_texts(offer)


@pytest.mark.parametrize("text,numbers", [
    ("mijn man slaat me en ik durf niet naar huis", ["0800-2000", "112"]),
    ("ik wil niet meer leven", ["113", "0800-0113"]),
])
def test_crisis_message_gets_the_numbers_as_plain_text(messaging: Messaging, text, numbers):
    replies = messaging.tg_say(new_chat(), text)
    for number in numbers:
        assert number in tg_texts(replies)
    assert not any(b.get("url", "").startswith("tel:") for b in buttons_of(replies))  # Telegram refuses tel:


def test_a_press_whose_answer_fails_is_still_handled(messaging: Messaging):
    chat = new_chat()
    messaging.tg_say(chat, "ik kan mijn huur niet meer betalen en heb schulden")
    messaging.bot_api.failing.add("answerCallbackQuery")
    try:
        offer = messaging.tg_click(chat, "/bevestigen")
    finally:
        messaging.bot_api.failing.discard("answerCallbackQuery")
    assert "Wilt u dat een meedenker u belt?" in tg_texts(offer)


def test_full_callback_request_makes_exactly_one_ticket(messaging: Messaging):
    chat = new_chat()
    messaging.tg_say(chat, "mijn moeder heeft dementie en ik zorg voor haar. wie helpt mij met de post en de formulieren?")
    for data in ["/bevestigen", "/bevestigen", "/bevestigen"]:  # summary, offer, consent: the buttons
        assert messaging.tg_click(chat, data)
    for text in ["Goes", NAME, "06 48213377"]:
        messaging.tg_say(chat, text)
    messaging.tg_click(chat, "middag")
    read_back = tg_texts(messaging.tg_click(chat, "vrijwilliger"))
    assert "Klopt dit?" in read_back and NAME not in read_back and "…3377" in read_back
    final = messaging.tg_click(chat, "/bevestigen")
    sender = messaging.sender("telegram", chat)
    hashed = SenderHasher(messaging.servers.env["MEEDENKER_SECRET_KEY"])("telegram", sender)
    store = store_of(messaging.servers)
    try:
        tickets = [t for t in store.list(limit=1000) if t.sender_hash == hashed]
        assert len(tickets) == 1
        ticket = tickets[0]
        assert ticket.channel == "telegram" and ticket.gemeente == "Goes" and ticket.preference == "informeel"
        assert ticket.id in tg_texts(final)
        assert store.contact(ticket.id, actor="test")["phone"] == "+31648213377"
        # Issue 29: one question after closing, only with the resident's yes; the chat id encrypted.
        assert "Mogen we u later één korte vraag sturen?" in tg_texts(final)
        assert "sturen we u één korte vraag" in tg_texts(messaging.tg_click(chat, "/bevestigen"))
        agreed = store.get(ticket.id)
        assert agreed.followup_status == "agreed" and str(chat) not in agreed.followup_address_encrypted
        assert store.unseal(agreed.followup_address_encrypted) == {"channel": "telegram", "address": str(chat)}
    finally:
        store.close()


def test_a_redelivered_update_is_processed_once(messaging: Messaging):
    chat = new_chat()
    update = messaging.tg_message(chat, "ik zoek werk")
    assert messaging.tg_post(update).status_code == 200
    first = len(messaging.bot_api.calls("sendMessage", chat_id=chat))
    assert first >= 1
    assert messaging.tg_post(update).status_code == 200
    assert len(messaging.bot_api.calls("sendMessage", chat_id=chat)) == first
    assert user_turns(messaging, chat) == 1


@pytest.mark.parametrize("secret,status", [(None, 401), ("wrong-secret-0123456789", 403),
                                           (TELEGRAM_SECRET + "x", 403), ("", 401)])
def test_missing_or_wrong_secret_is_refused_and_not_processed(messaging: Messaging, secret, status):
    chat = new_chat()
    answer = messaging.tg_post(messaging.tg_message(chat, "ik heb schulden"), secret=secret)
    assert answer.status_code == status
    assert messaging.bot_api.calls("sendMessage", chat_id=chat) == []
    assert user_turns(messaging, chat) == 0


@pytest.mark.parametrize("raw,status", [
    (b"{not json", 400), (b"\xff\xfe\x00", 400), (b"[]", 400), (b'{"message": {}}', 400),
    (b'{"update_id": "7"}', 400), (b"x" * (70 * 1024), 413),
])
def test_malformed_and_oversized_updates_are_refused(messaging: Messaging, raw, status):
    assert messaging.tg_post(None, raw=raw).status_code == status


@pytest.mark.parametrize("extra,response_word", [
    ({"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
                  "is_animated": False, "is_video": False}}, "alleen tekst"),
    ({"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]}, "alleen tekst"),
    ({"voice": {"file_id": "v", "file_unique_id": "v", "duration": 2}}, "alleen tekst"),
])
def test_media_get_a_short_polite_answer(messaging: Messaging, extra, response_word):
    chat = new_chat()
    answer = messaging.tg_post(messaging.tg_message(chat, None, **extra))
    assert answer.status_code == 200
    assert response_word in tg_texts([r.body for r in messaging.bot_api.calls("sendMessage", chat_id=chat)])


def test_an_edited_message_gets_a_polite_answer_and_no_turn(messaging: Messaging):
    chat = new_chat()
    update = messaging.tg_message(chat, "ik heb schulden")
    update["edited_message"] = update.pop("message")
    assert messaging.tg_post(update).status_code == 200
    assert "aangepast" in tg_texts([r.body for r in messaging.bot_api.calls("sendMessage", chat_id=chat)])
    assert user_turns(messaging, chat) == 0


def test_group_chats_are_not_conversations(messaging: Messaging):
    group = -next(_chats)
    assert messaging.tg_post(messaging.tg_message(group, "ik heb schulden", chat_type="group")).status_code == 200
    assert messaging.bot_api.calls("sendMessage", chat_id=group) == []
    assert messaging.tg_post(messaging.tg_message(group, "/start", chat_type="supergroup")).status_code == 200
    replies = [r.body for r in messaging.bot_api.calls("sendMessage", chat_id=group)]
    assert len(replies) == 1 and "één persoon" in tg_texts(replies)


def test_a_bsn_is_masked_before_rasa_stores_it(messaging: Messaging):
    chat = new_chat()
    replies = messaging.tg_say(chat, "mijn bsn is 111222333 en ik snap de brief niet")
    assert "burgerservicenummer" in tg_texts(replies)
    stored = json.dumps(messaging.servers.tracker(messaging.sender("telegram", chat))["events"])
    assert "111222333" not in stored and "[BSN]" in stored and str(chat) not in stored


def test_a_flood_from_one_chat_is_slowed_politely(messaging: Messaging):
    chat = new_chat()
    sticker = {"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
                           "is_animated": False, "is_video": False}}
    for _ in range(25):
        assert messaging.tg_post(messaging.tg_message(chat, None, **sticker)).status_code == 200
    texts = [r.body["text"] for r in messaging.bot_api.calls("sendMessage", chat_id=chat)]
    assert sum("alleen tekst" in t for t in texts) == 20  # MEEDENKER_RATE_PER_SENDER's default
    assert sum("Wacht een minuut" in t for t in texts) == 1  # told once, not 5 times

