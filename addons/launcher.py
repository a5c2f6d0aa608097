"""Starts the Rasa server or the action server with the project's hardening applied.

Why a launcher and not plain `rasa run`:
- Every change to Rasa is applied here, from one registry in a fixed order
  (addons/rasa_patches/registry.py: the action timeout, the reply when an action fails, the
  session start, answers settled under the conversation lock, retried message ids, speed, the
  garbage-collection freeze), after refusing any Rasa version but the pinned one.
- The action timeout and the lock lifetime come from the settings, which require the timeout to
  be at most a third of the lock's lifetime.
- A store that cannot be reached stops the start, instead of Rasa's silent in-memory fallback.
- The action server refuses calls without the shared secret (actions/auth.py).

Usage: python -m addons.launcher rasa|actions [--model PATH]
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from addons.rasa_patches.base import PatchContext
from addons.rasa_patches.registry import apply as apply_rasa_patches
from bot.municipality.helplines import load_helplines
from bot.ops.settings import PROJECT_ROOT, Settings, SettingsError, get_settings

logger = logging.getLogger("meedenker.launcher")


def _latest_model(models_dir: Path) -> Path:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit(f"No trained model in {models_dir}: run 'make train' first.")
    return models[-1]


def rasa_run_argv(settings: Settings, model: Path) -> list[str]:
    """The `rasa run` command line.

    Values go in as `--option=value`: a generated token may start with "-" (token_urlsafe does
    about one time in 64), which argparse would otherwise read as a new option and refuse.
    """
    return [
        "rasa", "run",
        f"--model={model}",
        f"--endpoints={PROJECT_ROOT / 'endpoints.yml'}",
        f"--credentials={PROJECT_ROOT / 'credentials.yml'}",
        f"--interface={settings.host}",
        f"--port={settings.rasa_port}",
        "--enable-api",
        f"--auth-token={settings.rasa_api_token}",
        # CORS only for the web pages that embed the widget (MEEDENKER_ALLOWED_ORIGINS), never "*".
        "--cors", *settings.allowed_origins,
    ]


def require_action_secret(settings: Settings) -> str:
    """ACTION_SERVER_SECRET, or stop: without it the action server would take anyone's calls."""
    if not settings.action_server_secret:
        raise SystemExit("ACTION_SERVER_SECRET is missing: the Rasa server sends it to the action server, "
                         "which refuses calls without it (make run generates one into var/secrets.env)")
    return settings.action_server_secret


def run_rasa(settings: Settings, model: Path | None) -> None:
    from bot.understanding.encoder import use_threads

    # endpoints.yml reads it from the environment for its `headers:`.
    os.environ["ACTION_SERVER_SECRET"] = require_action_secret(settings)

    use_threads(settings.encoder_threads)
    # Rasa's lock store reads it; set before Rasa's modules are imported.
    os.environ["TICKET_LOCK_LIFETIME"] = str(settings.lock_lifetime_seconds)
    apply_rasa_patches("rasa", PatchContext(settings=settings))
    from addons.stores import check_stores

    check_stores(settings)
    sys.argv = rasa_run_argv(settings, model or _latest_model(PROJECT_ROOT / "models"))
    from rasa.__main__ import main as rasa_main

    rasa_main()


def prepare_actions(settings: Settings) -> None:
    """Validate the configuration files, migrate the queue and apply retention before serving.

    A bad sociale kaart, office hours or helplines file stops the start with the file and line,
    instead of failing later in front of a resident.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from bot.conversation.callback import Services
    from bot.errors import ConfigError

    try:
        load_helplines(settings.helplines_file)
        services = Services.from_settings(settings)
        tickets = services.store.anonymise_older_than(settings.retention_days)
        events = services.store.delete_tracker_events_older_than(settings.tracker_store_url, settings.retention_days)
    except ConfigError as error:
        raise SystemExit(f"Configuration error: {error}") from error
    except SQLAlchemyError as error:
        raise SystemExit(f"DATABASE_URL: cannot prepare the callback queue: {type(error).__name__}: {error}") from error
    logger.info("Callback queue ready; retention anonymised %d tickets and deleted %d old events.", tickets, events)
    services.store.close()


def run_actions(settings: Settings) -> None:
    secret = require_action_secret(settings)
    logging.basicConfig(level=settings.log_level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    prepare_actions(settings)
    os.environ["SANIC_HOST"] = settings.host
    sys.argv = ["rasa_sdk", "--actions", "actions", "--port", str(settings.actions_port)]
    apply_rasa_patches("actions", PatchContext(settings=settings, action_secret=secret))
    from rasa_sdk.__main__ import main as sdk_main

    sdk_main()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("process", choices=["rasa", "actions"])
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        settings = get_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from error
    os.chdir(PROJECT_ROOT)
    # Conversations and tickets in SQLite: owner-only files (0600), also the -wal/-shm files.
    os.umask(0o077)
    from bot.queue.store import protect_sqlite_file

    for url in {settings.tracker_store_url, settings.queue_url}:
        protect_sqlite_file(url)
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    if args.process == "rasa":
        run_rasa(settings, args.model)
    else:
        run_actions(settings)


if __name__ == "__main__":
    main()
