"""Issue 26 on every channel: a conversation that listens, at every step of the flow.

One resident plays the whole flow on REST, the widget, Telegram and WhatsApp through the real
servers: a correction at the summary, a question at the offer and inside the form (answered, then
the same question again), the first answer given at "Mag ik ze vragen?", a place instead of a
gemeente, a pseudonym of one letter, "stop" taken back, a moment with details, a typed button
title, a change at the read-back, and the ticket at the end.
"""
from __future__ import annotations

import re

import pytest

from tests.integration.conftest import Messaging
from tests.integration.residents import CHANNELS, Resident
from tests.integration.test_routes import store_of, tickets_of

pytestmark = pytest.mark.servers


@pytest.fixture(params=CHANNELS)
def resident(request, conversations: Messaging) -> Resident:
    return Resident(request.param, conversations)


def yes(resident: Resident):
    """Press the button that says yes, as a resident would."""
    titles = [title for title, _ in resident.last.buttons if title.lower().startswith("ja")]
    assert titles, (resident.channel, resident.last.buttons)
    return resident.press(titles[0])


def test_the_whole_flow_listens_on_every_channel(resident: Resident, conversations: Messaging):
    first = resident.say("ik krijg steeds brieven van de belasting en ik snap ze niet, ook over school")
    assert "school" in first.text and "Klopt dat?" in first.text
    corrected = resident.say("het gaat niet over school")
    assert "school" not in corrected.text and "belasting" in corrected.text and "Klopt dat?" in corrected.text

    offer = yes(resident)
    assert "Wilt u dat een meedenker u belt?" in offer.text
    asked = resident.say("wie leest dit eigenlijk?")
    assert "de gemeente leest niet mee" in asked.text  # a true answer, then the offer again, in one line
    assert "Wilt u dat een meedenker u belt?" in asked.messages[-1] and "Een meedenker is een mens" not in asked.text

    consent = yes(resident)
    assert "Mag ik ze vragen?" in consent.text
    place = resident.say("Yerseke")  # the first answer itself: a yes, and noted
    assert "Yerseke hoort bij de gemeente Reimerswaal" in place.text and "Hoe mag de meedenker u noemen?" in place.text

    contact = resident.say("F.")
    assert "Hoe kan de meedenker u bereiken?" in contact.text
    free = resident.say("is dit gratis?")
    assert "gratis" in free.text and free.messages[-1] == contact.messages[-1]

    moment = resident.say("06 13572468")
    assert "Wanneer komt het u goed uit?" in moment.text
    stop = resident.say("stop")
    assert "hele gesprek" in stop.text
    back = resident.press(next(t for t, _ in stop.buttons if "door" in t.lower()))
    assert "Wanneer komt het u goed uit?" in back.text

    wish = resident.say("dinsdag na tienen")
    assert "Wie wilt u als meedenker?" in wish.text
    titles = [title for title, _ in wish.buttons]
    typed = next(t for t in titles if "ervaring" in t.lower() or "meemaakte" in t.lower())
    read_back = resident.say(typed)  # the button's title typed, not pressed
    assert "Klopt dit?" in read_back.text and "na tienen" in read_back.text
    assert "13572468" not in read_back.text  # the number partly hidden

    changed = resident.say("mijn nummer is toch 06 24681357")
    assert "Klopt dit?" in changed.text and "357" in changed.text and "468" not in changed.text
    done = yes(resident)
    number = re.search(r"Uw nummer is (\S+?)\.", done.text)
    assert number, done.text
    ticket = store_of(conversations.servers).get(number.group(1))
    assert ticket.gemeente == "Reimerswaal" and "na tienen" in (ticket.preferred_moment or "")


def test_a_number_in_a_range_no_phone_has_is_told_what_is_wrong_and_the_typo_fixed(conversations: Messaging):
    """Residents' round 36: a 17-year-old's "0698765432" was refused three times with "a mobile number
    has 10 digits and starts with 06", and the callback he needed tonight was lost; an A2 writer's
    "ik begrijp niet" at the consent question was read as a no."""
    resident = Resident("rest", conversations)
    resident.say("ik heb schulden en weet niet hoe ik de huur moet betalen")
    yes(resident)
    consent = yes(resident)
    assert "Mag ik ze vragen?" in consent.text
    plainer = resident.say("ik begrijp niet. wat bedoel je gegevens?")  # no "nee": said in other words
    assert "Een meedenker wil u bellen" in plainer.text and "Mag ik u daarom vragen?" in plainer.text
    yes(resident)
    resident.say("Goes")
    asked = resident.say("D")
    assert "Hoe kan de meedenker u bereiken?" in asked.text
    wrong = resident.say("0698765432")
    assert "Dat 06-nummer bestaat niet" in wrong.text and "1, 2, 3, 4, 5 of 8" in wrong.text
    fixed = resident.say("oh wacht typfout. 0651239876")
    assert "Wanneer komt het u goed uit?" in fixed.text


