"""addons/rasa_patches/validation.py: the two checks of Rasa's validator that `make validate` narrows."""
from __future__ import annotations

import re
import warnings

import pytest
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.validator import Validator

from addons.rasa_patches import validation
from addons.rasa_patches.base import PatchContext
from addons.validate import intents_without_examples, responses_in_rules, responses_sent_by_code
from bot.ops.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def validator() -> Validator:
    importer = TrainingDataImporter.load_from_config(
        str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"), [str(PROJECT_ROOT / "data")])
    return Validator.from_importer(importer)


@pytest.fixture
def patched(monkeypatch):
    for name in ("_gather_utterance_actions", "verify_intents"):
        monkeypatch.setattr(Validator, name, Validator.__dict__[name])  # restored after the test


def test_responses_the_code_sends_count_as_used_and_no_others(validator, patched):
    by_code = responses_sent_by_code() - responses_in_rules()
    before = validator._gather_utterance_actions()
    assert by_code & before, "Rasa already counts none of them as used"
    validation.code_responses_count_as_used(PatchContext(responses_used_by_code=frozenset(by_code)))
    after = validator._gather_utterance_actions()
    assert after == before - by_code


def unlisted_in_nlu(validator: Validator) -> set[str]:
    """The intents Rasa warns about as "listed in the domain, but not found in the NLU data"."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        validator.verify_intents(ignore_warnings=False)
    found = (re.search(r"The intent '(\w+)' is listed in the domain", str(w.message)) for w in caught)
    return {match.group(1) for match in found if match}


def test_intents_from_buttons_need_no_examples_and_others_still_do(validator, patched):
    stock = Validator.__dict__["verify_intents"]
    without = intents_without_examples()
    warned = unlisted_in_nlu(validator)
    assert warned and warned <= without, "stock Rasa warns about exactly these"
    validation.button_intents_count_as_handled(PatchContext(intents_without_examples=frozenset(without)))
    assert unlisted_in_nlu(validator) == set()
    Validator.verify_intents = stock  # the fixture restores it after the test as well
    left_out = sorted(warned)[0]
    validation.button_intents_count_as_handled(PatchContext(intents_without_examples=frozenset(without - {left_out})))
    assert unlisted_in_nlu(validator) == {left_out}, "an intent without examples went unnoticed"
