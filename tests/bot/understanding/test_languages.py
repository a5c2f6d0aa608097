"""Issue 27: residents who write Arabic, Turkish, Polish, Ukrainian or Tigrinya (or Russian).

Whole conversations through bot.conversation.dialogue, the crisis rules of bot/understanding/crisis_languages.py through the
router, and the texts: every response these conversations can send has a variation in the
resident's language in domain.yml, with the numbers from config/helplines.yml placeholders.
"""
from __future__ import annotations

from base64 import urlsafe_b64encode
from pathlib import Path

import pytest
import yaml

from bot.conversation.callback import Services
from bot.conversation.dialogue import EFFECT_FLAG_CRISIS, EFFECT_SUBMIT, WAIT_TOLK, State, next_step
from bot.understanding.languages import INTERPRETER_LANGUAGES, conversation_language, detect, reply_language
from bot.municipality.office_hours import load_office_hours
from bot.queue import TicketStore
from bot.queue.crypto import SenderHasher
from bot.understanding.routing import TIER_FULL, decide_route
from bot.ops.settings import PROJECT_ROOT
from bot.municipality.sociale_kaart import load_sociale_kaart
from bot.conversation.turn import run_turn

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
CASES = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "crisis_languages.yml").read_text(encoding="utf-8"))
KEY = urlsafe_b64encode(b"t" * 32).decode()
FIRST = {
    "ar": "مرحبا، وصلتني رسالة من البلدية ولا أفهمها",
    "tr": "Merhaba, belediyeden bir mektup geldi ve anlamıyorum",
    "pl": "Dzień dobry, dostałem list z gminy i nie rozumiem",
    "uk": "Добрий день, я отримала лист від гемеенте і не розумію його",
    "ti": "ሰላም፡ ካብ ምምሕዳር ደብዳቤ መጺኡኒ ኣይተረደኣንን",
}
YES = {"ar": "نعم", "tr": "evet", "pl": "tak", "uk": "так", "ti": "እወ"}
NAME = {"ar": "فاطمة", "tr": "Ayşe", "pl": "Paweł", "uk": "Олена", "ti": "ፍሬወይኒ"}


def names(reply):
    return [name for name, _ in reply.responses]


def say(state, text, intent="engels", language=None):
    """One message as the NLU hands it on: non-Dutch text comes as intent "engels" with its language."""
    language = language or detect(text)
    return next_step(state, intent, {"language": language}, text)


def has_variant(response: str, language: str) -> bool:
    return any(c.get("name") == "taal" and c.get("value") == language
               for variant in DOMAIN["responses"][response] for c in variant.get("condition") or [])


# --- Detection -------------------------------------------------------------------------------

@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_each_language_is_recognised_and_its_ordinary_messages_too(language):
    assert detect(FIRST[language]) == language
    longer = [t for t in CASES[language]["ordinary"] if len(t.split()) >= 3]
    found = [detect(t) for t in longer]
    # Ukrainian without і ї є ґ reads as Cyrillic of another language: answered in English.
    assert all(f == language or (language == "uk" and f == "ru") for f in found), list(zip(longer, found))


@pytest.mark.parametrize("text", ["ok", "ja", "Sanne", "06 12345678", "👍", "F.", "Paweł", "Mehmet", "Ayşe Yılmaz",
                                  "ik heb een appointment morgen", "ik ben Ayşe en ik woon in Goes",
                                  "mijn werk is in Łódź geweest", "ik heb een meeting met de manager"])
def test_short_messages_names_and_mixed_dutch_never_switch_away_from_dutch(text):
    assert conversation_language(text) in (None, "nl")


def test_another_script_says_its_language_however_short_and_russian_is_answered_in_english():
    assert conversation_language("نعم") == "ar" and conversation_language("እወ") == "ti"
    assert conversation_language("Мені потрібна допомога") == "uk"
    # Russian has letters Ukrainian lacks (ы э ъ ё); Cyrillic with neither is read as Ukrainian.
    assert detect("Мы не можем заплатить за квартиру") == "ru" and reply_language("ru") == "en"
    assert conversation_language("так") == "uk"


