"""Write the transcripts of docs/languages.md: one conversation per language of issue 27, played
through bot/conversation/dialogue/ and shown with the texts of domain.yml (the crisis numbers filled in from
config/helplines.yml). Without Rasa: the crisis reply Rasa sends by rule is shown before the core's.

    PYTHONPATH=. .venv/bin/python scripts/language_transcripts.py > /tmp/transcripts.md
"""
from __future__ import annotations

import yaml

from bot.conversation.dialogue import CRISIS_RESPONSES, State, next_step
from bot.municipality.helplines import load_helplines
from bot.understanding.languages import INTERPRETER_LANGUAGES, detect
from bot.ops.settings import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
NUMBERS = load_helplines(PROJECT_ROOT / "config" / "helplines.yml").template_values()
CONVERSATIONS = {
    "ar": ["مرحبا، وصلتني رسالة من البلدية ولا أفهمها", "نعم", "فاطمة", "0612345678", "نعم"],
    "tr": ["Merhaba, belediyeden bir mektup geldi ve anlamıyorum", "evet", "Ayşe", "0612345678", "evet"],
    "pl": ["Dzień dobry, dostałem list z gminy i nie rozumiem", "tak", "Paweł", "0612345678", "tak"],
    "uk": ["Добрий день, я отримала лист від гемеенте і не розумію його", "так", "Олена", "0612345678", "так"],
    "ti": ["ሰላም፡ ካብ ምምሕዳር ደብዳቤ መጺኡኒ ኣይተረደኣንን", "እወ", "ፍሬወይኒ", "0612345678", "እወ"],
}
CRISIS = {"ar": "أريد أن أموت", "tr": "kendimi öldürmek istiyorum", "pl": "chcę się zabić", "uk": "я хочу вмерти",
          "ti": "ክመውት እደሊ እየ"}


def text(name: str, language: str, values: dict[str, str]) -> str:
    for variant in DOMAIN[name]:
        if any(c.get("name") == "taal" and c.get("value") == language for c in variant.get("condition") or []):
            body = variant["text"].format(**NUMBERS, **values)
            buttons = [b["title"].format(**NUMBERS) for b in variant.get("buttons") or []]
            return body + (f" [{' | '.join(buttons)}]" if buttons else "")
    return f"(no {language} text for {name})"


def play(language: str) -> list[str]:
    lines, state = [], State()
    for said in CONVERSATIONS[language]:
        spoken = detect(said)
        intent = "engels" if spoken != "nl" else "hulpvraag"
        reply = next_step(state, intent, {"language": spoken}, said)
        state = reply.state
        lines.append(f"- **resident:** {said}")
        for name, values in reply.responses:
            lines.append(f"- **assistant** (`{name}`): {text(name, language, {'naam': values.get('naam', ''), 'bereik': values.get('bereik', ''), **values})}")
        if reply.effects:
            lines.append(f"- *(ticket written: language {state.tolk}, interpreter yes)*")
            lines.append(f"- **assistant** (`utter_tolk_klaar`): {text('utter_tolk_klaar', language, {'referentie': 'MD-4K7P2Q'})}")
    lines.append("")
    said = CRISIS[language]
    route = "crisis_113"
    reply = next_step(State(), route, {"language": language}, said)
    lines.append(f"- **resident:** {said}")
    lines.append(f"- **assistant** (`{CRISIS_RESPONSES[route]}`, by Rasa's rule): {text(CRISIS_RESPONSES[route], language, {})}")
    for name, values in reply.responses:
        lines.append(f"- **assistant** (`{name}`): {text(name, language, values)}")
    return lines


if __name__ == "__main__":
    for language in INTERPRETER_LANGUAGES:
        print(f"### {language}\n")
        print("\n".join(play(language)))
        print()
