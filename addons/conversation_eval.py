"""`make evaluate-conversations`: replay multi-turn conversations through the real servers.

Each conversation of the file (format: bot/conversation/conversation_cases.py) is played over HTTP against a
Rasa server and its action server, as a resident would: answer "ja" to the summary and the offer,
give the form's answers, and send the danger message when the assistant waits for the case's
step. After every turn the tracker says where the conversation stands and what the parse made of
the message (the crisis tier and route). Prints one JSON object of figures per step and style.

The conversations live all over the country, so the assistant runs with a network that serves
every gemeente (`MEEDENKER_GEMEENTEN=alle`, bot/coverage.py), as the test of this set does: with
the real sociale kaart the form rightly ends at a gemeente it does not serve, before the step
where the danger is told. A question shown with buttons that the case has no answer for ("Waar
gaat uw vraag vooral over?") is answered by pressing its first button, as a resident would pick
one; the output counts how often (`buttons_pressed`).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Sequence

import requests

from bot.conversation.conversation_cases import (
    ANSWERED_STEPS,
    ConversationCase,
    Outcome,
    TurnResult,
    answer_for,
    figures,
    load_conversations,
    step_of,
)
from bot.ops.settings import PROJECT_ROOT

MAX_TURNS = 16


class Replay:
    """One resident's conversation with a running assistant."""

    def __init__(self, url: str, token: str, session: requests.Session | None = None) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.session = session or requests.Session()
        self._buttons: list[dict] = []
        self.buttons_pressed = 0

    def answer(self, case: ConversationCase, step: str) -> str:
        """What the resident says at a step that is not the danger step (see the module docstring)."""
        if step not in ANSWERED_STEPS and self._buttons:
            self.buttons_pressed += 1
            return self._buttons[0].get("payload") or self._buttons[0].get("title") or "ja"
        return answer_for(case, step)

    def say(self, sender: str, text: str, step: str) -> TurnResult:
        answer = self.session.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                   timeout=60)
        answer.raise_for_status()
        replies = [m.get("text") or "" for m in answer.json()]
        self._buttons = [b for m in answer.json() for b in (m.get("buttons") or [])]
        tracker = self.tracker(sender)
        parse = next((e.get("parse_data") or {} for e in reversed(tracker.get("events") or [])
                      if e.get("event") == "user"), {})
        werkmodel = parse.get("werkmodel") or {}
        tier = werkmodel.get("crisis_tier")
        route = werkmodel.get("crisis_suspected") if tier == "check" else (
            werkmodel.get("route") if tier == "volledig" else None)
        self._slots = tracker.get("slots") or {}
        return TurnResult(text, step, route, tier, replies)

    def tracker(self, sender: str) -> dict:
        answer = self.session.get(f"{self.url}/conversations/{sender}/tracker", params={"token": self.token},
                                  timeout=30)
        answer.raise_for_status()
        return answer.json()

    def step(self) -> str:
        return step_of(self._slots.get("wacht_op"), self._slots.get("ticket_id"))

    def play(self, case: ConversationCase) -> Outcome:
        sender = f"eval-{case.id}-{uuid.uuid4().hex[:8]}"
        self._slots = {}
        turns = [self.say(sender, case.worry, "open")]
        if case.danger_at == "open":
            turns.append(self.say(sender, case.danger, "open"))
            return Outcome(case, True, turns, turns[-1])
        for extra in case.extra:
            turns.append(self.say(sender, extra, self.step()))
        while len(turns) < MAX_TURNS:
            step = self.step()
            if not case.calm and step == case.danger_at:
                turns.append(self.say(sender, case.danger, step))
                return Outcome(case, True, turns, turns[-1])
            if step == "na_ticket":
                return Outcome(case, case.calm, turns)
            turns.append(self.say(sender, self.answer(case, step), step))
        return Outcome(case, False, turns)


def replay_all(url: str, token: str, cases: Sequence[ConversationCase]) -> tuple[list[Outcome], int]:
    """Every conversation's outcome, and how many buttons were pressed for a case without an answer."""
    replay = Replay(url, token)
    return [replay.play(case) for case in cases], replay.buttons_pressed


def main(argv: list[str] | None = None) -> None:
    from addons.bench import assistant

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROJECT_ROOT / "tests" / "data" / "conversations_blind.yml")
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "meedenker.tar.gz")
    parser.add_argument("--transcripts", type=Path, help="write every turn and reply as JSON here")
    args = parser.parse_args(argv)
    cases = load_conversations(args.data)
    with tempfile.TemporaryDirectory(prefix="meedenker-conv-") as work:
        env, bot = assistant(Path(work), args.model)
        env["MEEDENKER_GEMEENTEN"] = "alle"  # see the module docstring
        bot.start()
        try:
            bot.wait()
            outcomes, pressed = replay_all(bot.url, env["RASA_API_TOKEN"], cases)
        finally:
            bot.stop()
    result = {"data": str(args.data), **figures(outcomes), "buttons_pressed": pressed}
    if args.transcripts:
        args.transcripts.write_text(json.dumps(
            [{"id": o.case.id, "route": o.case.route, "danger_at": o.case.danger_at, "reached": o.reached,
              "turns": [{"step": t.step, "text": t.text, "tier": t.tier, "crisis_route": t.crisis_route,
                         "replies": t.replies} for t in o.turns]} for o in outcomes],
            ensure_ascii=False, indent=1), encoding="utf-8")
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
