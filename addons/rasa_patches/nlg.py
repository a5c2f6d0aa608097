"""The response generator: Rasa's templated one, with the helpline numbers filled in.

Named in endpoints.yml (`nlg: type: addons.rasa_patches.nlg.HelplineNLG`), Rasa 3.6's hook for a
custom generator, so nothing of Rasa is replaced. Why: the crisis responses are sent by rule, by
Rasa itself (data/stories/crisis.yml), so they reach the resident even when the action server is
down; their `{placeholders}` must then be filled without an action. Values an action or a channel
passes explicitly still win.

Being a `TemplatedNaturalLanguageGenerator`, it gets the model's responses from Rasa's agent when
a model is loaded (`Agent.load_model`), as the default generator does.
"""
from __future__ import annotations

import random
from typing import Any, Optional

from rasa.core.nlg.response import ResponseVariationFilter, TemplatedNaturalLanguageGenerator

from bot.conversation.dialogue.state import WAIT_VEILIGHEID
from bot.municipality.helplines import load_helplines
from bot.ops.settings import get_settings


class HelplineNLG(TemplatedNaturalLanguageGenerator):
    """Every response Rasa renders gets the helpline numbers from the helplines file (settings)."""

    def __init__(self, endpoint_config: Any = None, domain: Any = None) -> None:
        super().__init__(domain.responses if domain is not None else {})
        self.helpline_values = load_helplines(get_settings().helplines_file).template_values()

    async def generate(self, utter_action: str, tracker: Any, output_channel: str,
                       **kwargs: Any) -> Optional[dict[str, Any]]:
        if utter_action == SAFETY_CHECK and _asked_already(tracker):
            # The check already waits for its answer: the same block of numbers twice in a row is what
            # a widower who wrote "de dagen zijn lang" called being startled twice (residents' round 42).
            utter_action = SAFETY_CHECK_AGAIN
        if utter_action in FOR_SOMEONE_ELSE and _about_someone_else(tracker):
            # Someone else's words of suicide, told by a parent or a friend: 113 for those around them,
            # not "Denkt u aan zelfdoding?" to the one who tells it (residents' rounds 40 and 41), in
            # the reply, the reminder before the form's questions and the goodbye.
            utter_action = FOR_SOMEONE_ELSE[utter_action]
        return await super().generate(utter_action, tracker, output_channel,
                                      **{**self.helpline_values, **kwargs})

    def _random_response_for(self, utter_action: str, output_channel: str,
                             filled_slots: dict[str, Any]) -> Optional[dict[str, Any]]:
        """Of the variations whose conditions hold, one of those with the most conditions: "je" for a young
        resident beats the route's "u" text (Rasa alone picks at random among all that hold)."""
        if utter_action not in self.responses:
            return None
        suitable = ResponseVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, filled_slots)
        if not suitable:
            return None
        most = max(len(variant.get("condition") or []) for variant in suitable)
        return random.choice([variant for variant in suitable if len(variant.get("condition") or []) == most])


SAFETY_CHECK = "utter_veiligheid_check"
SAFETY_CHECK_AGAIN = "utter_veiligheid_check_nogmaals"


def _asked_already(tracker: Any) -> bool:
    """The dialogue still waits for the answer to the safety check (Dutch and English only, the
    languages the short reminder is written in)."""
    slots = tracker.current_slot_values() if tracker is not None else {}
    return slots.get("wacht_op") == WAIT_VEILIGHEID and slots.get("taal") in (None, "nl", "en")


FOR_SOMEONE_ELSE = {
    "utter_crisis_113": "utter_crisis_113_ander",
    "utter_crisis_afscheid_113": "utter_crisis_afscheid_113_ander",
    "utter_crisis_herinnering": "utter_crisis_herinnering_ander",
}


def _about_someone_else(tracker: Any) -> bool:
    """The NLU set `over_wie` to "ander" on this message (addons/werkmodel_component.py); only in
    Dutch and English, the languages that response is written in."""
    slots = tracker.current_slot_values() if tracker is not None else {}
    return slots.get("over_wie") == "ander" and slots.get("taal") in (None, "nl", "en")
