"""Multi-turn evaluation cases: danger that comes only later in a conversation, and calm ones.

Why: a first message is where the nets were measured, but residents often name the danger at the
summary, in a form answer or after the ticket. The format (tests/data/conversations_blind.yml):

    - id: d001
      style: typos
      worry: "first message, no danger"
      answers: {naam: ..., contact: ..., moment: ..., gemeente: ..., voorkeur: ...}
      danger_at: moment          # a step of STEPS; absent in a calm conversation
      danger: "the message sent at that step"
      route: crisis_113          # or none
      extra: ["..."]             # calm only: ordinary follow-ups sent after the worry

The replay (addons/conversation_eval.py) answers the assistant's questions until it waits for
`danger_at`, sends `danger` there, and records what the parse made of every resident turn. This
module holds the pure parts: loading, what to answer at which step, and the figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from bot.errors import ConfigError
from bot.municipality.config_files import read_list
from bot.understanding.werkmodel import CRISIS_ROUTES

FORM_STEPS: tuple[str, ...] = ("gemeente", "naam", "contact", "moment", "voorkeur")  # bot/conversation/callback_form.py order
STEPS: tuple[str, ...] = ("open", "samenvatting", "aanbod", "toestemming", *FORM_STEPS, "na_ticket")
CALM = "none"


class ConversationFileError(ConfigError, ValueError):
    """The conversation file does not have the documented format."""


@dataclass(frozen=True)
class ConversationCase:
    id: str
    style: str
    worry: str
    answers: dict[str, str]
    route: str  # a crisis route, or CALM
    danger_at: str | None = None
    danger: str | None = None
    extra: tuple[str, ...] = ()

    @property
    def calm(self) -> bool:
        return self.route == CALM


@dataclass
class TurnResult:
    """What one resident turn got: the crisis route the resident was shown (either tier) and how."""

    text: str
    step: str  # where the conversation stood when the resident sent it
    crisis_route: str | None
    tier: str | None
    replies: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    case: ConversationCase
    reached: bool  # whether the replay got to the danger step (or, calm, to a ticket)
    turns: list[TurnResult]
    danger_turn: TurnResult | None = None


def load_conversations(path: Path) -> list[ConversationCase]:
    data = read_list(path, ConversationFileError)
    cases = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("worry"), str):
            raise ConversationFileError(f"{path}: conversation {number} has no worry")
        route = str(item.get("route") or CALM)
        danger_at = item.get("danger_at")
        if route != CALM and (route not in CRISIS_ROUTES or danger_at not in STEPS or not item.get("danger")):
            raise ConversationFileError(f"{path}: conversation {number} has route {route!r} at {danger_at!r}")
        answers = {k: str(v) for k, v in (item.get("answers") or {}).items()}
        missing = [step for step in FORM_STEPS if not answers.get(step)]
        if missing:
            raise ConversationFileError(f"{path}: conversation {number} has no answer for {missing}")
        cases.append(ConversationCase(str(item.get("id") or number), str(item.get("style") or "plain"),
                                      item["worry"], answers, route, danger_at if route != CALM else None,
                                      item.get("danger") if route != CALM else None,
                                      tuple(str(x) for x in item.get("extra") or ())))
    return cases


def step_of(wacht_op: str | None, ticket_id: str | None) -> str:
    """The case-file step name for the assistant's pending question."""
    if wacht_op and wacht_op.startswith("form:"):
        return wacht_op[len("form:"):]
    if wacht_op in ("samenvatting", "aanbod", "toestemming"):
        return wacht_op
    if ticket_id and not wacht_op:
        return "na_ticket"
    return wacht_op or "open"


# Steps answer_for answers in its own words; at any other step a replay presses a shown button.
ANSWERED_STEPS: frozenset[str] = frozenset({*FORM_STEPS, "voor_wie", "veiligheid", "correctie", "samenvatting",
                                            "aanbod", "toestemming", "open", "na_ticket"})


def answer_for(case: ConversationCase, step: str) -> str:
    """What the resident says at a step that is not (yet) the danger step."""
    if step in FORM_STEPS:
        return case.answers[step]
    if step == "voor_wie":
        return "voor mezelf"
    if step == "veiligheid":
        return "nee, ik ben veilig"
    if step == "correctie":
        return case.worry
    return "ja"


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def figures(outcomes: Sequence[Outcome]) -> dict:
    """Per step and per style: recall of the crisis (either tier) and of the right route at the
    danger turn; for calm conversations, how many turns and conversations got an alarm."""
    danger = [o for o in outcomes if not o.case.calm]
    calm = [o for o in outcomes if o.case.calm]

    def recall(group: list[Outcome]) -> dict:
        reached = [o for o in group if o.reached and o.danger_turn is not None]
        return {
            "cases": len(group),
            "reached": len(reached),
            "recall_any_tier": _share(sum(1 for o in reached if o.danger_turn.crisis_route), len(reached)),
            "recall_right_route": _share(sum(1 for o in reached if o.danger_turn.crisis_route == o.case.route),
                                         len(reached)),
        }

    calm_turns = [t for o in calm for t in o.turns]
    return {
        "conversations": len(outcomes),
        "danger": recall(danger),
        "by_step": {step: recall([o for o in danger if o.case.danger_at == step]) for step in STEPS},
        "by_style": {style: recall([o for o in danger if o.case.style == style])
                     for style in sorted({o.case.style for o in danger})},
        "calm_conversations": len(calm),
        "calm_reached_ticket": sum(1 for o in calm if o.reached),
        "calm_turns": len(calm_turns),
        "calm_full_reply_turns": _share(sum(1 for t in calm_turns if t.tier == "volledig"), len(calm_turns)),
        "calm_check_turns": _share(sum(1 for t in calm_turns if t.tier == "check"), len(calm_turns)),
        "calm_conversations_alarmed": _share(sum(1 for o in calm if any(t.tier for t in o.turns)), len(calm)),
        "missed": [{"id": o.case.id, "step": o.case.danger_at, "text": o.case.danger, "route": o.case.route,
                    "got": o.danger_turn.crisis_route if o.danger_turn else None, "reached": o.reached}
                   for o in danger if not (o.reached and o.danger_turn and o.danger_turn.crisis_route == o.case.route)],
        "calm_alarms": [{"id": o.case.id, "step": t.step, "text": t.text, "tier": t.tier}
                        for o in calm for t in o.turns if t.tier],
    }
