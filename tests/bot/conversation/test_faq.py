"""The FAQ residents ask mid-conversation (bot/conversation/faq/, config/faq.yml): every answer short, plain and
filled from configuration, open-now answers that follow the clock, per-channel answers, errors that
name the file and field, and the matcher: questions answered, worries and form answers left alone,
gated on the blind set (tests/data/faq_blind.yml, written without seeing config/faq.yml)."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import textstat
import yaml

from bot.conversation import faq
from bot.understanding.language import is_english
from bot.ops.settings import PROJECT_ROOT

CONFIG = PROJECT_ROOT / "config"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Office hours in config/office_hours.yml: Monday-Thursday 9-17, Friday 9-16, closed 25 and 26 December.
MONDAY_10 = datetime(2026, 12, 7, 10, 0, tzinfo=AMSTERDAM)
SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 0, tzinfo=AMSTERDAM)
FRIDAY_1630 = datetime(2026, 12, 4, 16, 30, tzinfo=AMSTERDAM)
CHRISTMAS_EVE_LATE = datetime(2026, 12, 24, 17, 30, tzinfo=AMSTERDAM)
SUNDAY_3AM = datetime(2026, 12, 6, 3, 0, tzinfo=AMSTERDAM)
MOMENTS = (MONDAY_10, SATURDAY_NIGHT, FRIDAY_1630, CHRISTMAS_EVE_LATE, SUNDAY_3AM)

_ENGLISH_START = re.compile(r"^(?:can|do|does|what|how|who|will|when|where|which|should|am|are|may|please|english|i|"
                            r"gp|no one|nobody|is (?:the|this|there|it|my|calling))\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _configure_defaults() -> None:
    """The real configuration files, a year of retention (the RETENTION_DAYS default)."""
    faq.configure(CONFIG / "helplines.yml", CONFIG / "office_hours.yml", 365)


@pytest.fixture(scope="module", autouse=True)
def configured():
    _configure_defaults()
    yield


@pytest.fixture
def reconfigure():
    """For a test that configures other files: the real ones again afterwards."""
    yield faq.configure
    _configure_defaults()


BOOK = faq.load_faq()
ALL_ANSWERS = [(entry.id, lang, channel, form) for entry in BOOK.entries.values()
               for channel in (None, *entry.kanalen) for lang, form in (("nl", "u"), ("nl", "je"), ("en", None))]
U_WORD = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
JE_WORD = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)


# ------------------------------------------------------------------------------------- the file

def test_every_topic_of_the_issue_is_in_the_file():
    assert set(faq.REQUIRED_IDS) <= set(BOOK.entries)
    assert len(faq.REQUIRED_IDS) == 65


def test_every_answer_in_the_file_has_a_je_form_without_u():
    """Read from the file itself, not through the loader: every entry and every per-channel answer
    has antwoord_je, and no "u" or "uw" in it (a "je" conversation must not switch to "u")."""
    data = yaml.safe_load(faq.FAQ_FILE.read_text(encoding="utf-8"))
    answers = [(e["id"], None, e) for e in data["faq"]]
    answers += [(e["id"], channel, texts) for e in data["faq"] for channel, texts in (e.get("kanalen") or {}).items()]
    assert len(answers) >= 65
    for faq_id, channel, texts in answers:
        je = texts.get("antwoord_je")
        assert isinstance(je, str) and je.strip(), (faq_id, channel)
        assert not U_WORD.search(je), (faq_id, channel, je)
        assert JE_WORD.search(je) or not U_WORD.search(texts["antwoord"]), (faq_id, channel, je)


# What an answer's facts hang on: placeholders, numbers, abbreviations and names.
_FACT = re.compile(r"\{\w+\}|\d+|\b(?:[A-Z]{2,}\w*|DigiD|Telegram|WhatsApp|Snel weg|Esc|Terug|Verwijderen|Luisterlijn|"
                   r"Veilig Thuis|Wmo|gratis|niet|geen|nooit|niemand|alleen|behalve)\b")


@pytest.mark.parametrize("faq_id", faq.REQUIRED_IDS)
def test_the_je_answer_says_what_the_u_answer_says(faq_id):
    """The same placeholders, numbers, names and negations, in the same order, and about as long."""
    entry = BOOK.entries[faq_id]
    for u_text, je_text in [(entry.antwoord, entry.antwoord_je)] + [(t[0], t[2]) for t in entry.kanalen.values()]:
        assert _FACT.findall(u_text) == _FACT.findall(je_text), je_text
        assert abs(len(u_text.split()) - len(je_text.split())) <= 2, je_text


@pytest.mark.parametrize("faq_id,lang,channel,form", ALL_ANSWERS)
def test_answer_is_short_plain_and_filled(faq_id, lang, channel, form):
    for now in MOMENTS:
        text = faq.answer(faq_id, lang, channel, now, aanspreek=form)
        assert "{" not in text and "}" not in text, text
        assert not re.search(r"\s[,.;:]|:\s*$|\(\s*\)", text), f"an empty placeholder: {text}"
        assert len(sentences(text)) <= 3, text
        assert max(len(s.split()) for s in sentences(text)) <= 20, text
        if lang == "nl":
            textstat.set_lang("nl")
            assert textstat.flesch_reading_ease(text) >= 60, text
            assert not (U_WORD if form == "je" else JE_WORD).search(text), text


def test_english_answers_never_carry_dutch_free_text_hours():
    text = faq.answer("veilig_thuis_chat", "en", now=MONDAY_10)
    assert "vaste tijden" not in text and "dag en nacht" not in text
    assert "at the times on its website" in text and "day and night" in text


def test_helpline_numbers_come_from_the_helplines_file(tmp_path, reconfigure):
    changed = yaml.safe_load((CONFIG / "helplines.yml").read_text(encoding="utf-8"))
    changed["luisterlijn"]["phone"] = "088 1234 567"
    path = tmp_path / "helplines.yml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    faq.configure(path, CONFIG / "office_hours.yml", 365)
    assert "088 1234 567" in faq.answer("luisterlijn_wat")
    assert "0767" not in faq.answer("luisterlijn_wat")


@pytest.mark.parametrize("days,dutch,english", [(365, "een jaar", "a year"), (730, "2 jaar", "2 years"),
                                                (90, "90 dagen", "90 days")])
def test_retention_is_the_configured_period(days, dutch, english, reconfigure):
    reconfigure(CONFIG / "helplines.yml", CONFIG / "office_hours.yml", days)
    assert f"Na {dutch} wissen we" in faq.answer("privacy_bewaren")
    assert f"After {english} we delete" in faq.answer("privacy_bewaren", "en")
    assert f"vanzelf na {dutch}." in faq.answer("privacy_wissen")


def test_veilig_thuis_says_plainly_whom_it_calls_and_children_get_the_kindertelefoon():
    """Residents' round 45: a woman asked three times whether Veilig Thuis calls the police and was told to
    ask them; a boy of 15 under violence at home got only the adult line."""
    assert "bellen zij niemand: niet de politie en niet uw partner" in faq.answer("veilig_thuis_anoniem")
    assert "not the police and not your partner" in faq.answer("veilig_thuis_anoniem", "en")
    child = faq.answer("kindertelefoon", aanspreek="je")
    assert "0800-0432" in child and "naam zeggen hoeft niet" in child and "kindertelefoon.nl" in child
    police = faq.answer("politie_bellen")  # residents' round 46: asked three times, never answered
    assert "112" in police and "0900-8844" in police and "Aangifte" in police


def test_the_privacy_answers_say_no_where_the_true_answer_is_no():
    assert faq.answer("privacy_meelezen").startswith("Nee, de gemeente leest niet mee")
    assert faq.answer("privacy_bsn").startswith("Nee, wij hebben uw BSN nooit nodig")
    assert faq.answer("onafhankelijk").count("niet voor de gemeente") == 1


# ------------------------------------------------------------------------------------- the clock

def test_meedenkers_open_now_follows_the_office_hours():
    assert faq.answer("meedenkers_open", now=MONDAY_10).startswith("De meedenkers zijn nu aan het werk.")
    saturday = faq.answer("meedenkers_open", now=SATURDAY_NIGHT)
    assert saturday.startswith("Nu zijn de meedenkers er niet; ze zijn er vanaf maandag 7 december om 9.00 uur weer.")
    assert "morgen vanaf 9.00 uur" in faq.answer("meedenkers_open", now=datetime(2026, 12, 7, 20, 0, tzinfo=AMSTERDAM))
    assert "vandaag vanaf 9.00 uur" in faq.answer("meedenkers_open", now=datetime(2026, 12, 8, 7, 0, tzinfo=AMSTERDAM))
    # Closed on 25 and 26 December: Christmas Eve after five, the next working moment is Monday the 28th.
    assert "vanaf maandag 28 december om 9.00 uur" in faq.answer("meedenkers_open", now=CHRISTMAS_EVE_LATE)
    assert faq.answer("meedenkers_open", "en", now=FRIDAY_1630).startswith(
        "The meedenkers are not working now; they are back from Monday 7 December at 9:00.")


def test_the_callback_date_is_computed_at_the_moment_of_asking():
    assert "uiterlijk dinsdag 8 december" in faq.answer("wanneer_gebeld", now=SUNDAY_3AM)
    assert "uiterlijk woensdag 9 december" in faq.answer("wanneer_gebeld", now=MONDAY_10)
    assert "by Tuesday 8 December" in faq.answer("wanneer_gebeld", "en", now=SUNDAY_3AM)


def test_luisterlijn_is_open_now_only_when_its_hours_say_day_and_night(tmp_path, reconfigure):
    assert faq.answer("luisterlijn_open", now=SUNDAY_3AM).startswith("Ja, De Luisterlijn is nu open")
    changed = yaml.safe_load((CONFIG / "helplines.yml").read_text(encoding="utf-8"))
    changed["luisterlijn"]["hours"] = "maandag tot en met vrijdag van 9 tot 22 uur"
    path = tmp_path / "helplines.yml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    faq.configure(path, CONFIG / "office_hours.yml", 365)
    for now in (SUNDAY_3AM, MONDAY_10):
        text = faq.answer("luisterlijn_open", now=now)
        assert "nu open" not in text and "nu te bellen" not in text
        assert "maandag tot en met vrijdag van 9 tot 22 uur" in text
        assert "open now" not in faq.answer("luisterlijn_open", "en", now=now)
    changed["luisterlijn"]["hours"] = "dag en nacht, 7 dagen per week"
    changed["luisterlijn"]["chat_hours"] = "elke avond van 19 tot 23 uur"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    faq.configure(path, CONFIG / "office_hours.yml", 365)
    text = faq.answer("luisterlijn_open", now=SUNDAY_3AM)
    assert text.startswith("De Luisterlijn is nu te bellen") and "de chat is open elke avond van 19 tot 23 uur" in text
    assert faq.answer("luisterlijn_open", now=SUNDAY_3AM, aanspreek="je") == text  # {nu_open} fits both forms


@pytest.mark.parametrize("hours,always", [
    ("dag en nacht, 7 dagen per week", True), ("24/7", True), ("elke dag, dag en nacht", True),
    ("dag en nacht", False), ("dag en nacht, behalve op zondag", False), ("op vaste tijden, kijk op de website", False),
    ("maandag tot en met vrijdag, dag en nacht", False), ("", False), (None, False)])
def test_always_open_needs_day_and_night_every_day(hours, always):
    assert faq.always_open(hours) is always


def test_now_must_know_its_timezone():
    with pytest.raises(ValueError, match="timezone-aware"):
        faq.answer("meedenkers_open", now=datetime(2026, 12, 7, 10, 0))


# ------------------------------------------------------------------------------------- channels

def test_quick_exit_is_answered_per_channel():
    widget = faq.answer("privacy_snel_weg", channel="widget")
    telegram = faq.answer("privacy_snel_weg", channel="telegram")
    whatsapp = faq.answer("privacy_snel_weg", channel="whatsapp")
    general = faq.answer("privacy_snel_weg")
    assert "Snel weg" in widget and "Esc" in widget and "Telegram" not in widget
    assert "Verwijderen" in telegram and "Snel weg" not in telegram
    assert len({widget, telegram, whatsapp, general}) == 3  # Telegram and WhatsApp: the same steps
    assert faq.answer("privacy_snel_weg", channel="rest") == widget  # Rasa's name of the widget's channel
    assert faq.answer("privacy_snel_weg", channel="socketio") == general


def test_can_he_see_this_chat_is_answered_per_channel():
    assert "tabblad" in faq.answer("privacy_telefoon_zien", channel="widget")
    assert "de chat blijft in WhatsApp staan" in faq.answer("privacy_telefoon_zien", channel="whatsapp")
    assert "Delete" in faq.answer("privacy_telefoon_zien", "en", channel="telegram")


def test_a_resident_called_je_gets_je_and_everyone_else_u():
    assert faq.answer("kosten", aanspreek="je") == ("Een meedenker is gratis. Je betaalt niets, ook geen eigen bijdrage. "
                                                    "Je hebt er ook geen verwijzing voor nodig.")
    assert faq.answer("kosten") == faq.answer("kosten", aanspreek="u") == faq.answer("kosten", aanspreek=None)
    assert "U betaalt niets" in faq.answer("kosten")
    assert "verwijder" in faq.answer("kanalen", channel="whatsapp", aanspreek="je")
    assert "je telefoon" in faq.answer("kanalen", channel="whatsapp", aanspreek="je")
    assert "Met de knop Terug kom je niet terug" in faq.answer("privacy_snel_weg", channel="rest", aanspreek="je")
    assert faq.answer("kosten", "en", aanspreek="je") == faq.answer("kosten", "en")  # English has one "you"
    with pytest.raises(ValueError, match="aanspreek"):
        faq.answer("kosten", aanspreek="jij")


def test_a_turn_of_a_je_conversation_answers_its_question_in_je():
    """bot/conversation/turn.py fills the FAQ answer with the conversation's slot `aanspreek`, like domain.yml's
    conditions do for every other reply."""
    from base64 import urlsafe_b64encode

    from bot.conversation.turn import run_turn

    key = urlsafe_b64encode(b"t" * 32).decode()

    def no_services():
        raise AssertionError("an FAQ answer writes no ticket")

    def asked(slots: dict, entities: list) -> str:
        message = {"text": "wat kost dat eigenlijk?", "intent": {"name": "info_kosten"}, "entities": entities}
        turn = run_turn(slots, message, "rest", "resident-1", lambda: [], no_services, key)
        return next(values["antwoord"] for name, values in turn.responses if name == "utter_faq")

    assert "Je betaalt niets" in asked({"aanspreek": "je"}, [])
    assert "Je betaalt niets" in asked({}, [{"entity": "aanspreek", "value": "je"}])  # this message said "je"
    assert "U betaalt niets" in asked({}, [])
    assert "You pay nothing" in asked({"aanspreek": "je", "taal": "en"}, [])


def test_unknown_question_or_language_is_an_error():
    with pytest.raises(KeyError):
        faq.answer("bestaat_niet")
    with pytest.raises(ValueError, match="lang"):
        faq.answer("kosten", lang="de")


# ------------------------------------------------------------------------------------- validation

def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(faq.FAQ_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "faq.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _entry(data: dict, faq_id: str) -> dict:
    return next(e for e in data["faq"] if e["id"] == faq_id)


@pytest.mark.parametrize("change,message", [
    (lambda d: _entry(d, "kosten").update(antwoord="Het kost {prijs}."), r"faq\[\d+\] \(kosten\)\.antwoord: unknown placeholder \{prijs\}"),
    (lambda d: _entry(d, "kosten").update(answer_en="Free {nu_open}"), r"\(kosten\)\.answer_en: \{nu_open\} is only computed"),
    (lambda d: _entry(d, "kosten").update(antwoord="Gratis {"), r"\(kosten\)\.antwoord: has a broken"),
    (lambda d: _entry(d, "kosten").pop("answer_en"), r"\(kosten\)\.answer_en: must be a text"),
    (lambda d: _entry(d, "kosten").pop("antwoord_je"), r"\(kosten\)\.antwoord_je: must be a text"),
    (lambda d: _entry(d, "kosten").update(antwoord_je="U betaalt niets."), r"\(kosten\)\.antwoord_je: says 'U'"),
    (lambda d: _entry(d, "kosten").update(antwoord="Jij betaalt niets."), r"\(kosten\)\.antwoord: says 'Jij'"),
    (lambda d: _entry(d, "kanalen")["kanalen"]["whatsapp"].pop("antwoord_je"), r"kanalen\.whatsapp: must have exactly"),
    (lambda d: _entry(d, "kanalen")["kanalen"]["telegram"].update(antwoord_je="Ja, met uw telefoon."),
     r"\(kanalen\)\.kanalen\.telegram\.antwoord_je: says 'uw'"),
    (lambda d: _entry(d, "kosten").update(kanalen={"sms": {"antwoord": "a", "answer_en": "b"}}), r"kanalen\.sms: is not a channel"),
    (lambda d: _entry(d, "kosten").update(kanalen={"widget": {"antwoord": "a"}}), r"kanalen\.widget: must have exactly"),
    (lambda d: _entry(d, "kosten").update(prijs=3), r"\(kosten\)\.prijs: is not a known field"),
    (lambda d: d["faq"].append(dict(_entry(d, "kosten"))), r"'kosten' appears twice"),
    (lambda d: d.update(faq=[e for e in d["faq"] if e["id"] != "pgb"]), r"faq: misses the entries pgb"),
    (lambda d: d.update(checked="gisteren"), r"'checked' must be a date"),
])
def test_a_mistake_in_the_file_names_the_file_and_the_field(tmp_path, change, message):
    path = _write(tmp_path, change)
    with pytest.raises(faq.FaqError, match=message) as raised:
        faq.load_faq(path)
    assert str(path) in str(raised.value)


def test_configure_refuses_a_bad_file(tmp_path, reconfigure):
    path = _write(tmp_path, lambda d: _entry(d, "kosten").update(antwoord="{onbekend}"))
    with pytest.raises(faq.FaqError, match="onbekend"):
        faq.configure(CONFIG / "helplines.yml", CONFIG / "office_hours.yml", 365, faq_file=path)


# ------------------------------------------------------------------------------------- matching

@pytest.fixture(scope="module")
def model() -> faq.FaqModel:
    return faq.build_model(BOOK)


def _given(model: faq.FaqModel, text: str) -> str | None:
    from bot.understanding.encoder import embed_one

    found = model.match_vector(embed_one(text), text)
    return found.id if found else None


# Asked the way residents ask, none of them in config/faq.yml.
QUESTIONS = [
    ("zeg, leest iemand van de gemeente dit gesprek mee?", "privacy_meelezen"),
    ("is de chat van de luisterlijn open op zondagavond", "luisterlijn_open"),
    ("spreekt er iemand van de meedenkers arabisch", "taal_eigen"),
    ("kost het mij geld als ik een meedenker neem?", "kosten"),
    ("mijn man leest mijn whatsapp, kan hij dit gesprek vinden?", "privacy_telefoon_zien"),
    ("welk nummer kan ik zelf bellen als ik jullie wil spreken", "welk_nummer"),
    ("mag mijn schoonzus mee naar het gesprek", "iemand_mee"),
    # the second round of residents' questions of 2026-12-06, in other words than theirs
    ("als ik veilig thuis bel, bellen ze dan de politie?", "veilig_thuis_anoniem"),
    ("is er iemand die de zorg een dag overneemt", "respijtzorg"),
    ("hoeveel weken heb ik voor bezwaar?", "bezwaar_termijn"),
    ("ik heb een MD nummer gekregen, welk nummer moet ik nu bellen?", "welk_nummer"),
    ("will my boss know about this chat", "niemand_weet"),
    # residents' round 38, in other words than theirs
    ("mijn vriend kijkt in mijn mobiel, hoe krijg ik dit gesprek weg?", "privacy_telefoon_zien"),
    ("waar vind ik mijn MD-nummer terug?", "referentie_kwijt"),
]
NOT_QUESTIONS = [
    "ik heb schulden, kunnen jullie helpen?", "mijn buurman maakt elke nacht herrie, wat moet ik doen",
    "Sanne", "dinsdagochtend", "ja", "Goes", "nee hoor", "[TELEFOON]", "iemand met ervaring graag",
    "ik voel me zo alleen sinds de scheiding", "mijn baas weet het al", "mijn vader heeft veel zorg nodig",
    "Ik zorg al drie jaar voor mijn moeder met dementie en ik kan niet meer. Mijn broer doet niets en ik slaap "
    "slecht. Ik weet niet waar ik moet beginnen met hulp aanvragen, er is zoveel en de gemeente stuurt steeds "
    "formulieren die ik niet snap. Wat kost dat allemaal?",
]


@pytest.mark.parametrize("text,faq_id", QUESTIONS)
def test_a_question_about_the_service_is_matched(model, text, faq_id):
    assert _given(model, text) == faq_id


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_a_worry_a_form_answer_or_a_story_is_not_an_faq_question(model, text):
    assert _given(model, text) is None


def test_match_embedding_gives_what_match_gives_without_embedding_twice(model, monkeypatch):
    from bot.understanding import encoder

    from bot.conversation.faq import service

    monkeypatch.setattr(service, "_model", model)
    text = "hoe lang bewaren jullie mijn gegevens eigenlijk"
    vector = encoder.embed_one(text)
    assert faq.match_embedding(vector, text) == faq.match(text)
    assert faq.match_embedding(vector, text).id == "privacy_bewaren"
    assert faq.match("Goes") is None  # no embedding needed for a lone word


def test_the_trained_model_is_cached_for_the_next_start(tmp_path):
    from bot.understanding.encoder import embed_cached

    cache = tmp_path / "faq"

    def embed_many(texts):
        return embed_cached(texts, PROJECT_ROOT / "var" / "encoder_cache")

    faq.build_model(BOOK, embed_many, cache)
    assert len(list(cache.glob("model-*.pkl"))) == 1
    again = faq.build_model(BOOK, embed_many, cache)
    assert len(list(cache.glob("model-*.pkl"))) == 1 and isinstance(again, faq.FaqModel)


# The blind set: 186 residents' questions (3 per topic) and 90 messages that are not FAQ questions,
# written by a helper who never saw config/faq.yml. Measured (docs/faq.md): 0.823 right, 0.016
# wrong, 0.033 of the non-FAQ messages answered when first scored; 0.849, 0.000 and 0.011 after
# questions framed with the resident's own situation were added to the file as a class (no longer a
# blind figure: the first errors had been read). With 12 questions for the three topics added later
# (contact_alleen_u, niemand_weet, verstuurd; written before their vragen) and the settings chosen
# again: 0.854, 0.000 and 0.000 on 198 questions. With 12 more for veilig_thuis_anoniem, respijtzorg
# and bezwaar_termijn (written before their vragen) and 10 worries near them: 0.843, 0.000 and 0.010
# on 210 questions and 100 others (the one answered was answered before too). The gates sit under
# these, so a change that loses ground fails; a rebuilt encoder engine may move a message or two.
BLIND = PROJECT_ROOT / "tests" / "data" / "faq_blind.yml"
GATE_RIGHT = 0.82
GATE_WRONG = 0.02
GATE_FALSE = 0.03


@pytest.fixture(scope="module")
def blind(model):
    items = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    return [(item["text"], item.get("faq"), _given(model, item["text"])) for item in items]


def test_blind_faq_questions_are_answered_right(blind):
    questions = [(text, gold, given) for text, gold, given in blind if gold]
    right = sum(given == gold for _, gold, given in questions) / len(questions)
    wrong = [(text, gold, given) for text, gold, given in questions if given and given != gold]
    assert right >= GATE_RIGHT, f"right {right:.3f} < {GATE_RIGHT}"
    assert len(wrong) / len(questions) <= GATE_WRONG, f"answered with another question's answer: {wrong}"


def test_blind_non_faq_messages_are_rarely_taken_for_a_question(blind):
    others = [(text, given) for text, gold, given in blind if not gold]
    taken = [(text, given) for text, given in others if given]
    assert len(taken) / len(others) <= GATE_FALSE, f"taken for an FAQ question: {taken}"


def test_a_bill_of_the_residents_own_is_no_question_about_what_the_service_costs(model):
    """Residents' round 43: "Ik moet betalen 2300 euro" got "Een meedenker is gratis"."""
    assert _given(model, "Wat ik moet doen met brief? Ik moet betalen 2300 euro") != "kosten"
    assert _given(model, "moet ik betalen voor een meedenker?") == "kosten"


def test_who_pays_for_a_stairlift_is_not_what_a_meedenker_costs():
    """Residents' round 44: "Moet ik de traplift zelf betalen of betaalt de gemeente?" got "Een meedenker is
    gratis", twice."""
    from bot.conversation.faq import match
    found = match("Nog een vraag. Moet ik de traplift zelf betalen of betaalt de gemeente?")
    assert found is not None and found.id == "wmo_kosten", found
    corrected = match("Nee, niet de meedenker. De traplift! Wie betaalt de traplift?")
    assert getattr(corrected, "id", None) != "kosten"  # never "Een meedenker is gratis" again
    assert match("wat kost een meedenker?").id == "kosten"
