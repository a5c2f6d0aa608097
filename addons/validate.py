"""`make validate`: `rasa data validate --fail-on-warnings`, knowing which responses the code sends.

Why a wrapper: Rasa counts a response as used only when a story or rule names it. Here most
responses are sent by `action_reageer` (bot/conversation/dialogue/ decides, the action utters) or by the
channels (errors, outages), so Rasa would warn about every one of them and the warnings would
mean nothing. This runs Rasa's own validation with `--fail-on-warnings` and one change: a
response named in the code of bot/, actions/, channels/ or addons/ counts as used. Every other
warning still fails, and so does a response that neither a rule nor the code uses, or a name in
the code that the domain does not define. The two changes to Rasa's validator are patches of the
registry (addons/rasa_patches/validation.py). Likewise an intent that only ever arrives from a
button (`/voor_wie{...}`) or is set by the NLU component (`engels`, bot/understanding/routing.py) needs no
training examples: new intent classes would shift the class-balanced intent model.

Usage: python -m addons.validate
"""
from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path
import yaml

from bot.ops.settings import PROJECT_ROOT

CODE_DIRS = ("bot", "actions", "channels", "addons")
# The bench's stock reference bot brings a domain of its own: its responses are not ours.
OWN_DOMAIN = frozenset({"addons/bench.py"})
# A response name in quotes; not a prefix ("utter_crisis_") nor Rasa's own key "utter_action".
_LITERAL = re.compile(r"""["'](utter_(?!action["'])[a-z0-9_]*[a-z0-9])["']""")
_PAYLOAD_CODE = re.compile(r"""PayloadError\(\s*["']([a-z_]+)["']""")
# Sent by Rasa itself: action_default_fallback (RulePolicy's core fallback) utters utter_default.
SENT_BY_RASA = frozenset({"utter_default"})
# Intents the NLU component sets itself, and the module that sets them.
# (snel_weg and crisis_herhaald are set by addons/werkmodel_component.py under names from bot/conversation/dialogue/.)
INTENTS_SET_BY_CODE = {"engels": "bot/understanding/routing.py", "snel_weg": "bot/conversation/dialogue/state.py", "crisis_herhaald": "bot/conversation/dialogue/state.py"}
_BUTTON_INTENT = re.compile(r"^/([a-z_]+)")
# Library deprecation notices are not findings about the assistant's data.
IGNORED_CATEGORIES = (DeprecationWarning, PendingDeprecationWarning, FutureWarning, ImportWarning)


def responses_sent_by_code(root: Path = PROJECT_ROOT) -> set[str]:
    """Response names the code sends: literals, the form's questions and the channel errors."""
    from bot.conversation import callback_form

    names: set[str] = set(callback_form.ASK.values()) | set(callback_form.RETRY.values())
    for folder in CODE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            if path.relative_to(root).as_posix() in OWN_DOMAIN:
                continue
            source = path.read_text(encoding="utf-8")
            names.update(_LITERAL.findall(source))
            names.update(f"utter_invoer_{code}" for code in _PAYLOAD_CODE.findall(source))
    return names


def responses_in_rules(root: Path = PROJECT_ROOT) -> set[str]:
    """Responses the rules send themselves (the crisis replies): Rasa checks those as usual."""
    names: set[str] = set()
    for path in sorted((root / "data" / "stories").glob("*.yml")):
        names.update(re.findall(r"action:\s*(utter_[a-z0-9_]+)", path.read_text(encoding="utf-8")))
    return names


def domain_responses(root: Path = PROJECT_ROOT) -> set[str]:
    data = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8")) or {}
    return set(data.get("responses") or {})


def intents_without_examples(root: Path = PROJECT_ROOT) -> set[str]:
    """Intents that reach Rasa without the intent model: from buttons, or set by the code."""
    data = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8")) or {}
    found = set()
    for variants in (data.get("responses") or {}).values():
        for variant in variants or []:
            for button in variant.get("buttons") or []:
                match = _BUTTON_INTENT.match(str(button.get("payload") or ""))
                if match:
                    found.add(match.group(1))
    return found | set(INTENTS_SET_BY_CODE)


def problems(root: Path = PROJECT_ROOT) -> list[str]:
    """Names in the code that the domain lacks (a typo would send nothing to the resident)."""
    defined = domain_responses(root)
    found = [f"The code sends '{name}', but domain.yml has no such response."
             for name in sorted(responses_sent_by_code(root) - defined)
             if not any(known.startswith(f"{name}_") for known in defined)]  # a prefix test
    for intent, module in INTENTS_SET_BY_CODE.items():
        path = root / module
        if not path.exists() or f'"{intent}"' not in path.read_text(encoding="utf-8"):
            found.append(f"{module} no longer sets the intent '{intent}'.")
    return found


def main() -> None:
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        raise SystemExit(1)
    from addons.rasa_patches.base import PatchContext
    from addons.rasa_patches.registry import apply

    apply("validate", PatchContext(
        responses_used_by_code=frozenset((responses_sent_by_code() | SENT_BY_RASA) - responses_in_rules()),
        intents_without_examples=frozenset(intents_without_examples())))
    sys.argv = ["rasa", "data", "validate", "--fail-on-warnings", "--quiet"]
    from rasa.__main__ import main as rasa_main

    # Rasa 3.6 prints an unused response as a warning but still exits 0 with --fail-on-warnings
    # (validator.py: `ignore_warnings or everything_is_alright`), so every warning is counted here.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            rasa_main()
        except SystemExit as stop:
            if stop.code not in (0, None):
                raise
    found = [w for w in caught if not issubclass(w.category, IGNORED_CATEGORIES)]
    for warning in found:
        print(f"Warning: {warning.message}", file=sys.stderr)
    if found:
        raise SystemExit(f"rasa data validate: {len(found)} warning(s); --fail-on-warnings")


if __name__ == "__main__":
    main()
