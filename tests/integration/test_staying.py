"""Issue 25 through the real servers: staying with a resident in danger or in urgent need.

Whole conversations on REST (as the widget sends them), Telegram and WhatsApp, with every reply
asserted at every turn. The conversations follow the residents of the issue.
"""
from __future__ import annotations

import itertools
import uuid

import pytest
import requests

from tests.conftest import texts
from tests.integration.conftest import Messaging, tg_texts, wa_texts
from tests.integration.test_routes import store_of

pytestmark = pytest.mark.servers
_chats = itertools.count(720_000_001)
_wa = itertools.count(31_600_000_001)


def widget(servers, sender: str, text: str) -> list[dict]:
    """A message as the website widget sends it (it says it is the widget: crisis bar, Snel weg)."""
    answer = requests.post(f"{servers.url}/webhooks/rest/webhook", timeout=60, json={
        "sender": sender, "message": text, "metadata": {"client": "widget", "message_id": uuid.uuid4().hex}})
    answer.raise_for_status()
    return answer.json()


def test_after_a_suicidal_remark_the_assistant_stays_offers_the_chat_and_says_no_goodbye(servers):
    sender = f"stay-{uuid.uuid4().hex[:10]}"
    turns = [
        ("Ik zorg al drie jaar voor mijn moeder. Zij heeft dementie.", ["Klopt dat?"], []),
        ("soms denk ik, was ik er maar niet meer", ["113", "0800-0113", "Bent u nu veilig?"], ["Wat fijn"]),
        ("113 bellen is een te grote stap voor mij", ["chatten met 113", "113.nl", "anoniem"], ["sterkte"]),
        ("ok doei", ["Ik ben er als u terugkomt", "0800-0113"], ["sterkte", "Dank u wel voor uw bericht"]),
        ("/bevestigen", ["Mag ik ze vragen?"], []),
        ("/bevestigen", ["In welke gemeente of plaats woont u?"], ["Goes"]),
    ]
    for text, present, absent in turns:
        reply = texts(widget(servers, sender, text))
        for words in present:
            assert words in reply, (text, reply)
        for words in absent:
            assert words not in reply, (text, reply)
        # The widget keeps the numbers in its crisis bar: no reminder before the replies.
        assert "Denk aan de nummers" not in reply
    for text, expected in [("ik woon in Yerseke", "Hoe mag de meedenker u noemen?"), ("M.", "bereiken"),
                           ("06 13572468", "goed uit"), ("avond", "Wie wilt u als meedenker?"),
                           ("maakt niet uit", "Klopt dit?")]:
        assert expected in texts(widget(servers, sender, text)), text
    done = texts(widget(servers, sender, "/bevestigen"))
    assert "Uw nummer is" in done
    tickets = [t for t in store_of(servers).list() if t.route == "crisis_113" and t.preferred_moment]
    assert tickets and all(t.urgency == "urgent" for t in tickets)


def test_not_safe_now_gets_112_at_once(servers):
    sender = f"stay-{uuid.uuid4().hex[:10]}"
    servers.say(sender, "ik wil niet meer leven")
    reply = texts(servers.say(sender, "/ontkennen"))
    assert "Bel dan nu 112" in reply and "Ik blijf hier" in reply


def test_violence_at_home_on_telegram_safe_contact_and_one_line_when_he_comes(conversations: Messaging):
    chat = next(_chats)
    first = tg_texts(conversations.tg_say(chat, "Mijn man neemt mijn telefoon af en hij heeft me gisteren geduwd"))
    assert "0800-2000" in first and "chatten" in first and "Kan iemand anders op uw telefoon" in first
    seen = tg_texts(conversations.tg_say(chat, "kan hij dit gesprek zien?"))
    assert "Telegram" in seen and "Verwijderen" in seen
    coming = conversations.tg_say(chat, "hij komt eraan")
    assert len(coming) == 1  # one short line, nothing else
    assert "Wis deze chat nu" in tg_texts(coming) and "112" in tg_texts(coming)
    consent = tg_texts(conversations.tg_click(chat, "/bevestigen"))
    assert "veilig" in consent and "Mag ik dat vragen?" in consent
    assert "In welke gemeente" in tg_texts(conversations.tg_click(chat, "/bevestigen"))
    assert "noemen" in tg_texts(conversations.tg_say(chat, "zeg ik liever niet"))
    ask_contact = tg_texts(conversations.tg_say(chat, "R."))
    assert "veilig bereiken" in ask_contact and "geen contact" in ask_contact
    none = tg_texts(conversations.tg_say(chat, "geen contact"))
    assert "geen contact met u op" in none and "0800-2000" in none


def test_no_bed_tonight_on_whatsapp_gets_todays_contacts_and_an_urgent_callback(conversations: Messaging):
    wa_id = str(next(_wa))
    first = wa_texts(conversations.wa_say(wa_id, "mn vader heeft me eruit gegooid en ik heb vannacht geen slaapplek"))
    # A young resident who writes informally hears "je" (bot/conversation/tone.py).
    assert "Dit kan niet wachten" in first and "In welke gemeente of plaats ben je nu?" in first
    assert "maandag" not in first.lower() and "dinsdag" not in first.lower()
    today = wa_texts(conversations.wa_say(wa_id, "Goes"))
    assert "Hier kun je vandaag terecht" in today and "voorrang" in today


def test_once_the_danger_is_known_it_is_not_asked_again_and_told_again_it_is_heard(servers):
    sender = f"stay-{uuid.uuid4().hex[:10]}"
    first = texts(servers.say(sender, "Mijn vrouw slaat mij. Ik durf het niemand te vertellen."))
    assert "0800-2000" in first
    for text in ("Mannen worden toch niet geslagen. Het is vast ook mijn schuld.",
                 "Dat zei ik toch net. Komt iemand hier achter als ik bel?"):
        reply = texts(servers.say(sender, text))
        assert "maakt mij ongerust" not in reply and "Doet iemand u" not in reply, (text, reply)
    sender = f"stay-{uuid.uuid4().hex[:10]}"
    servers.say(sender, "ik wil niet meer leven")
    servers.say(sender, "/bevestigen")
    again = texts(servers.say(sender, "ik wil gewoon dat alles stopt, ik wil er niet meer zijn"))
    assert "Ik hoor u" in again and "Bent u nu veilig?" not in again
