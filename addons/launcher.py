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

    from bot.callback_form import step_of
    from bot.intake import CANDIDATE_KEY, settle

    async def log_message(self: MessageProcessor, message: Any, should_save_tracker: bool = True) -> Any:
        metadata = dict(message.metadata or {})
        candidate = metadata.pop(CANDIDATE_KEY, None)
        tracker = await self.fetch_tracker_and_update_session(
            message.sender_id, message.output_channel, metadata or None)
        if candidate:
            settled = settle(message.text, {**metadata, CANDIDATE_KEY: candidate},
                             step_of(tracker.get_slot("wacht_op")), settings.secret_key)
            message.text, message.metadata = settled.text, settled.metadata
        await self._handle_message_with_tracker(message, tracker)
        if should_save_tracker:
            await self.save_tracker(tracker)
        return tracker

    MessageProcessor.log_message = log_message  # type: ignore[method-assign]


def _fresh_session_without_actions() -> None:
    """If the remote `action_session_start` fails, start the session fresh inside Rasa.

    The hardened RemoteAction answers a failure with `utter_storing`; at a session start that
    would greet every new conversation with an apology while the action server is down. The same
    decision (bot/turn.py) is made here instead, so the resident's message is handled as usual.
    """
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet

    from bot.turn import session_start_slots

    hardened_run = RemoteAction.run

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
        events = await hardened_run(self, output_channel, nlg, tracker, domain)
        if self.name() != ACTION_SESSION_START_NAME or any(isinstance(e, SessionStarted) for e in events):
            return events
        logger.error("Remote %s failed; starting the session inside Rasa.", ACTION_SESSION_START_NAME)
        slots = session_start_slots(tracker.current_slot_values())
        return [SessionStarted(), *(SlotSet(name, value) for name, value in slots.items()),
                ActionExecuted(ACTION_LISTEN_NAME)]

    RemoteAction.run = run  # type: ignore[method-assign]


def _latest_model(models_dir: Path) -> Path:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit(f"No trained model in {models_dir}: run 'make train' first.")
    return models[-1]


def run_rasa(settings: Settings, model: Path | None) -> None:
    _harden_rasa(settings)
    _fresh_session_without_actions()
    _settle_sealed_answers(settings)
    from addons.rasa_speed import apply_speed_patches

    apply_speed_patches()
    from addons.stores import check_stores

    check_stores(settings)
    model = model or _latest_model(PROJECT_ROOT / "models")
    sys.argv = [
        "rasa", "run",
        "--model", str(model),
        "--endpoints", str(PROJECT_ROOT / "endpoints.yml"),
        "--credentials", str(PROJECT_ROOT / "credentials.yml"),
        "--interface", settings.host,
        "--port", str(settings.rasa_port),
        "--enable-api",
        "--auth-token", settings.rasa_api_token,
        # CORS only for the web pages that embed the widget (MEEDENKER_ALLOWED_ORIGINS), never "*".
        "--cors", *settings.allowed_origins,
    ]
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
    logging.basicConfig(level=settings.log_level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    prepare_actions(settings)
    os.environ["SANIC_HOST"] = settings.host
    sys.argv = ["rasa_sdk", "--actions", "actions", "--port", str(settings.actions_port)]
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
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    if args.process == "rasa":
        run_rasa(settings, args.model)
    else:
        run_actions(settings)


if __name__ == "__main__":
    main()