def test_a_greeting_yes_or_thanks_alone_says_its_language_and_spelling_without_diacritics_too():
    assert [conversation_language(t) for t in ("Dzień dobry", "tak", "evet", "merhaba")] == ["pl", "pl", "tr", "tr"]
    assert detect("nie moge zaplacic czynszu w tym miesiacu") == "pl"
    assert detect("isimi kaybettim ne yapmaliyim simdi") == "tr"
    assert detect("ana 3ayez mosa3da fi el gawab") == "ar"
    assert conversation_language("我需要帮助") is None  # a script of no language here: the slot keeps its value


# --- Crisis in these languages ---------------------------------------------------------------

def _cases(kind):
    return [(language, *case) if kind == "crisis" else (language, case)
            for language, sets in CASES.items() for case in sets[kind]]


@pytest.mark.parametrize("language", [*INTERPRETER_LANGUAGES])
def test_ten_or_more_danger_and_ten_ordinary_messages_per_language(language):
    assert len(CASES[language]["crisis"]) >= 10 and len(CASES[language]["ordinary"]) >= 10


@pytest.mark.parametrize("language,route,text", _cases("crisis"))
def test_danger_is_heard_in_full_with_the_route_and_the_reply_language(language, route, text):
    # No model can read these languages: the rule alone gives the full reply, whatever the intent model says.
    decision = decide_route(text, "groet", 0.95, False, None, 1.0)
    assert (decision.route, decision.tier, decision.language) == (route, TIER_FULL, language), decision


@pytest.mark.parametrize("language,text", _cases("ordinary"))
def test_letters_rent_and_work_are_no_crisis(language, text):
    decision = decide_route(text, "hulpvraag", 0.5, True, None, 1.0)
    assert decision.tier is None, decision


# --- Conversations ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_the_callback_with_an_interpreter_asks_only_a_name_and_a_contact(language):
    sent: list[str] = []
    first = say(State(), FIRST[language])
    assert names(first) == ["utter_andere_taal"] and first.state.wacht_op == WAIT_TOLK
    assert first.state.tolk == language
    yes = say(first.state, YES[language], language=language)
    assert names(yes) == ["utter_vraag_naam"]
    name = say(yes.state, NAME[language], language=conversation_language(NAME[language]) or "nl")
    assert names(name) == ["utter_vraag_contact"]
    contact = next_step(name.state, "hulpvraag", {}, "06 12345678")
    assert names(contact) == ["utter_controle"]
    assert contact.state.contact == {"name": NAME[language], "phone": "+31612345678"}
    done = next_step(contact.state, "bevestigen", {}, "/bevestigen")
    assert EFFECT_SUBMIT in done.effects and done.state.tolk == language
    for reply in (first, yes, name, contact):
        sent += names(reply)
    assert all(has_variant(response, language) for response in sent), sent


@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_no_to_the_interpreter_keeps_the_numbers_and_the_offer_comes_once(language):
    first = say(State(), FIRST[language])
    no = next_step(first.state, "ontkennen", {}, "/ontkennen")
    assert names(no) == ["utter_tolk_nee"] and no.state.wacht_op is None
    again = say(no.state, FIRST[language])
    assert names(again) == ["utter_andere_taal"]  # asked again only after a new question of their own
    assert has_variant("utter_tolk_nee", language)


@pytest.mark.parametrize("language,route,text", [(lang, *CASES[lang]["crisis"][0]) for lang in INTERPRETER_LANGUAGES])
def test_a_crisis_in_another_language_gets_the_numbers_then_the_interpreter_callback(language, route, text):
    # Rasa has sent the crisis reply by rule (its variation in this language); the core offers the callback.
    reply = next_step(State(), route, {"language": language}, text)
    assert names(reply) == ["utter_tolk_aanbod"] and EFFECT_FLAG_CRISIS in reply.effects
    assert reply.state.crisis_route == route and reply.state.tolk == language
    yes = say(reply.state, YES[language], language=language)
    assert names(yes) == ["utter_vraag_naam"]
    for response in ("utter_crisis_113", "utter_crisis_112", "utter_crisis_veilig_thuis", "utter_veiligheid_check",
                     "utter_tolk_aanbod", "utter_crisis_herinnering"):
        assert has_variant(response, language), response


