"""Play the flows of issues 25 and 26 against running servers and write docs/transcripts.md.

Why: the docs show one real transcript per flow, produced by the assistant itself, not written by
hand. Start the assistant first (`make run`), then: `.venv/bin/python scripts/transcripts.py`.
Each flow is a list of resident messages; a message starting with "/" is a button press.
"""
from __future__ import annotations

import argparse
import os
import uuid
from pathlib import Path

import requests

FLOWS: list[tuple[str, str, list[str]]] = [
    ("After a suicidal remark (issue 25.1)", "widget", [
        "Ik zorg al drie jaar voor mijn moeder. Zij heeft dementie.",
        "soms denk ik, was ik er maar niet meer",
        "113 bellen is een te grote stap voor mij",
        "ok doei",
        "/bevestigen",
        "/bevestigen",
    ]),
    ("Violence at home (issue 25.2)", "widget", [
        "Mijn man regelt al het geld en ik mag niks kopen.",
        "Hij neemt mijn telefoon af en gisteren heeft hij me geduwd",
        "kan hij dit gesprek zien?",
        "hij komt eraan",
        "/bevestigen",
        "/bevestigen",
        "liever niet",
        "R.",
        "geen contact",
    ]),
    ("An urgent need today (issue 25.3)", "rest", [
        "ik ben 17 en mn vader heeft me eruit gegooid, ik heb vannacht geen slaapplek",
        "Goes",
        "/bevestigen",
    ]),
    ("Questions, places and the read-back (issue 26)", "rest", [
        "ik wil een mens spreken",
        "/bevestigen",
        "leest de gemeente mee met dit gesprek?",
        "/bevestigen",
        "ik woon in Yerseke",
        "F.",
        "06 13572468",
        "is de luisterlijn nu open?",
        "avond",
        "maakt niet uit",
        "iets veranderen",
        "nummer",
        "06 24681357",
        "/bevestigen",
    ]),
    ("After 112, when help has come (issue 25.1, residents' tests)", "rest", [
        "mijn broer ligt op de grond en reageert niet",
        "ambulance is er nu. sorry ik weet niet waarom ik hier nog typ",
        "/bevestigen",
    ]),
    ("Everyday 'niet meer', a typed wish and a moment with hours (issues 25, 26)", "rest", [
        "ik kan de huur niet meer betalen en ik slaap er niet meer van",
        "/bevestigen",
        "ja bel mij",
        "ja hoor, ik woon in Kapelle",
        "ok. marco",
        "06 13572468",
        "dinsdag of donderdag tussen 10 en 3",
        "Iemand die het zelf meemaakte",
        "/bevestigen",
    ]),
    ("A correction and a stop (issue 26)", "rest", [
        "Ik heb schulden en de school van mijn zoon belt steeds.",
        "nee, het gaat niet over school",
        "/bevestigen",
        "/bevestigen",
        "/bevestigen",
        "stop",
        "stop de vragen",
        "toch doorgaan",
    ]),
]


def say(url: str, sender: str, text: str, client: str) -> list[dict]:
    metadata = {"message_id": uuid.uuid4().hex}
    if client == "widget":
        metadata["client"] = "widget"
    answer = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text,
                                                                   "metadata": metadata}, timeout=60)
    answer.raise_for_status()
    return answer.json()


def render(url: str) -> str:
    lines = ["# Transcripts of the conversation flows",
             "",
             "Written by `scripts/transcripts.py` against the running assistant (`make run`); not edited by",
             "hand. A line starting with `/` is a button press. Buttons are shown in [brackets].",
             ""]
    for title, client, messages in FLOWS:
        sender = f"transcript-{uuid.uuid4().hex[:10]}"
        lines += [f"## {title}", "", f"Channel: {'the website widget' if client == 'widget' else 'REST'}.", ""]
        for text in messages:
            lines.append(f"> **Resident:** {text}")
            lines.append(">")
            for reply in say(url, sender, text, client):
                body = reply.get("text", "").replace("\n", " ")
                buttons = " ".join(f"[{b.get('title')}]" for b in reply.get("buttons") or [])
                lines.append(f"> **Assistant:** {body} {buttons}".rstrip())
                lines.append(">")
            lines.append("")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    port = os.environ.get("RASA_PORT", "5005")
    parser.add_argument("--url", default=f"http://127.0.0.1:{port}")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "transcripts.md")
    args = parser.parse_args()
    args.out.write_text(render(args.url), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
