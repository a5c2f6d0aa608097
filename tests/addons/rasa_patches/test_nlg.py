"""addons/rasa_patches/nlg.py: the helpline numbers in every response, through Rasa's NLG hook."""
from __future__ import annotations

import asyncio
import re

import pytest

from rasa.core.nlg import NaturalLanguageGenerator, TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from addons.rasa_patches.nlg import HelplineNLG
from bot.ops.settings import PROJECT_ROOT


def test_rasa_builds_the_generator_from_endpoints_yml_and_it_fills_the_numbers(settings_env, monkeypatch):
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:9/webhook")  # endpoints.yml reads it
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = NaturalLanguageGenerator.create(read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "nlg"), domain)
    assert isinstance(nlg, HelplineNLG)
    # Rasa's agent hands a loaded model's responses only to a templated generator (Agent.load_model).
    assert isinstance(nlg, TemplatedNaturalLanguageGenerator)
    tracker = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl")], domain.slots)
    message = asyncio.run(nlg.generate("utter_crisis_113", tracker, "rest"))
    assert "{" not in message["text"] and "113" in message["text"] and "0800-0113" in message["text"]
    assert all("{" not in button["title"] for button in message.get("buttons") or [])


def test_a_value_an_action_passes_wins_over_the_configured_one(settings_env):
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    tracker = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl")], domain.slots)
    message = asyncio.run(nlg.generate("utter_crisis_113", tracker, "rest", zmp_gratis="0800-TEST"))
    assert "0800-TEST" in message["text"] and "0800-0113" not in message["text"]


def test_the_113_reply_sent_by_rule_is_for_family_when_the_words_were_someone_elses(settings_env):
    """Residents' round 40: a mother who told what her son said was asked "Denkt u aan zelfdoding?"."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    other = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("over_wie", "ander")], domain.slots)
    message = asyncio.run(nlg.generate("utter_crisis_113", other, "rest"))
    assert "familie en vrienden" in message["text"] and "0800-0113" in message["text"]
    assert "Denkt u aan zelfdoding?" not in message["text"]
    own = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("over_wie", "zelf")], domain.slots)
    assert "familie en vrienden" not in asyncio.run(nlg.generate("utter_crisis_113", own, "rest"))["text"]


def test_the_goodbye_and_the_reminder_speak_to_the_parent_who_told_someone_elses_words(settings_env):
    """Residents' round 41: after 113 for family, the goodbye to the father asked "Bent u nu in gevaar?" and
    the form's reminder "als u aan zelfdoding denkt"."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    other = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("over_wie", "ander")], domain.slots)
    own = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("over_wie", "zelf")], domain.slots)
    goodbye = asyncio.run(nlg.generate("utter_crisis_afscheid_113", other, "rest"))["text"]
    assert "familie of vriend" in goodbye and "Is iemand nu in gevaar?" in goodbye and "0800-0113" in goodbye
    assert "Bent u nu in gevaar?" in asyncio.run(nlg.generate("utter_crisis_afscheid_113", own, "rest"))["text"]
    reminder = asyncio.run(nlg.generate("utter_crisis_herinnering", other, "rest"))["text"]
    assert "helpt ook familie en vrienden" in reminder and "als u aan zelfdoding denkt" not in reminder
    english = DialogueStateTracker.from_events("s", [SlotSet("taal", "en"), SlotSet("over_wie", "ander")], domain.slots)
    assert "as family or friend" in asyncio.run(nlg.generate("utter_crisis_afscheid_113", english, "rest"))["text"]


