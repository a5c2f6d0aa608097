"""Issue 27, English all the way: every response the assistant can send has an English variation,
and the values it composes (dates, topics, the moment and wish of the form) are English too."""
from __future__ import annotations

import re

import pytest
import yaml

from addons.validate import SENT_BY_RASA, responses_in_rules, responses_sent_by_code
from bot.conversation.intake import guard
from bot.understanding.languages import english_values
from bot.municipality.office_hours import DAYS, MONTHS
from bot.ops.settings import PROJECT_ROOT
from bot.conversation.turn import run_turn

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
from tests.bot.understanding.test_languages import KEY, services  # noqa: F401,E402 - the queue fixture, with its key
# The FAQ's answer is one placeholder; config/faq.yml holds each answer in Dutch and English.
FILLED_PER_LANGUAGE = {"utter_faq"}
DUTCH_WORDS = re.compile(r"\b(?:" + "|".join((*DAYS, *MONTHS, "ochtend", "middag", "avond", "wonen", "geld", "uur",
                                               "maakt niet uit", "informeel", "formeel", "helpt")) + r")\b")


def _has_english(name: str) -> bool:
    return any(c.get("name") == "taal" and c.get("value") == "en"
               for variant in DOMAIN[name] for c in variant.get("condition") or [])


SENT = sorted((responses_sent_by_code() | responses_in_rules() | set(SENT_BY_RASA)) - FILLED_PER_LANGUAGE)


def test_the_walk_finds_the_responses_of_the_whole_conversation():
    assert {"utter_controle", "utter_crisis_113", "utter_terugbel_open", "utter_andere_taal", "utter_default"} <= set(SENT)


@pytest.mark.parametrize("name", SENT)
def test_every_response_the_assistant_can_send_has_an_english_variation(name):
    assert name in DOMAIN and _has_english(name), f"{name} is Dutch only"


def test_composed_values_are_english_and_the_residents_own_words_are_left_alone():
    values = english_values({"onderwerpen": "wonen, en over geld en post", "uiterlijk": "dinsdag 1 december",
                             "open_weer": "maandag 30 november om 9.00 uur", "moment": "dinsdag of donderdag, in de ochtend",
                             "voorkeur": "informeel", "kernwoorden": "'rent' en 'debts'", "naam": "Ben",
                             "gemeente": "Goes"})
    assert values == {"onderwerpen": "housing, and about money and letters", "uiterlijk": "Tuesday 1 December",
                      "open_weer": "Monday 30 November at 9.00", "moment": "Tuesday or Thursday, in the morning",
                      "voorkeur": "a volunteer", "kernwoorden": "'rent' and 'debts'", "naam": "Ben", "gemeente": "Goes"}


def test_an_english_conversation_reaches_a_ticket_with_english_values_and_records_english(services):
    werkmodel = {"language": "en", "leefgebieden": [{"id": "financien", "confidence": 0.9, "evidence": ["rent"]}],
                 "doelgroepen": []}
    slots: dict = {"taal": "en"}
    turns = [("I cannot pay my rent this month", "engels", werkmodel, None),
             ('/voor_wie{"voor_wie":"zelf"}', "voor_wie", {}, None),  # the button "For myself"
             ("yes", "engels", {"language": "en"}, None), ("yes", "engels", {"language": "en"}, None),
             ("yes please", "engels", {"language": "en"}, None), ("Goes", "hulpvraag", {}, None),
             ("Sam", "hulpvraag", {}, "naam"), ("0612345678", "hulpvraag", {}, "contact"),
             ("dinsdag ochtend", "hulpvraag", {}, None), ("vrijwilliger", "hulpvraag", {}, None),
             ("yes", "engels", {"language": "en"}, None)]
    said = []
    for text, intent, parse, step in turns:
        guarded = guard(text, step, KEY)
        message = {"text": guarded.text, "intent": {"name": intent}, "metadata": guarded.metadata, "werkmodel": parse,
                   "entities": [{"entity": "voor_wie", "value": "zelf"}] if intent == "voor_wie" else []}
        turn = run_turn(slots, message, "rest", "resident-en", lambda: ["I cannot pay my rent this month"],
                        lambda: services, KEY)
        slots = {**slots, **turn.slots}
        said += turn.responses
    names = [name for name, _ in said]
    assert "utter_controle" in names and "utter_terugbel_klaar" in names
    values = " | ".join(str(v) for _, vs in said for k, v in vs.items() if k not in ("kernwoorden",))
    assert not DUTCH_WORDS.search(values), values
    read_back = dict(said)["utter_controle"]
    assert read_back["moment"] == "Tuesday, in the morning" and read_back["voorkeur"] == "a volunteer"
    (ticket,) = services.store.list()
    assert (ticket.language, ticket.interpreter) == ("en", False)