def test_asking_to_be_called_about_a_worry_goes_to_the_callback_not_to_an_explanation(conversations: Messaging):
    """Residents' round 36: "ik wil graag dat een meedenker mij belt over ..." got "Een meedenker denkt met
    u mee ..." (what a meedenker is), and the resident's "ja" then started the conversation again."""
    resident = Resident("rest", conversations)
    first = resident.say("ik wil graag dat een meedenker mij belt over mijn vader met dementie")
    assert "Een meedenker denkt met u mee en zet samen met u uw vraag op een rij" not in first.text
    assert first.buttons and first.text.rstrip().endswith("?"), first.text  # a question that leads on
    after = yes(resident)
    assert "Waar kan ik u mee helpen?" not in after.text
    if "Mag ik ze vragen?" not in after.text:  # the summary or the offer came first: one more yes
        after = yes(resident)
    assert "Mag ik ze vragen?" in after.text or "In welke gemeente" in after.text, after.text


def test_a_time_span_a_name_correction_and_a_new_number_after_the_ticket_go_into_one_ticket(conversations: Messaging):
    """Residents' rounds 36 and 38 through the servers: "tussen 13 en 15 uur" was refused three
    times; "nee mijn naam is niet D, het is Dirk" was asked for again; a wrong number noticed after
    the ticket led through the whole form to a second ticket."""
    resident = Resident("rest", conversations)
    resident.say("ik heb schulden en weet niet hoe ik de huur moet betalen")
    yes(resident)
    consent = yes(resident)
    assert "Mag ik ze vragen?" in consent.text
    yes(resident)
    resident.say("Goes")
    resident.say("D")
    moment_asked = resident.say("0612345678")
    assert "Wanneer komt het u goed uit?" in moment_asked.text
    wish = resident.say("tussen 13 en 15 uur")
    assert "Wie wilt u als meedenker?" in wish.text
    read_back = resident.say("maakt niet uit")
    assert "Klopt dit?" in read_back.text and "tussen 13 en 15 uur" in read_back.text
    corrected = resident.say("nee mijn naam is niet D, het is Dirk")
    assert "Klopt dit?" in corrected.text and "D…" in corrected.text, corrected.text
    done = yes(resident)
    number = re.search(r"Uw nummer is (\S+?)\.", done.text)
    assert number, done.text
    assert "U koos een moment buiten kantoortijd" not in done.text  # 13-15 uur is within the meedenkers' hours

    asked = resident.say("oei, mijn nummer klopt niet")
    assert "Hoe kan de meedenker u bereiken?" in asked.text
    changed = resident.say("0687654321")
    assert f"Ik heb het veranderd in uw vraag {number.group(1)}" in changed.text, changed.text
    store = store_of(conversations.servers)
    try:
        assert store.contact(number.group(1), actor="test")["phone"] == "+31687654321"
        assert store.contact(number.group(1), actor="test")["name"] == "Dirk"
        assert store.get(number.group(1)).preferred_moment == "tussen 13 en 15 uur"
        assert len(tickets_of(conversations.servers, f"ch-{resident.address}")) == 1
    finally:
        store.close()


