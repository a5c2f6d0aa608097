"""What the resident wrote about the worry, read from the conversation's stored events.

Why: the ticket's summary and the opschaal advice must hold the resident's description of the
question, never the answers to the assistant's own questions ("ja", "maakt niet uit", a name,
a gemeente, a button). The events are plain dicts as Rasa stores them; nothing here imports Rasa.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from bot.conversation import callback_form
from bot.understanding.noise import is_noise

# Intents that answer or steer the assistant instead of describing a worry ("ik wil een mens").
ANSWER_INTENTS = frozenset({"bevestigen", "ontkennen", "groet", "afscheid", "bedankt", "opnieuw",
                            "kies_leefgebied", "voor_wie", "nlu_fallback", "info_bot", "mens_gevraagd"})


def _describes_worry(event: Mapping[str, Any], waiting_for: str | None) -> bool:
    text = (event.get("text") or "").strip()
    if not text or text.startswith("/") or text.startswith("[") or is_noise(text):
        return False  # a button, a sealed or masked-away answer, or noise
    if callback_form.step_of(waiting_for) is not None:
        return False  # an answer inside the callback form
    parse = event.get("parse_data") or {}
    intent = (parse.get("intent") or {}).get("name") or ""
    werkmodel = parse.get("werkmodel") or {}
    route = werkmodel.get("route") or ""
    if werkmodel.get("crisis") or route.startswith("crisis") or werkmodel.get("leefgebieden"):
        return True
    if intent in ANSWER_INTENTS or intent.startswith("info_"):
        return False
    return route in ("meedenker", "luisteren") or len(text.split()) >= 3


def worry_texts(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The resident's messages of the current session that describe the worry, in order."""
    return [(event.get("text") or "").strip() for event in worry_events(events)]


def worry_events(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The user events whose texts `worry_texts` gives."""
    return _view_of(events).worries


def for_the_action_server(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The shortest event list that gives the action server the same `worry_texts` and latest
    message (its input channel): the worry's messages, then the `wacht_op` the latest message
    answered and that message itself.

    Why: the whole conversation went to the action server on every turn, so a long conversation
    cost more per turn than a short one. The worry's messages described the worry where they
    were written, and still do without the form step they came in (`_describes_worry`).
    """
    return _view_of(events).events()


def _view_of(events: Iterable[Mapping[str, Any]]) -> "ActionServerView":
    view = ActionServerView()
    for event in events:
        view.add(event)
    return view


@dataclass
class ActionServerView:
    """`for_the_action_server`, one event at a time: the next turn of a conversation adds only its
    new events to a copy of the view of the turns before."""

    worries: list[Mapping[str, Any]] = field(default_factory=list)
    waiting_for: str | None = None
    latest: Mapping[str, Any] | None = None
    latest_waiting_for: str | None = None
    since_start: bool = False  # the latest message came in the current session

    def add(self, event: Mapping[str, Any]) -> None:
        kind = event.get("event")
        if kind in ("session_started", "restart"):
            self.worries, self.waiting_for, self.since_start = [], None, False
        elif kind == "slot" and event.get("name") == "wacht_op":
            self.waiting_for = event.get("value")
        elif kind == "user":
            if _describes_worry(event, self.waiting_for):
                self.worries.append(event)
            self.latest, self.latest_waiting_for, self.since_start = event, self.waiting_for, True

    def events(self, with_worries: bool = True) -> list[Mapping[str, Any]]:
        """`for_the_action_server`; without the worry's messages on a turn that cannot write a
        ticket (bot/conversation/dialogue/ `may_write_a_ticket`)."""
        if self.latest is None:
            return []
        if not self.since_start:  # no message since the session started: no worry yet, only the channel
            return [self.latest, {"event": "session_started"}]
        worries = [event for event in self.worries if event is not self.latest] if with_worries else []
        return [*worries, {"event": "slot", "name": "wacht_op", "value": self.latest_waiting_for}, self.latest]

    def copy(self) -> "ActionServerView":
        return replace(self, worries=list(self.worries))
