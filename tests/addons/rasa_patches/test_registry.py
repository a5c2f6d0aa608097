"""addons/rasa_patches/registry.py: every change to Rasa is listed, still has a target, and is tested."""
from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

from addons.rasa_patches import registry
from addons.rasa_patches.base import Patch, PatchContext
from bot.ops.settings import PROJECT_ROOT


def resolve(dotted: str) -> Any:
    """The object a dotted path names in the installed packages (module, then attributes)."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            found = getattr(found, attribute)
        return found
    raise ImportError(dotted)


def assert_test_exists(reference: str) -> None:
    """The file, and the test function in it when one is named."""
    path, _, name = reference.partition("::")
    source = (PROJECT_ROOT / path).read_text(encoding="utf-8")
    assert not name or re.search(rf"^(async )?def {re.escape(name)}\(", source, re.MULTILINE), reference


@pytest.mark.parametrize("patch", registry.PATCHES, ids=lambda p: p.name)
def test_each_patch_targets_something_the_installed_rasa_has_and_names_an_existing_test(patch: Patch):
    assert patch.process in registry.PATCHED_PACKAGE
    assert patch.target.split(".")[0] == registry.PATCHED_PACKAGE[patch.process].replace("-", "_")
    resolve(patch.target)
    assert len(patch.reason) > 30
    assert_test_exists(patch.test)


@pytest.mark.parametrize("hook", registry.HOOKS, ids=lambda h: h.name)
def test_each_hook_is_named_in_its_configuration_file_and_its_class_exists(hook):
    assert hook.target in (PROJECT_ROOT / hook.configured_in).read_text(encoding="utf-8")
    module, _, name = hook.target.rpartition(".")
    source = (PROJECT_ROOT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
    assert re.search(rf"^class {name}\(", source, re.MULTILINE)
    assert_test_exists(hook.test)


def test_every_patch_has_its_own_name():
    names = [p.name for p in registry.PATCHES] + [h.name for h in registry.HOOKS]
    assert len(names) == len(set(names))


def test_the_replay_check_is_wrapped_inside_the_early_embedding():
    """Both wrap handle_message: the embedding starts first, a replayed id is answered from inside."""
    order = [p.name for p in registry.PATCHES]
    assert order.index("replayed_message_ids") < order.index("embed_on_arrival")


def test_another_rasa_version_stops_the_start_with_what_to_do(monkeypatch):
    monkeypatch.setattr(registry, "installed_version", lambda package: "3.7.0")
    with pytest.raises(SystemExit) as stopped:
        registry.apply("rasa", PatchContext())
    message = str(stopped.value)
    assert "rasa 3.7.0 is installed" in message and f"rasa {registry.pinned_version('rasa')}" in message
    assert "requirements.lock" in message and "make install" in message


def test_the_pinned_versions_are_the_installed_ones():
    for package in set(registry.PATCHED_PACKAGE.values()):
        registry.check_version(next(p for p, k in registry.PATCHED_PACKAGE.items() if k == package))


def test_a_process_gets_its_own_patches_in_registry_order_once(monkeypatch):
    applied: list[str] = []

    def record(name: str) -> Any:
        return lambda context: applied.append(name)

    fake = tuple(Patch(name, process, "rasa.version", "why " * 10, "tests/x.py::t", record(name))
                 for name, process in (("b", "rasa"), ("x", "actions"), ("a", "rasa")))
    monkeypatch.setattr(registry, "PATCHES", fake)
    monkeypatch.setattr(registry, "_applied", set())
    assert registry.apply("rasa", PatchContext()) == ["b", "a"]
    assert registry.apply("rasa", PatchContext()) == []
    assert applied == ["b", "a"]
