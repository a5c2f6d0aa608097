"""Which route fits a message (domain guide §4), from the intent model and the crisis rules.

Crisis comes first and never rests on the model alone: the reviewed rules in bot/crisis.py fire
on their own, whatever the model says. The model may add a crisis the rules missed, unless the
message is known figurative language ("ik schrok me dood").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.crisis import CrisisSignal, detect_crisis, is_near_miss, is_negated_crisis
from bot.language import is_english
from bot.werkmodel import (
    CRISIS_ROUTES,
    ROUTE_INFO,
    ROUTE_LUISTEREN,
    ROUTE_MEEDENKER,
)

# The intent model may add a crisis the rules missed, but only when it is this sure, the message
# is Dutch (the model never saw English), and nothing in it denies or softens the crisis.
MODEL_CRISIS_THRESHOLD = 0.8
# Below this, an intent that carries no worry (info, out of scope) yields to the werkmodel
# classifier when that one finds a leefgebied: "ik kan de huur niet betalen" is a support question
# even if the intent model thinks of "wat kost het".
TOPIC_OVERRIDE_CONFIDENCE = 0.9

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
# Info questions are about meedenkers themselves (domain guide §4); without such words, a message
# with a life area is a support question ("moet ik die rekening betalen" is not "wat kost het").
_ABOUT_MEEDENKER = re.compile(
    r"meedenker|cli[eë]nt ?ondersteun|ondersteuner|jullie|gratis|onafhankelijk|keukentafel|"
    r"sociaal team|wijkteam|kost (?:het|dat|dit)|betalen voor|wat doe|wie kies",
    re.IGNORECASE,
)
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


def decide_route(text: str, intent: str, confidence: float, has_leefgebied: bool = False) -> RouteDecision:
    """The route of one message: crisis rules first, then the model, then the werkmodel, then language.

    `has_leefgebied` says whether the werkmodel classifier found a life area in the message.
    """
    signal = detect_crisis(text)
    language = _language(text)
    if signal is not None:
        return RouteDecision(signal.route, signal.route, f"rule:{signal.rule}", signal, language)
    if intent in CRISIS_ROUTES:
        if (confidence >= MODEL_CRISIS_THRESHOLD and language == "nl"
                and not is_near_miss(text) and not is_negated_crisis(text)):
            return RouteDecision(intent, intent, "model", None, language)
        # A weak, figurative, denied or English crisis guess without any rule: a support question.
        intent = "hulpvraag" if has_leefgebied else "luisteren" if intent == "crisis_113" else "hulpvraag"
    if language == "en":
        return RouteDecision(ROUTE_MEEDENKER, "engels", "language", None, language)
    worry = route_for_intent(intent) in (ROUTE_MEEDENKER, ROUTE_LUISTEREN)
    about_us = intent.startswith(INFO_PREFIX) and _ABOUT_MEEDENKER.search(text) is not None
    if has_leefgebied and not worry and not about_us and confidence < TOPIC_OVERRIDE_CONFIDENCE:
        return RouteDecision(ROUTE_MEEDENKER, "hulpvraag", "werkmodel", None, language)
    return RouteDecision(route_for_intent(intent), intent, "intent", None, language)


def _language(text: str) -> str:
    return "en" if is_english(text) else "nl"
