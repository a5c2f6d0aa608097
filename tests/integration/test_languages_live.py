"""Issue 27 through the real servers: a resident who writes Arabic, Turkish, Polish, Ukrainian or
Tigrinya gets, in that language, the numbers and the callback with an interpreter, and the ticket
records the language and the interpreter; danger in that language gets the crisis reply in it."""
from __future__ import annotations

import uuid

import pytest
import yaml

from bot.understanding.languages import INTERPRETER_LANGUAGES
from bot.ops.settings import PROJECT_ROOT
from tests.bot.understanding.test_languages import FIRST
from tests.conftest import texts
from tests.integration.test_routes import tickets_of

pytestmark = pytest.mark.servers
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
CRISIS = {"ar": "أريد أن أموت", "tr": "kendimi öldürmek istiyorum", "pl": "chcę się zabić", "uk": "я хочу вмерти",
          "ti": "ክመውት እደሊ እየ"}
NAME = {"ar": "فاطمة", "tr": "Ayşe", "pl": "Paweł", "uk": "Олена", "ti": "ፍሬወይኒ"}


def opening(response: str, language: str) -> str:
    """The words of a response's variation in `language` before its first placeholder."""
    for variant in DOMAIN[response]:
        if any(c.get("name") == "taal" and c.get("value") == language for c in variant.get("condition") or []):
            return variant["text"].split("{", 1)[0][:30]
    raise AssertionError(f"{response} has no {language} variation")


@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_another_language_gets_the_numbers_and_a_callback_with_an_interpreter(servers, language):
    sender = f"lang-{language}-{uuid.uuid4().hex[:8]}"
    turns = [(FIRST[language], "utter_andere_taal", ["112", "0800-0113", "0800-2000"]),
             ("/bevestigen", "utter_vraag_naam", []), (NAME[language], "utter_vraag_contact", []),
             ("0612345678", "utter_controle", ["…5678"]), ("/bevestigen", "utter_tolk_klaar", ["112"])]
    for text, response, numbers in turns:
        reply = texts(servers.say(sender, text))
        if response == "utter_andere_taal" and opening("utter_veiligheid_check", language) in reply:
            # The semantic net reads these languages by meaning only and may ask the safety check
            # first (docs/languages.md: about one ordinary message in four): a no goes on.
            assert all(number in reply for number in numbers), reply
            reply = texts(servers.say(sender, "/ontkennen"))
        assert opening(response, language) in reply, (text, reply)
        for number in numbers:
            assert number in reply, (text, reply)
        assert "Waar kan ik u mee helpen" not in reply and "begrijp ik niet" not in reply
    assert [(t.language, t.interpreter) for t in tickets_of(servers, sender)] == [(language, True)]


@pytest.mark.parametrize("language", INTERPRETER_LANGUAGES)
def test_danger_in_another_language_gets_the_crisis_reply_in_it_and_the_interpreter_offer(servers, language):
    reply = texts(servers.say(f"crisis-{language}-{uuid.uuid4().hex[:8]}", CRISIS[language]))
    assert opening("utter_crisis_113", language) in reply and "0800-0113" in reply and "112" in reply, reply
    assert opening("utter_tolk_aanbod", language) in reply, reply
