"""Every crisis rule keeps, beside its regex, the messages it must and must not match (style.md
"Rules readable as data"). These tests check those examples against the engine, and that every rule
has its entry."""
from __future__ import annotations

import pytest

from bot.understanding.crisis import RULES, crisis_signals
from bot.understanding.crisis.rules_112 import EXAMPLES_112
from bot.understanding.crisis.rules_113 import EXAMPLES_113
from bot.understanding.crisis.rules_veilig_thuis import EXAMPLES_VEILIG_THUIS

EXAMPLES = {**EXAMPLES_112, **EXAMPLES_113, **EXAMPLES_VEILIG_THUIS}

MUST = [(rule_id, text) for rule_id, (must, _) in EXAMPLES.items() for text in must]
MUST_NOT = [(rule_id, text) for rule_id, (_, must_not) in EXAMPLES.items() for text in must_not]


def _rules_fired(text: str) -> set[str]:
    return {signal.rule for signal in crisis_signals(text)}


@pytest.mark.parametrize(("rule_id", "text"), MUST)
def test_rule_matches_its_examples(rule_id: str, text: str) -> None:
    assert rule_id in _rules_fired(text), f"{rule_id} should fire on {text!r}"


@pytest.mark.parametrize(("rule_id", "text"), MUST_NOT)
def test_rule_does_not_match_its_near_misses(rule_id: str, text: str) -> None:
    assert rule_id not in _rules_fired(text), f"{rule_id} should not fire on {text!r}"


def test_every_rule_has_examples_and_every_entry_names_a_rule() -> None:
    rule_ids = {rule_id for rule_id, _, _ in RULES}
    assert len(EXAMPLES) == len(EXAMPLES_112) + len(EXAMPLES_113) + len(EXAMPLES_VEILIG_THUIS)
    assert rule_ids - EXAMPLES.keys() == set(), "rules without examples"
    assert EXAMPLES.keys() - rule_ids == set(), "examples for a rule that does not exist"


@pytest.mark.parametrize("examples", [EXAMPLES_112, EXAMPLES_113, EXAMPLES_VEILIG_THUIS])
def test_each_module_keeps_examples_for_its_own_rules_only(examples: dict) -> None:
    routes = {route for rule_id, route, _ in RULES if rule_id in examples}
    assert len(routes) == 1
    for rule_id, (must, must_not) in examples.items():
        assert 2 <= len(must) <= 4, rule_id
        assert 1 <= len(must_not) <= 3, rule_id
