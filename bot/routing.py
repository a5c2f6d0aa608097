"""Which route fits a message (domain guide §4), from the intent model and the crisis rules.

Crisis comes first and never rests on the model alone: the reviewed rules in bot/crisis.py fire
on their own, whatever the model says. The model may add a crisis the rules missed, unless the
message is known figurative language ("ik schrok me dood").
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.crisis import CrisisSignal, detect_crisis, is_near_miss
from bot.language import is_english
from bot.werkmodel import (
    CRISIS_ROUTES,
    ROUTE_INFO,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)

MODEL_CRISIS_THRESHOLD = 0.6

# Intents that carry a worry, and the route each one means.
INTENT_ROUTES: dict[str, str] = {
    "hulpvraag": ROUTE_MEEDENKER,
    "mens_gevraagd": ROUTE_MEEDENKER,
    "luisteren": ROUTE_LUISTEREN,
    "crisis_113": "crisis_113",
    "crisis_112": "crisis_112",
    "crisis_veilig_thuis": "crisis_veilig_thuis",
}
INFO_PREFIX = "info_"
# Intents about the conversation itself: they carry no worry, so no leefgebied or doelgroep.
NO_TOPIC_INTENTS = frozenset(
    {"groet", "afscheid", "bedankt", "bevestigen", "ontkennen", "opnieuw", "buiten_bereik", "info_bot"}
)


@dataclass(frozen=True)
class RouteDecision:
    route: str | None  # None: the message holds no worry yet (a greeting, a "ja")
    intent: str  # the intent the dialogue should act on (a crisis rule overrides the model)
    reason: str  # "rule:<id>", "model", "language", "intent"
    crisis: CrisisSignal | None = None
    language: str = "nl"

    @property
    def has_topic(self) -> bool:
        """Whether leefgebieden and doelgroepen apply to this message."""
        return self.route is not None and self.route != ROUTE_INFO


def route_for_intent(intent: str) -> str | None:
    if intent.startswith(INFO_PREFIX) and intent != "info_bot":
        return ROUTE_INFO
    return INTENT_ROUTES.get(intent)


def decide_route(text: str, intent: str, confidence: float) -> RouteDecision:
    """The route of one message; crisis rules first, then the model, then language."""
    signal = detect_crisis(text)
    if signal is not None:
        return RouteDecision(signal.route, signal.route, f"rule:{signal.rule}", signal, _language(text))
    language = _language(text)
    if intent in CRISIS_ROUTES and confidence >= MODEL_CRISIS_THRESHOLD and not is_near_miss(text):
        return RouteDecision(intent, intent, "model", None, language)
    if intent in CRISIS_ROUTES:
        # A weak or figurative crisis guess without any rule: treat it as a support question.
        intent = "hulpvraag"
    if language == "en":
        return RouteDecision(ROUTE_MEEDENKER, "engels", "language", None, language)
    return RouteDecision(route_for_intent(intent), intent, "intent", None, language)


def _language(text: str) -> str:
    return "en" if is_english(text) else "nl"