def test_laat_maar_is_no_yes_toch_wel_brings_the_offer_and_an_evening_wish_is_told_the_hours(conversations: Messaging):
    """Residents' round 38 through the servers: "laat maar" at the summary was taken as a yes and
    "toch wel" got a goodbye; "het is voor mij" kept "voor iemand anders"; an evening callback was
    accepted while the closing said nothing of the meedenkers' hours (round 36)."""
    resident = Resident("rest", conversations)
    first = resident.say("mijn vrouw is overleden en nu snap ik de post van de bank niet")
    if "iemand anders" in first.text:
        first = resident.say("Het is niet voor iemand anders, het is voor mij.")
        assert "iemand anders" not in first.text and "Klopt dat?" in first.text
    assert "Klopt dat?" in first.text, first.text
    stopped = resident.say("laat maar")
    assert "U kunt later altijd terugkomen" in stopped.text and "Mag ik ze vragen?" not in stopped.text
    back = resident.say("toch wel")
    assert "Wilt u dat een meedenker u belt?" in back.text
    yes(resident)
    yes(resident)
    resident.say("Tholen")
    resident.say("Wim")
    resident.say("0612345678")
    resident.say("'s avonds, dan ben ik thuis")
    read_back = resident.say("maakt niet uit")
    assert "dan ben ik thuis" in read_back.text  # the reason is kept for the meedenker
    done = yes(resident)
    assert "U koos een moment buiten kantoortijd" in done.text and "17.00" in done.text, done.text


def test_a_gemeente_named_after_not_served_reopens_the_callback_and_the_wishes_are_kept(conversations: Messaging):
    """Residents' round 39 through the servers: "Goes" after "we do not work in Zaanstad" was never
    heard; "spreek geen voicemail in" told with the number was lost; the read-back did not say
    which informeel meedenker was chosen."""
    resident = Resident("rest", conversations)
    resident.say("ik heb schulden en weet niet hoe ik de huur moet betalen")
    yes(resident)
    yes(resident)
    yes(resident)
    elsewhere = resident.say("Zaandam")
    assert "werken niet in Zaanstad" in elsewhere.text and "Goes" in elsewhere.text, elsewhere.text
    consent = resident.say("Goes")
    assert "Mag ik ze vragen?" in consent.text, consent.text
    name_asked = yes(resident)
    assert "Hoe mag de meedenker u noemen?" in name_asked.text  # the gemeente is not asked again
    resident.say("Ria")
    resident.say("06 12345678 maar spreek geen voicemail in")
    resident.say("ochtend")
    read_back = resident.say("iemand die het zelf heeft meegemaakt")
    assert "…5678 (spreek geen voicemail in)" in read_back.text, read_back.text
    assert "Gemeente: Goes" in read_back.text and "zelf meemaakte" in read_back.text, read_back.text
    done = yes(resident)
    number = re.search(r"Uw nummer is (\S+?)\.", done.text)
    assert number, done.text
    store = store_of(conversations.servers)
    try:
        ticket = store.get(number.group(1))
        assert ticket.gemeente == "Goes" and ticket.summary.startswith("Let op bij contact: spreek geen voicemail in.")
        assert "12345678" not in ticket.summary
    finally:
        store.close()


def test_answers_told_early_are_kept_an_e_mail_only_wish_and_no_second_offer_after_the_ticket(conversations: Messaging):
    """Residents' round 42 through the servers: a moment told with the number was asked again; "niet
    bellen! EMAIL" to the offer was read as no help; after the ticket, the listening line came with a
    second callback offer."""
    resident = Resident("rest", conversations)
    first = resident.say("ik heb schulden en ik snap de brieven van de bank niet")
    if "iemand anders" in first.text:
        first = resident.say("Het is voor mij.")
    assert "Klopt dat?" in first.text, first.text
    offer = yes(resident)
    assert "Wilt u dat een meedenker u belt?" in offer.text, offer.text
    consent = resident.say("niet bellen! EMAIL")
    assert "Mag ik ze vragen?" in consent.text, consent.text
    yes(resident)
    resident.say("Goes")
    resident.say("Anna")
    wish = resident.say("anna.test@example.org, mailen kan tussen 9 en 12 uur")
    assert "Wanneer komt het u goed uit?" not in wish.text and "meedenker" in wish.text, wish.text
    read_back = resident.say("maakt niet uit")
    assert "alleen e-mail, niet bellen" in read_back.text and "tussen 9 en 12 uur" in read_back.text, read_back.text
    done = yes(resident)
    assert re.search(r"Uw nummer is (\S+?)\.", done.text), done.text
    evening = resident.say("kan ik ergens heen als ik s avonds gewoon even wil praten")
    assert "Luisterlijn" in evening.text and "klaarzetten" not in evening.text, evening.text