def test_after_the_ticket_another_message_is_not_offered_a_callback_again():
    state = State(tolk="pl", ticket_id="MD-ABC123")
    assert names(say(state, "Dzień dobry, kiedy ktoś zadzwoni do mnie?")) == ["utter_tolk_al_gevraagd"]


def test_english_please_and_dutch_please_switch_and_the_question_is_asked_again():
    first = say(State(), FIRST["ar"])
    switched = next_step(first.state, "hulpvraag", {"language": "en"}, "English please")
    assert names(switched) == ["utter_vraag_open"] and switched.state.tolk is None
    at_summary = State(wacht_op="samenvatting", leefgebieden={"wonen": {"confidence": 0.9, "evidence": ["rent"]}})
    back = next_step(at_summary, "hulpvraag", {"language": "nl"}, "kan het in het Nederlands?")
    assert names(back) == ["utter_samenvatting"] and back.state.wacht_op == "samenvatting"


def test_noise_at_the_interpreter_question_asks_it_again():
    first = say(State(), FIRST["tr"])
    again = next_step(first.state, "nlu_fallback", {}, "xyz")
    assert names(again) == ["utter_niet_begrepen_opnieuw", "utter_tolk_aanbod"]


# --- The ticket ------------------------------------------------------------------------------

@pytest.fixture
def services(tmp_path: Path):
    store = TicketStore(f"sqlite:///{tmp_path / 'queue.db'}", KEY)
    store.migrate()
    yield Services(store, load_sociale_kaart(PROJECT_ROOT / "config" / "sociale_kaart"),
                   load_office_hours(PROJECT_ROOT / "config" / "office_hours.yml"), SenderHasher(KEY))
    store.close()


def test_the_ticket_records_the_language_and_the_interpreter_and_the_reply_is_in_that_language(services):
    slots = {"taal": "uk"}
    for text, intent in [(FIRST["uk"], "engels"), ("так", "engels"), ("Олена", "engels"), ("0612345678", "hulpvraag")]:
        message = {"text": text, "intent": {"name": intent}, "werkmodel": {"language": detect(text)}}
        turn = run_turn(slots, message, "telegram", "resident-uk", lambda: [FIRST["uk"]], lambda: services, KEY)
        slots = {**slots, **turn.slots}
    assert [name for name, _ in turn.responses] == ["utter_controle"]
    message = {"text": "/bevestigen", "intent": {"name": "bevestigen"}, "werkmodel": {}}
    turn = run_turn(slots, message, "telegram", "resident-uk", lambda: [FIRST["uk"]], lambda: services, KEY)
    # One line in Ukrainian; no Dutch dates or organisation names, and no Dutch follow-up question.
    assert [name for name, _ in turn.responses] == ["utter_tolk_klaar"]
    (ticket,) = services.store.list()
    assert (ticket.language, ticket.interpreter) == ("uk", True)
    assert services.store.contact(ticket.id, actor="test") ["name"] == "Олена"


@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_violence_at_home_in_another_language_asks_a_safe_contact_and_no_contact_is_an_answer(language):
    route, text = next((r, t) for r, t in CASES[language]["crisis"] if r == "crisis_veilig_thuis")
    offered = next_step(State(), route, {"language": language}, text)
    name = say(say(offered.state, YES[language], language=language).state, NAME[language],
               language=conversation_language(NAME[language]) or "nl")
    assert names(name) == ["utter_vraag_contact_veilig"]
    refused = next_step(name.state, "hulpvraag", {}, "geen contact")  # the button's payload
    assert names(refused) == ["utter_geen_contact_veilig"] and not refused.effects
    assert has_variant("utter_vraag_contact_veilig", language) and has_variant("utter_geen_contact_veilig", language)


