"""What every patch module shares: the `Patch` record, the values patches are applied with, and
the marker that keeps a method from being wrapped twice.

Kept apart from the registry so the patch modules can use it without importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

ORIGINAL = "_meedenker_original"  # on a replacement function: the function it replaced


def once(owner: Any, attribute: str) -> Optional[Callable]:
    """The unpatched function, or None when this patch was already applied."""
    current = owner.__dict__[attribute]
    function = getattr(current, "__func__", current)
    if getattr(function, ORIGINAL, None) is not None:
        return None
    return function


@dataclass(frozen=True)
class PatchContext:
    """What the patches of one process read: the settings (servers) or the names the code sends
    (`make validate`). A patch reads only the fields of its own process."""

    settings: Any = None  # bot.ops.settings.Settings
    action_secret: str = ""
    responses_used_by_code: frozenset[str] = field(default_factory=frozenset)
    intents_without_examples: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Patch:
    """One change to Rasa or rasa_sdk.

    `target` is the dotted path of what is replaced in the installed package, `reason` why
    (what it costs or breaks without it), `test` the test that fails without it
    ("path::name"), `process` the process it is applied in: "rasa" (the Rasa server),
    "actions" (the action server) or "validate" (`make validate`).
    """

    name: str
    process: str
    target: str
    reason: str
    test: str
    apply: Callable[[PatchContext], None]


@dataclass(frozen=True)
class Hook:
    """A place where Rasa takes our class by name, so nothing of Rasa is replaced: listed beside
    the patches so a maintainer sees every change to Rasa's behaviour in one place."""

    name: str
    configured_in: str  # the file that names the class
    target: str  # the class Rasa loads
    reason: str
    test: str
