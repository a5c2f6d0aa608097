"""Issue 26 through the real servers: questions answered at any step, corrections taken, a form
without dead ends. Every reply of each conversation is asserted."""
from __future__ import annotations

import itertools
import uuid

import pytest

from tests.conftest import texts
from tests.integration.conftest import Messaging, tg_texts, wa_texts

pytestmark = pytest.mark.servers
_chats = itertools.count(730_000_001)
_wa = itertools.count(31_700_000_001)


def new_sender() -> str:
    return f"listen-{uuid.uuid4().hex[:10]}"


def test_a_correction_removes_the_topic_and_the_summary_changes(servers):
    sender = new_sender()
    first = texts(servers.say(sender, "Ik heb schulden en de school van mijn zoon belt steeds."))
    assert "Klopt dat?" in first or "voor uzelf" in first
    if "voor uzelf" in first:
        first = texts(servers.say(sender, '/voor_wie{"voor_wie":"zelf"}'))
    assert "school" in first
    corrected = texts(servers.say(sender, "nee, het gaat niet over school"))
    assert "school" not in corrected and "geld" in corrected, corrected
    assert corrected != first


def test_the_privacy_minded_resident_gets_true_answers_and_a_form_without_dead_ends(servers):
    sender = new_sender()
    steps = [
        ("ik wil een mens spreken", ["Wilt u dat een meedenker u belt?"], []),
        ("/bevestigen", ["Mag ik ze vragen?"], []),
        ("leest de gemeente mee met dit gesprek?", ["de gemeente leest niet mee", "Mag ik ze vragen?"], ["Ja, een meedenker"]),
        ("/bevestigen", ["In welke gemeente of plaats woont u?"], ["Goes"]),
        ("ik woon in Yerseke", ["Yerseke hoort bij de gemeente Reimerswaal", "Hoe mag de meedenker u noemen?"],
         ["Sanne"]),
        ("F.", ["Hoe kan de meedenker u bereiken?"], []),
        ("06 13572468", ["Wanneer komt het u goed uit?"], ["dinsdagochtend"]),
        ("hoe lang bewaren jullie mijn gegevens?", ["Wanneer komt het u goed uit?"], []),
        ("avond", ["Wie wilt u als meedenker?"], []),
        ("maakt niet uit", ["Klopt dit?", "Naam: F.", "…2468", "Reimerswaal"], ["13572468"]),
        ("iets veranderen", ["Wat wilt u veranderen?"], []),
        ("nummer", ["Hoe kan de meedenker u bereiken?"], []),
        ("06 24681357", ["Klopt dit?", "…1357"], []),
        ("/bevestigen", ["Uw nummer is"], []),
    ]
    for text, present, absent in steps:
        reply = texts(servers.say(sender, text))
        for words in present:
            assert words in reply, (text, reply)
        for words in absent:
            assert words not in reply, (text, reply)


def test_stop_asks_what_to_stop_and_can_be_taken_back(servers):
    sender = new_sender()
    for text in ("ik wil een mens spreken", "/bevestigen", "/bevestigen"):
        servers.say(sender, text)
    assert "Of met het hele gesprek?" in texts(servers.say(sender, "stop"))
    assert "ik stop met de vragen" in texts(servers.say(sender, "stop de vragen"))
    assert "In welke gemeente" in texts(servers.say(sender, "toch doorgaan"))


def test_a_gemeente_no_network_here_serves_gets_the_truth_not_a_promise(servers):
    sender = new_sender()
    for text in ("ik wil een mens spreken", "/bevestigen", "/bevestigen"):
        servers.say(sender, text)
    reply = texts(servers.say(sender, "Amsterdam"))
    assert "Onze meedenkers werken niet in Amsterdam" in reply and "uiterlijk" not in reply
    assert "noemen" not in reply  # no name or number asked for a callback that cannot come


def test_a_gemeente_may_be_skipped_and_three_misses_offer_a_way_on(servers):
    sender = new_sender()
    for text in ("ik wil een mens spreken", "/bevestigen", "/bevestigen"):
        servers.say(sender, text)
    assert "Hoe mag de meedenker u noemen?" in texts(servers.say(sender, "zeg ik liever niet"))
    sender = new_sender()
    for text in ("ik wil een mens spreken", "/bevestigen", "/bevestigen", "Goes", "Kees"):
        servers.say(sender, text)
    for _ in range(2):
        assert "kan ik niet lezen" in texts(servers.say(sender, "123"))
    missed = texts(servers.say(sender, "123"))
    assert "Wilt u verder zonder dit antwoord?" in missed and "gemeente" not in missed.lower()


def test_a_question_in_the_form_on_telegram_and_whatsapp(conversations: Messaging):
    chat = next(_chats)
    for text in ("ik wil een mens spreken",):
        conversations.tg_say(chat, text)
    conversations.tg_click(chat, "/bevestigen")
    conversations.tg_click(chat, "/bevestigen")
    reply = tg_texts(conversations.tg_say(chat, "kost dit geld?"))
    assert "gratis" in reply and "In welke gemeente" in reply
    wa_id = str(next(_wa))
    conversations.wa_say(wa_id, "ik wil een mens spreken")
    reply = wa_texts(conversations.wa_say(wa_id, "blijft dit gesprek op mijn telefoon staan?"))
    assert "WhatsApp" in reply and "Verwijderen" in reply
