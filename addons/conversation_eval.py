"""`make evaluate-conversations`: replay multi-turn conversations through the real servers.

Each conversation of the file (format: bot/conversation/conversation_cases.py) is played over HTTP against a
Rasa server and its action server, as a resident would: answer "ja" to the summary and the offer,
give the form's answers, and send the danger message when the assistant waits for the case's
step. After every turn the tracker says where the conversation stands and what the parse made of
the message (the crisis tier and route). Prints one JSON object of figures per step and style.
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

    def say(self, sender: str, text: str, step: str) -> TurnResult:
        answer = self.session.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                   timeout=60)
        answer.raise_for_status()
        replies = [m.get("text") or "" for m in answer.json()]
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
            turns.append(self.say(sender, answer_for(case, step), step))
        return Outcome(case, False, turns)


def replay_all(url: str, token: str, cases: Sequence[ConversationCase]) -> list[Outcome]:
    replay = Replay(url, token)
    return [replay.play(case) for case in cases]


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
        bot.start()
        try:
            bot.wait()
            outcomes = replay_all(bot.url, env["RASA_API_TOKEN"], cases)
        finally:
            bot.stop()
    result = {"data": str(args.data), **figures(outcomes)}
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
