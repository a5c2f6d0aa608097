"""Gate on the blind language set (issue 27): tests/data/language_blind.yml, 340 messages over
Dutch, English, Arabic, Turkish, Polish, Ukrainian and Tigrinya, written by a helper who never saw
the code. A message is read as a first message in a Dutch conversation: the language the slot
`taal` (and the interpreter) then has; a short message that names no language keeps Dutch.

Measured on 2026-12-06 (bot/understanding/languages.py with the letter-trigram profiles): nl 1.000, en 0.967,
ar 1.000, tr 0.972, pl 0.944, uk 0.972, ti 1.000; Dutch never switched, mixed or not. After the
second set's changes (below): tr 1.000, pl 0.972; English 0.967 until a message of only English
words and words Dutch shares was read as English (0.983; "help me" stays Dutch: Dutch chat has it).
"""
from __future__ import annotations

from collections import defaultdict

import pytest
import yaml

from bot.understanding.languages import conversation_language
from bot.ops.settings import PROJECT_ROOT

MESSAGES = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "language_blind.yml").read_text(encoding="utf-8"))["messages"]
GATE = 0.97


def _read(text: str) -> str:
    return conversation_language(text) or "nl"


def _accuracy() -> dict[str, float]:
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for message in MESSAGES:
        right[message["lang"]][0] += _read(message["text"]) == message["lang"]
        right[message["lang"]][1] += 1
    return {language: hits / total for language, (hits, total) in right.items()}


ACCURACY = _accuracy()


def test_the_set_has_300_messages_over_the_seven_languages():
    assert len(MESSAGES) >= 300 and set(ACCURACY) == {"nl", "en", "ar", "tr", "pl", "uk", "ti"}


@pytest.mark.parametrize("language", sorted(ACCURACY))
def test_each_language_is_read_right_at_least_097(language):
    assert ACCURACY[language] >= GATE, ACCURACY


def test_dutch_is_never_switched_mixed_or_short():
    switched = [m["text"] for m in MESSAGES if m["lang"] == "nl" and _read(m["text"]) != "nl"]
    assert switched == []
    assert any(m.get("mixed") and m["lang"] == "nl" for m in MESSAGES)  # the set does hold mixed Dutch


# A second blind set (tests/data/language_blind_2.yml, 330 messages by another helper, 2026-12-06),
# first scored on the code above, then after reading a message partly in its own script as that
# language ("huurtoeslag ደው ኢሉ") and a few telling words in short messages ("pomocy", "anlamadım").
# First: nl 1.000 en 0.967 ar 0.941 tr 0.912 pl 0.882 uk 0.912 ti 0.765; final below (floors).
# Then (next session) word lists of Arabic, Ukrainian and Tigrinya typed in Latin letters, written by a
# helper who saw no code or test (bot/understanding/data/romanized_words.yml), a telling word in any
# message without a Dutch word, and Dutch office words ("gemeente", "afspraak") no longer counted as
# Dutch: ar 1.000 tr 0.971 pl 0.971 uk 1.000 ti 0.971 en 0.967 nl 1.000; then a message of only
# English words and words Dutch shares ("need help urgently") and "free", "charge", "cost": en 0.983.
SECOND = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "language_blind_2.yml").read_text(encoding="utf-8"))["messages"]
SECOND_FLOORS = {"nl": 1.0, "en": 0.97, "ar": 0.97, "tr": 0.97, "pl": 0.97, "uk": 0.97, "ti": 0.97}


def test_the_second_blind_set_holds_its_floors_and_never_switches_dutch():
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for message in SECOND:
        right[message["lang"]][0] += _read(message["text"]) == message["lang"]
        right[message["lang"]][1] += 1
    accuracy = {language: hits / total for language, (hits, total) in right.items()}
    assert all(accuracy[language] >= floor for language, floor in SECOND_FLOORS.items()), accuracy


@pytest.mark.parametrize("text, language", [
    ("huurtoeslag ደው ኢሉ፡ ስለምንታይ?", "ti"),       # Ethiopic beside a Dutch office word
    ("brief van gemeente — не розумію", "uk"),
    ("anlamadım", "tr"), ("pomocy", "pl"), ("tercuman lazim", "tr"),
    ("huurtoeslag'ım kesildi, ne yapmam gerekiyor?", "tr"),
])
def test_a_message_partly_in_its_own_script_or_one_telling_word_says_its_language(text, language):
    assert _read(text) == language


@pytest.mark.parametrize("text", ["Paweł", "ok", "Łukasz Nowak", "ik heb een brief van de gemeente, ok?", "Zoë"])
def test_names_and_dutch_keep_dutch(text):
    assert _read(text) == "nl"


@pytest.mark.parametrize("text, language", [
    ("kemey aleka, hagez deley", "ti"), ("ayfeltn, tergwami bejakum", "ti"),
    ("ana mo7taj musa3ada, risala mn baladiya", "ar"), ("shukran, mafhemt", "ar"),
    ("ya ne mozhu oplatyty kvartyru, dopomozhit bud laska", "uk"), ("ne rozumiyu, potribno perekladach", "uk"),
    ("mam list z gemeente, nie rozumiem", "pl"),
])
def test_a_language_typed_in_latin_letters_is_read(text, language):
    assert _read(text) == language


@pytest.mark.parametrize("text", ["afspraak gemeente morgen", "brief van de gemeente over huur",
                                  "ik wil een afspraak met de gemeente", "huur toeslag gemeente"])
def test_dutch_office_words_alone_keep_dutch(text):
    assert _read(text) == "nl"
