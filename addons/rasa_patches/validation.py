"""Patches to Rasa's data validator for `make validate` (addons/validate.py says why).

Rasa 3.6's `Validator` has no option for responses sent by code or intents that only arrive
from buttons, so two of its checks are narrowed; every other check runs as Rasa wrote it.
"""
from __future__ import annotations

from typing import Any

from addons.rasa_patches.base import PatchContext


def code_responses_count_as_used(context: PatchContext) -> None:
    """A response the code sends (bot/, actions/, channels/, addons/) counts as used."""
    from rasa.validator import Validator

    used_by_code = context.responses_used_by_code
    original = Validator._gather_utterance_actions

    def gather(self: Any) -> set[str]:
        return {name for name in original(self) if name not in used_by_code}

    Validator._gather_utterance_actions = gather  # type: ignore[method-assign]


def button_intents_count_as_handled(context: PatchContext) -> None:
    """Only for the check "listed in the domain, but not found in the NLU training data"."""
    from rasa.validator import Validator

    without_examples = context.intents_without_examples
    original_check = Validator.verify_intents
    original_intents = Validator._non_default_intents

    def verify_intents(self: Any, ignore_warnings: bool = True) -> bool:
        self._non_default_intents = lambda: [i for i in original_intents(self) if i not in without_examples]
        try:
            return original_check(self, ignore_warnings)
        finally:
            del self._non_default_intents

    Validator.verify_intents = verify_intents  # type: ignore[method-assign]
