"""bot/ops/run.py: `make run` shows its own progress and the servers' lines, not third-party warnings."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.ops.run import Child, ThirdPartyNoise

SITE = "/work/main/.venv/lib/python3.10/site-packages"
STARTUP = [
    f"{SITE}/tensorflow/python/framework/dtypes.py:246: DeprecationWarning: `np.bool8` is a deprecated alias",
    "  np.bool8: (False, False, True),",
    f"{SITE}/sqlalchemy/orm/decl_api.py:588: MovedIn20Warning: Deprecated API features detected!",
    "  Base = declarative_base()",
    f"{SITE}/rasa/shared/core/slot_mappings.py:224: UserWarning: Slot auto-fill has been removed in 3.0",
    "  rasa.shared.utils.io.raise_warning(",
    f"{SITE}/pkg_resources/__init__.py:3117: DeprecationWarning: Deprecated call to `declare_namespace('ruamel')`.",
    "Implementing implicit namespace packages (as specified in PEP 420) is preferred.",
    "  declare_namespace(pkg)",
    "2026-12-06 15:31:05 INFO     rasa.core.processor  - Loading model models/meedenker.tar.gz...",
    "/work/main/addons/launcher.py:60: UserWarning: our own warning stays visible",
    "  warnings.warn(...)",
    "ERROR:meedenker.launcher:Action 'action_reageer' failed (TimeoutError: ); sending utter_storing",
    "Traceback (most recent call last):",
    '  File "/work/main/addons/launcher.py", line 12, in run',
]


def test_third_party_warnings_and_their_source_lines_are_noise_ours_and_errors_are_not():
    noise = ThirdPartyNoise()
    kept = [line for line in STARTUP if not noise(line)]
    assert kept == STARTUP[9:]


def test_a_child_keeps_every_line_in_its_log_and_shows_only_ours_after_the_banner(tmp_path: Path, capsys):
    script = "; ".join([
        "import sys, time",
        *(f"print({line!r})" for line in STARTUP[:2]),
        "print('before the banner', flush=True)",
        "time.sleep(1.5)",
        *(f"print({line!r})" for line in STARTUP[2:4]),
        "print('after the banner', flush=True)",
    ])
    child = Child("rasa", [sys.executable, "-c", script], {}, tmp_path)
    time.sleep(0.8)
    child.show()
    child.proc.wait(timeout=10)
    tail = child.tail()
    shown = capsys.readouterr().out
    assert shown == "[rasa] after the banner\n"
    log = (tmp_path / "rasa.log").read_text(encoding="utf-8")
    assert log.splitlines() == [*STARTUP[:2], "before the banner", *STARTUP[2:4], "after the banner"]
    assert tail == "before the banner\nafter the banner"  # what a failed start prints
