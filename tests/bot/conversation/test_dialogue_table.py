"""The dialogue is a declared table (issue 26): Rasa's generic rule and docs/dialogue_table.md are
generated from it, and every intent of the domain is declared in it."""
import importlib.util

import yaml

from bot.conversation.dialogue import INTENT_KINDS, TABLE
from bot.ops.settings import PROJECT_ROOT

spec = importlib.util.spec_from_file_location("generate_rules", PROJECT_ROOT / "scripts" / "generate_rules.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


def test_the_rules_and_the_table_doc_are_generated_from_the_table():
    assert (PROJECT_ROOT / "data" / "stories" / "rules.yml").read_text(encoding="utf-8") == generate.rules_text(), \
        "run: python scripts/generate_rules.py"
    assert (PROJECT_ROOT / "docs" / "dialogue_table.md").read_text(encoding="utf-8") == generate.table_text(), \
        "run: python scripts/generate_rules.py"


def test_every_intent_of_the_domain_is_declared_and_nothing_else():
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(INTENT_KINDS) == set(domain["intents"]) | {"nlu_fallback"}


def test_every_kind_of_message_has_a_handler_whatever_is_pending():
    kinds = set(INTENT_KINDS.values())
    assert all(("*", kind) in TABLE or any(k == kind for _, k in TABLE) for kind in kinds)
    assert ("*", "other") in TABLE  # the last resort always answers
