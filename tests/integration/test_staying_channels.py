"""Issue 25's flows on every channel: REST, the website widget, Telegram and WhatsApp.

The same three conversations (a suicidal remark, violence at home, no bed tonight) are played on
each channel through the real servers and the channels' own code (Telegram and Meta are local fakes).
What differs per channel is asserted per channel: how to close or delete the chat, and that the
widget (which keeps a crisis bar) gets no reminder of the numbers.
"""
from __future__ import annotations

import pytest

from tests.integration.conftest import Messaging
from tests.integration.residents import CHANNELS, Resident

pytestmark = pytest.mark.servers


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