def test_round_45_danger_at_home_a_dictated_question_and_coming_back_after_leaving(conversations: Messaging):
    """Residents' round 45 through the servers: a woman whose husband hit her closes the chat when he comes,
    comes back and is asked whether it is safe; a dictated question reaches the FAQ as a question; a
    question after the danger was heard is answered, not met with the Veilig Thuis block once more."""
    resident = Resident("rest", conversations)
    first = resident.say("mijn man heeft me vorige week geslagen en hij kijkt in mijn telefoon")
    assert "0800-2000" in first.text, first.text
    away = resident.say("hij komt eraan")
    assert "Sluit dit gesprek nu" in away.text
    back = resident.say("sorry ik ben er weer. hij is weer weg, naar zijn broer")
    assert "Fijn dat u er weer bent. Bent u nu veilig?" in back.text, back.text
    asked = resident.say("als ik veilig thuis bel gaat die dan naar de politie vraagteken")
    assert "anoniem om advies vragen" in asked.text, asked.text


def test_round_46_a_privacy_question_in_the_form_and_safe_now_after_thoughts_of_suicide(conversations: Messaging):
    """Residents' round 46 through the servers: a man in gambling debts asks at the consent question what
    happens to his number (it got the safety check, and "nee ik ben veilig" got it again); at the moment
    question he tells he thought of driving into a tree, says "ja soms wel" to the check and then that he is
    safe now: glad and taken seriously, never "dan begreep ik u verkeerd", and the form goes on."""
    resident = Resident("rest", conversations)
    resident.say("hoi ik heb schulden door gokken ongeveer 18000 euro en ik weet niet meer hoe ik hier uit moet komen")
    resident.say("ja klopt vooral de schulden")
    consent = resident.say("Ja, bel mij")
    assert "Mag ik ze vragen?" in consent.text, consent.text
    privacy = resident.say("ja ok maar wat gebeurt er met mijn nummer komt dat ergens bij de gemeente terecht")
    assert "in gevaar" not in privacy.text and "zelfdoding" not in privacy.text, privacy.text
    for answer in ("ja", "Huizen", "jeroen", "0612345678"):
        last = resident.say(answer)
    assert "Wanneer komt het u goed uit?" in last.text, last.text
    tree = resident.say("weet niet of er nog een moment is eerlijk gezegd gisteren dacht ik er aan om tegen een "
                        "boom te rijden dan is het klaar")
    assert "0800-0113" in tree.text, tree.text
    confirmed = resident.say("ja soms wel maar ik ga het vanavond niet doen echt niet")
    assert "Bent u nu veilig?" in confirmed.text, confirmed.text
    safe = resident.say("Ja, ik ben nu veilig")
    assert "Fijn dat u nu veilig bent" in safe.text and "verkeerd" not in safe.text, safe.text
    assert "Wanneer komt het u goed uit?" in safe.text, safe.text


def test_round_47_words_about_the_call_beside_the_number_and_a_yes_with_a_question(conversations: Messaging):
    """Residents' round 47 through the servers: a father with debts gives his number with "please call in
    english or with tolk" (it got the suicide question in English); the wish is read back and reaches the
    ticket; "ja dat klopt wel. staat er ook bij ...?" at the read-back sends it (it got "Sorry, dat begrijp ik
    niet"); "Ja, bel mij" after that is told it is arranged (it started the form again)."""
    resident = Resident("rest", conversations)
    resident.say("ik heb brief gekregen van belasting over toeslagen, ik moet terug betalen en ik snap niet")
    resident.say("ja klopt")
    consent = resident.say("Ja, bel mij")
    assert "Mag ik ze vragen?" in consent.text, consent.text
    for answer in ("ja", "Huizen", "Hamid"):
        last = resident.say(answer)
    assert "Hoe kan de meedenker u bereiken?" in last.text, last.text
    given = resident.say("06 1234 5678. please call in english or with tolk, my dutch is not good on phone")
    assert "113" not in given.text and "112" not in given.text and "zelfdoding" not in given.text, given.text
    assert "Wanneer" in given.text or "When" in given.text, given.text
    for answer in ("middag", "maakt niet uit"):
        last = resident.say(answer)
    assert "tolk" in last.text and "Klopt dit?" in last.text, last.text
    sent = resident.say("ja dat klopt wel. staat er ook bij dat het over de toeslagen gaat?")
    assert "Sorry" not in sent.text and "staat bij uw vraag" in sent.text and "MD-" in sent.text, sent.text
    [ticket] = tickets_of(conversations.servers, f"ch-{resident.address}")
    assert "tolk" in ticket.summary, ticket.summary
    again = resident.say("Ja, bel mij")
    assert "al geregeld" in again.text and "Mag ik ze vragen?" not in again.text, again.text
