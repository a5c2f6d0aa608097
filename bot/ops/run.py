"""`make run`: the action server and the Rasa server in the foreground; Ctrl-C stops both.

Why a supervisor of our own: one command for a municipal operator, URLs printed once both
answer, and a clean stop of every child (no stray server keeping a port busy).

Why the children's output goes through it: loading Rasa prints hundreds of lines of third-party
deprecation warnings (TensorFlow, SQLAlchemy, Rasa itself) that say nothing to an operator.
Every line of each child is kept in var/log/<process>.log; the terminal shows this module's own
progress and banner, and after the banner each child's lines except the third-party warnings
(`ThirdPartyNoise`, the one place that decides it). A child that fails to start gets the end
of its log printed.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.ops.secrets import environment_with_secrets
from bot.ops.settings import PROJECT_ROOT, Settings, SettingsError

STARTUP_SECONDS = 180
LOG_TAIL_LINES = 40

# A Python warning as `warnings` prints it: "<file>.py:<line>: <Category>Warning: <text>".
_WARNING = re.compile(r"^\S+\.py:\d+: \w*Warning: ")
# The first line of anything else: a log record, a traceback, another warning.
_RECORD_START = re.compile(r"^(\d{4}-\d\d-\d\d|\[|[A-Z]+:|Traceback|\S+\.py:\d+: )")
# Files and loggers that are not ours: a warning from them is for their maintainers.
_THIRD_PARTY_FILE = re.compile(r"/(site-packages|dist-packages|lib/python3\.\d+)/")
_THIRD_PARTY_LOG = re.compile("|".join((
    r"^WARNING:(tensorflow|absl):",                       # absl's Python logging, default format
    r"^\S+ \S+ WARNING +(tensorflow|absl|py\.warnings) ",  # the same in Rasa's log format
    r"^\d{4}-\d\d-\d\d [\d:.]+: [IW] tensorflow/",         # TensorFlow's C++ log
    r"^[IW]\d{4} [\d:.]+ +\d+ \S+\.cc:\d+\]",                # absl's C++ log
)))


class ThirdPartyNoise:
    """Decides, line by line, whether a child's output is a third-party warning.

    A Python warning is the message (one line or more), then the source line it points at,
    indented: all of it goes when the message's file is under site-packages. TensorFlow's and absl's own log
    lines go too. Everything else, ours and every error, is shown.
    """

    def __init__(self) -> None:
        self._in_warning = False

    def __call__(self, line: str) -> bool:
        if self._in_warning:
            if line.startswith((" ", "\t")):  # the source line ends a warning
                self._in_warning = False
                return True
            if not _RECORD_START.match(line):  # a message of more than one line
                return True
        self._in_warning = bool(_WARNING.match(line)) and bool(_THIRD_PARTY_FILE.search(line))
        return self._in_warning or bool(_THIRD_PARTY_LOG.match(line))


class Child:
    """One server process: all its output into its log file, and after `show()` to the terminal
    too, without third-party warnings."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._shown = threading.Event()
        self._noise = ThirdPartyNoise()
        self.proc = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, errors="replace", bufsize=1)
        self._pump = threading.Thread(target=self._copy, name=f"log-{name}", daemon=True)
        self._pump.start()

    def _copy(self) -> None:
        assert self.proc.stdout is not None
        with open(self.log_path, "a", encoding="utf-8") as log:
            for line in self.proc.stdout:
                log.write(line)
                log.flush()
                if not self._noise(line) and self._shown.is_set():
                    sys.stdout.write(f"[{self.name}] {line}")
                    sys.stdout.flush()

    def show(self) -> None:
        self._shown.set()

    def tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The end of the log without third-party warnings: what an operator needs after a failure."""
        self._pump.join(timeout=2)
        noise = ThirdPartyNoise()
        try:
            kept = [line for line in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
                    if not noise(line)]
        except OSError:
            return ""
        return "\n".join(kept[-lines:])


def progress(step: str) -> None:
    print(f"[meedenker] {step}", flush=True)


def _wait_until_up(url: str, procs: list[subprocess.Popen], deadline: float) -> bool:
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    return False


def _report_failure(children: list["Child"]) -> None:
    """The end of the log of each child that stopped (or of all, when none did)."""
    stopped = [c for c in children if c.proc.poll() is not None] or children
    for child in stopped:
        print(f"\n--- {child.name}: last lines of {child.log_path} ---\n{child.tail()}", file=sys.stderr)


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 15
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()


def channel_lines(settings: Settings, base: str) -> str:
    """Which messaging channels are on, and where Telegram and Meta must deliver to."""
    telegram = (f"on, POST {base}/webhooks/telegram/webhook "
                "(register: .venv/bin/python -m bot telegram set-webhook https://<public address>)"
                if settings.telegram else "off (set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)")
    whatsapp = (f"on, GET+POST {base}/webhooks/whatsapp/webhook (the callback URL in Meta's app settings)"
                if settings.whatsapp else "off (set WHATSAPP_ACCESS_TOKEN and the other WHATSAPP_ variables)")
    return f"  Telegram:        {telegram}\n  WhatsApp:        {whatsapp}\n"


def mail_line(settings: Settings) -> str:
    """Whether coordinators get e-mail, and from where (never the SMTP password)."""
    mail = settings.mail.describe() if settings.mail else "off (set MEEDENKER_SMTP_URL and MEEDENKER_MAIL_FROM)"
    return f"  Mail:            {mail}\n"


def main() -> int:
    env = environment_with_secrets(PROJECT_ROOT / "var" / "secrets.env")
    try:
        settings = Settings.from_env(env)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    env.setdefault("ACTION_SERVER_URL", settings.action_server_url)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    python = sys.executable
    log_dir = settings.var_dir / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    progress(f"starting the action server and the Rasa server (loading the model takes a minute); "
             f"logs in {log_dir}")
    children = [Child("actions", [python, "-m", "addons.launcher", "actions"], env, log_dir),
                Child("rasa", [python, "-m", "addons.launcher", "rasa"], env, log_dir)]
    procs = [child.proc for child in children]
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    base = f"http://{settings.host}:{settings.rasa_port}"
    web = f"http://{settings.host}:{settings.dashboard_port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    up = _wait_until_up(f"http://{settings.host}:{settings.actions_port}/health", procs, deadline)
    if up:  # after the action server has migrated the queue, so two processes never race to create it
        progress(f"action server ready ({time.monotonic() - started:.0f} s); starting the web process")
        children.append(Child("web", [python, "-m", "addons.web"], env, log_dir))
        procs.append(children[-1].proc)
    up = up and _wait_until_up(f"{base}/", procs, deadline)
    if up:
        progress(f"Rasa server ready ({time.monotonic() - started:.0f} s)")
    up = up and _wait_until_up(f"{web}/demo", procs, deadline) and _wait_until_up(f"{web}/health", procs, deadline)
    if not up:
        print("The assistant did not start.", file=sys.stderr)
        _stop(procs)
        _report_failure(children)
        return 1
    print(
        "\nThe Meedenker assistant is running:\n"
        f"  Chat (REST):     POST {base}/webhooks/rest/webhook  {{\"sender\": \"u1\", \"message\": \"hallo\"}}\n"
        f"{channel_lines(settings, base)}"
        f"{mail_line(settings)}"
        f"  Rasa HTTP API:   {base}/status?token=<RASA_API_TOKEN from var/secrets.env>\n"
        f"  Action server:   http://{settings.host}:{settings.actions_port}/health\n"
        f"  Website widget:  {web}/demo  (embed: {web}/widget/meedenker-widget.js)\n"
        "  Callback queue:  .venv/bin/python -m bot tickets list\n"
        f"  Dashboard:       {web}/  (first admin: .venv/bin/python -m bot "
        "users add EMAIL --role admin --password-stdin)\n"
        f"  Stores:          {'PostgreSQL' if settings.database_url else 'SQLite (var/rasa.db)'}, "
        f"{'Redis lock' if settings.redis_url else 'in-memory lock'}\n"
        f"  Logs:            {log_dir}/{{actions,rasa,web}}.log (shown below without third-party warnings)\n"
        "Press Ctrl-C to stop.\n",
        flush=True,
    )
    for child in children:
        child.show()
    while not stopping and all(p.poll() is None for p in procs):
        time.sleep(0.5)
    _stop(procs)
    return 0 if stopping else 1


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
