"""`make run`: the action server and the Rasa server in the foreground; Ctrl-C stops both.

Why a supervisor of our own: one command for a municipal operator, URLs printed once both
answer, and a clean stop of every child (no stray server keeping a port busy).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.secrets import environment_with_secrets
from bot.settings import PROJECT_ROOT, Settings, SettingsError

STARTUP_SECONDS = 180


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
    python = sys.executable
    procs = [
        subprocess.Popen([python, "-m", "addons.launcher", "actions"], cwd=PROJECT_ROOT, env=env),
        subprocess.Popen([python, "-m", "addons.launcher", "rasa"], cwd=PROJECT_ROOT, env=env),
    ]
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
        procs.append(subprocess.Popen([python, "-m", "addons.web"], cwd=PROJECT_ROOT, env=env))
    up = up and _wait_until_up(f"{base}/", procs, deadline) and \
        _wait_until_up(f"{web}/demo", procs, deadline) and _wait_until_up(f"{web}/health", procs, deadline)
    if not up:
        print("The assistant did not start; see the messages above.", file=sys.stderr)
        _stop(procs)
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
        "Press Ctrl-C to stop.\n",
        flush=True,
    )
    while not stopping and all(p.poll() is None for p in procs):
        time.sleep(0.5)
    _stop(procs)
    return 0 if stopping else 1


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