def test_the_preference_question_keeps_je_and_english_on_every_channel(settings_env):
    """Residents' round 40: a young man called "je" all along got "Wie wilt u als meedenker?"; on
    WhatsApp a channel's plain variation outranks any conditional one, so English got Dutch there."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    young = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("aanspreek", "je")], domain.slots)
    english = DialogueStateTracker.from_events("s", [SlotSet("taal", "en")], domain.slots)
    plain = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl")], domain.slots)
    for channel in ("rest", "whatsapp"):
        assert asyncio.run(nlg.generate("utter_vraag_voorkeur", young, channel))["text"].startswith("Wie wil je")
        assert asyncio.run(nlg.generate("utter_vraag_voorkeur", english, channel))["text"].startswith("Who would")
        assert asyncio.run(nlg.generate("utter_vraag_voorkeur", plain, channel))["text"].startswith("Wie wilt u")
    assert "je gemeente" in asyncio.run(nlg.generate("utter_gemeente_niet_gedekt", young, "rest",
                                                     gemeente="Zaanstad", gemeenten="Goes"))["text"]


def test_the_safety_check_is_not_repeated_word_for_word_while_its_answer_is_awaited(settings_env):
    """Residents' round 42: "ik zie bijna niemand meer" and "de dagen zijn lang" got the whole suicide
    question with its numbers twice in a row."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    first = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("vermoedelijke_crisis", "crisis_113")],
                                             domain.slots)
    asked = asyncio.run(nlg.generate("utter_veiligheid_check", first, "rest"))["text"]
    assert "zelfdoding" in asked or "niet meer te leven" in asked
    waiting = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl"), SlotSet("vermoedelijke_crisis", "crisis_113"),
                                                     SlotSet("wacht_op", "veiligheid")], domain.slots)
    again = asyncio.run(nlg.generate("utter_veiligheid_check", waiting, "rest"))
    assert again["text"].startswith("Mag ik nog even terugkomen op mijn vraag?") and again["text"] != asked
    assert [b["payload"] for b in again["buttons"]] == ["/bevestigen", "/ontkennen"]


@pytest.mark.parametrize("route", ["crisis_113", "crisis_112", "crisis_veilig_thuis", None])
def test_the_safety_check_says_je_to_a_resident_addressed_with_je_every_time(settings_env, route):
    """Residents' round 47: a girl of 16, "je" all along, got "Wat u schrijft ... denkt u erover om uzelf iets aan te
    doen". The most specific variation wins; Rasa alone picks at random among all whose conditions hold."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    events = [SlotSet("taal", "nl"), SlotSet("aanspreek", "je")] + ([SlotSet("vermoedelijke_crisis", route)] if route else [])
    young = DialogueStateTracker.from_events("s", events, domain.slots)
    for _ in range(20):
        text = asyncio.run(nlg.generate("utter_veiligheid_check", young, "rest"))["text"]
        assert not re.search(r"\b(?:u|uw|uzelf)\b", text) and re.search(r"\b(?:je|jij|jou|jezelf)\b", text), text
    grown = DialogueStateTracker.from_events("s", [e for e in events if getattr(e, "key", "") != "aanspreek"], domain.slots)
    for _ in range(10):
        text = asyncio.run(nlg.generate("utter_veiligheid_check", grown, "rest"))["text"]
        assert re.search(r"\bu\b", text) and not re.search(r"\b(?:je|jij)\b", text), text


def test_the_reminder_under_violence_at_home_names_that_danger_only(settings_env):
    """Residents' round 48: a mother who told of a shove, never of suicide, got "113 of 0800-0113 als u aan
    zelfdoding denkt" before every question of the form."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    nlg = HelplineNLG(domain=domain)
    for extra in ([], [SlotSet("aanspreek", "je")]):
        tracker = DialogueStateTracker.from_events(
            "s", [SlotSet("taal", "nl"), SlotSet("crisis_route", "crisis_veilig_thuis"), *extra], domain.slots)
        for _ in range(10):
            text = asyncio.run(nlg.generate("utter_crisis_herinnering", tracker, "rest"))["text"]
            assert "Veilig Thuis" in text and "zelfdoding" not in text and "113" not in text, text
    plain = DialogueStateTracker.from_events("s", [SlotSet("taal", "nl")], domain.slots)
    assert "zelfdoding" in asyncio.run(nlg.generate("utter_crisis_herinnering", plain, "rest"))["text"]