def test_three_misses_with_an_interpreter_never_fall_back_to_dutch():
    state = say(say(State(), FIRST["pl"]).state, "tak", language="pl").state
    for _ in range(3):
        reply = next_step(state, "hulpvraag", {}, "????? ja")
        state = reply.state
    assert names(reply) == ["utter_vraag_contact"]  # the name is skipped, never the way to call
    for _ in range(3):
        reply = next_step(state, "hulpvraag", {}, "nie wiem")
        state = reply.state
    assert names(reply) == ["utter_tolk_nee"] and state.wacht_op is None
    assert all(has_variant(n, "pl") for n in ("utter_ongeldig_naam", "utter_ongeldig_contact", "utter_niet_begrepen_opnieuw"))


def test_noise_twice_at_the_interpreter_offer_offers_it_once_more_in_that_language():
    first = say(State(), FIRST["ti"])
    once = next_step(first.state, "nlu_fallback", {}, "hmm")
    twice = next_step(once.state, "nlu_fallback", {}, "xyz")
    assert names(twice) == ["utter_tolk_aanbod"] and twice.state.wacht_op == WAIT_TOLK


@pytest.mark.parametrize("text", ["wallah habibi", "wollah ik heb geen geld meer abi", "yalla ik ga", "tamam broer",
                                  "inshallah komt het goed"])
def test_straattaal_loanwords_never_switch_away_from_dutch(text):
    assert conversation_language(text) in (None, "nl")


@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_the_safety_check_in_another_language_yes_gives_the_numbers_no_gives_the_offer(language):
    checked = next_step(State(vermoed_crisis="crisis_113"), "crisis_check", {"language": language}, FIRST[language])
    assert checked.state.tolk == language and checked.state.wacht_op == "veiligheid"
    yes = say(checked.state, YES[language], language=language)
    assert names(yes) == ["utter_crisis_113", "utter_tolk_aanbod"] and EFFECT_FLAG_CRISIS in yes.effects
    no = next_step(checked.state, "ontkennen", {}, "/ontkennen")
    assert names(no) == ["utter_andere_taal"] and no.state.wacht_op == WAIT_TOLK


@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_in_another_language_the_models_alone_only_ask_the_safety_check(language):
    from bot.understanding.crisis_net import CrisisScores
    sure = CrisisScores(0.99, "crisis_113", 0.99)  # both models sure of a crisis in an ordinary letter question
    decision = decide_route(FIRST[language], "crisis_113", 0.99, False, sure, 0.33, 0.33)
    assert (decision.tier, decision.intent, decision.language) == ("check", "crisis_check", language)
    calm = decide_route(FIRST[language], "crisis_113", 0.99, False, CrisisScores(0.1, "crisis_113", 0.5), 0.33, 0.33)
    assert calm.tier is None and calm.intent == "engels"


def test_a_few_words_of_no_one_language_keep_the_conversations_language():
    """Residents' tests: "is it free?" in an English conversation switched it to Dutch. Since "free",
    "cost" and "charge" are English words of the list, it says English itself."""
    from bot.understanding.languages import conversation_language
    assert conversation_language("is it free?") == "en"
    assert conversation_language("is it ok?") is None
    assert conversation_language("is het gratis?") == "nl"


def test_dutch_and_english_mixed_keeps_the_conversations_language():
    """Residents' round 45: an Eritrean man writing English got Dutch from "ok. wat gebeurt met mijn nummer
    als ik geef? who see it? gemeente?" on; a mixed message says no language, a Dutch one still does."""
    from bot.understanding.languages import conversation_language
    assert conversation_language("ok. wat gebeurt met mijn nummer als ik geef? who see it? gemeente?") is None
    assert conversation_language("ik heb schulden en ik weet het niet meer wat ik moet doen") == "nl"
    assert conversation_language("my landlord wants me out of the house by the end of the month") == "en"
