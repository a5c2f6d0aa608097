"""Starts the Rasa server or the action server with the project's hardening applied.

Why a launcher and not plain `rasa run`:
- Rasa 3.6 waits up to 300 s for a custom action, longer than the 60 s conversation lock; here
  the action timeout and the lock lifetime come from the settings, which require the timeout to
  be at most a third of the lock's lifetime.
- When an action fails or times out, Rasa logs it and the resident hears nothing. Here the
  resident gets `utter_storing` (how to reach a human, and the crisis numbers) instead.
- A store that cannot be reached stops the start, instead of Rasa's silent in-memory fallback.
- A name or contact detail is sealed by the form step read under the conversation lock
  (`_settle_sealed_answers`), never by a step a channel read before the previous turn ended.
- Loaded models and actions are frozen out of Python's full garbage collections (addons/heap.py),
  which otherwise paused every conversation for 100–400 ms every few seconds of traffic.
- A message id the conversation already holds is answered from the tracker, under the same lock,
  on whichever replica the retry reaches (addons/replay.py).

Usage: python -m addons.launcher rasa|actions [--model PATH]
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Any, List

from bot.helplines import load_helplines
from bot.settings import PROJECT_ROOT, Settings, SettingsError, get_settings

logger = logging.getLogger("meedenker.launcher")
FAILURE_RESPONSE = "utter_storing"


def _harden_rasa(settings: Settings) -> None:
    """Apply timeouts and the failure reply; must run before Rasa's modules are imported."""
    os.environ["TICKET_LOCK_LIFETIME"] = str(settings.lock_lifetime_seconds)
    import aiohttp
    import rasa.core.actions.action as action_module
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.exceptions import RasaException

    action_module.DEFAULT_REQUEST_TIMEOUT = settings.action_timeout_seconds
    helpline_values = load_helplines(settings.helplines_file).template_values()
    original_run = RemoteAction.run

    async def run_or_apologise(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any,
                               domain: Any) -> List[Any]:
        try:
            return await original_run(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except (RasaException, asyncio.TimeoutError, aiohttp.ClientError) as error:
            logger.error("Action '%s' failed (%s: %s); sending %s to the resident.",
                         self.name(), type(error).__name__, error, FAILURE_RESPONSE)
            message = await nlg.generate(FAILURE_RESPONSE, tracker, output_channel.name(),
                                         **helpline_values)
            if message is None:
                raise
            return await self._utter_responses([message], output_channel, nlg, tracker)

    RemoteAction.run = run_or_apologise  # type: ignore[method-assign]
    _fill_helplines_in_responses(helpline_values)


def _fill_helplines_in_responses(helpline_values: dict[str, str]) -> None:
    """Every response Rasa renders gets the helpline numbers from config/helplines.yml.

    Why: the crisis responses are sent by rule, by Rasa itself (data/stories/crisis.yml), so they
    reach the resident even when the action server is down; their `{placeholders}` must then be
    filled without an action. Values an action passes explicitly still win.
    """
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator

    original_generate = TemplatedNaturalLanguageGenerator.generate

    async def generate_with_helplines(self: Any, utter_action: str, tracker: Any, output_channel: str,
                                      **kwargs: Any) -> Any:
        return await original_generate(self, utter_action, tracker, output_channel,
                                       **{**helpline_values, **kwargs})

    TemplatedNaturalLanguageGenerator.generate = generate_with_helplines  # type: ignore[method-assign]


def _settle_sealed_answers(settings: Settings) -> None:
    """Decide on sealed candidates inside `MessageProcessor.log_message`, under the lock.

    `Agent.handle_message` holds the conversation lock while the processor loads the tracker;
    this hook reads the form step from that same tracker (no second load), after the session
    check (an expired session has no form), and before the text is parsed or stored.
    """
    from rasa.core.processor import MessageProcessor

    from addons.replay import AlreadyAnswered, client_message_id, stored_answers
    from bot.callback_form import sealing_step
    from bot.intake import CANDIDATE_KEY, settle

    async def log_message(self: MessageProcessor, message: Any, should_save_tracker: bool = True) -> Any:
        metadata = dict(message.metadata or {})
        candidate = metadata.pop(CANDIDATE_KEY, None)
        tracker = await self.fetch_tracker_and_update_session(
            message.sender_id, message.output_channel, metadata or None)
        message_id = client_message_id(metadata)
        if message_id:
            answers = stored_answers(tracker.events, message_id)
            if answers is not None:
                raise AlreadyAnswered(answers)  # caught in handle_message, nothing is stored
        if candidate:
            settled = settle(message.text, {**metadata, CANDIDATE_KEY: candidate},
                             sealing_step(tracker.get_slot("wacht_op")), settings.secret_key)
            message.text, message.metadata = settled.text, settled.metadata
        # The crisis nets read an answer to a pending question as an answer first (bot/routing.py).
        context = {key: tracker.get_slot(key) for key in ("wacht_op", "veilig_gezegd", "crisis_route")
                   if tracker.get_slot(key)}
        message.metadata = {**(message.metadata or {}), **context} if context else message.metadata
        await self._handle_message_with_tracker(message, tracker)
        if should_save_tracker:
            await self.save_tracker(tracker)
        return tracker

    original_handle = MessageProcessor.handle_message

    async def handle_message(self: MessageProcessor, message: Any) -> Any:
        try:
            return await original_handle(self, message)
        except AlreadyAnswered as earlier:
            logger.info("Message id seen before in conversation %s: %d stored answers sent again.",
                        message.sender_id, len(earlier.messages))
            for sent in earlier.messages:
                await message.output_channel.send_response(message.sender_id, dict(sent))
            return getattr(message.output_channel, "messages", None)

    MessageProcessor.log_message = log_message  # type: ignore[method-assign]
    MessageProcessor.handle_message = handle_message  # type: ignore[method-assign]


def _session_start_in_rasa() -> None:
    """Rasa's own `action_session_start`, deciding what a new session keeps with bot/turn.py.

    Why inside Rasa: a new session needs no action server (it starts fresh when the action server
    is down, too) and a new conversation costs one call to the action server instead of two.
    Rasa's default would carry every slot over (a half-open form, a pending consent) or none;
    here only a crisis carries over, so the numbers come first again.
    """
    from rasa.core.actions.action import ActionSessionStart
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet

    from bot.turn import session_start_slots

    async def run(self: ActionSessionStart, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
        slots = session_start_slots(tracker.current_slot_values())
        return [SessionStarted(), *(SlotSet(name, value) for name, value in slots.items()),
                ActionExecuted(ACTION_LISTEN_NAME)]

    ActionSessionStart.run = run  # type: ignore[method-assign]


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


def _protect_action_server(secret: str) -> None:
    """Every app rasa_sdk creates refuses calls without the secret header (actions/auth.py)."""
    import rasa_sdk.endpoint as endpoint

    from actions.auth import require_secret

    original_create_app = endpoint.create_app

    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = original_create_app(*args, **kwargs)
        require_secret(app, secret)
        return app

    endpoint.create_app = create_app  # type: ignore[assignment]


def run_rasa(settings: Settings, model: Path | None) -> None:
    from bot.encoder import use_threads

    # endpoints.yml reads it from the environment for its `headers:`.
    os.environ["ACTION_SERVER_SECRET"] = require_action_secret(settings)

    use_threads(settings.encoder_threads)
    _harden_rasa(settings)
    _session_start_in_rasa()
    _settle_sealed_answers(settings)
    from addons.rasa_speed import apply_speed_patches

    apply_speed_patches()
    from addons.heap import freeze_after_agent_load

    freeze_after_agent_load()
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

    from bot.callback import Services
    from bot.helplines import HelplineConfigError
    from bot.office_hours import OfficeHoursError
    from bot.queue import QueueKeyError
    from bot.sociale_kaart import SocialeKaartError

    try:
        load_helplines(settings.helplines_file)
        services = Services.from_settings(settings)
        tickets = services.store.anonymise_older_than(settings.retention_days)
        events = services.store.delete_tracker_events_older_than(settings.tracker_store_url, settings.retention_days)
    except (SocialeKaartError, OfficeHoursError, HelplineConfigError, QueueKeyError) as error:
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
    _protect_action_server(secret)
    from addons.heap import freeze_after_action_server_start

    freeze_after_action_server_start()
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
