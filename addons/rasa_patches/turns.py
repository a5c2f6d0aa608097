"""Patches to how the Rasa server handles a turn: a reply when an action fails, a session start
without the action server, answers read under the conversation lock, and retried message ids.

Why patches and not hooks: Rasa 3.6 has no hook for what happens when a custom action fails, nor
for code that must run under the conversation lock between loading the tracker and parsing the
message. The session start is Rasa's own `action_session_start`, not a custom action on the
action server (Rasa's hook), so that a new session starts fresh when the action server is down.
Each function is one `Patch` in the registry (addons/rasa_patches/registry.py).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, List

from addons.rasa_patches.base import PatchContext

logger = logging.getLogger("meedenker.launcher")
FAILURE_RESPONSE = "utter_storing"
# Where `log_message` keeps a sealed candidate for `_handle_message_with_tracker`, on the message.
_CANDIDATE_ASIDE = "_meedenker_candidate"


def action_timeout(context: PatchContext) -> None:
    """Rasa waits up to 300 s for a custom action; here the settings' timeout (at most a third of
    the conversation lock's lifetime). Must run before Rasa reads the module constant."""
    import rasa.core.actions.action as action_module

    action_module.DEFAULT_REQUEST_TIMEOUT = context.settings.action_timeout_seconds


def failure_reply(context: PatchContext) -> None:
    """When an action fails or times out the resident gets `utter_storing` (how to reach a human,
    and the crisis numbers) instead of Rasa's silence."""
    import aiohttp
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.exceptions import RasaException

    from bot.municipality.helplines import load_helplines

    helpline_values = load_helplines(context.settings.helplines_file).template_values()
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


def session_start_in_rasa(context: PatchContext) -> None:
    """Rasa's own `action_session_start`, deciding what a new session keeps with bot/conversation/turn.py.

    Why inside Rasa: a new session needs no action server (it starts fresh when the action server
    is down, too) and a new conversation costs one call to the action server instead of two.
    Rasa's default would carry every slot over (a half-open form, a pending consent) or none;
    here only a crisis carries over, so the numbers come first again.
    """
    from rasa.core.actions.action import ActionSessionStart
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet

    from bot.conversation.turn import session_start_slots

    async def run(self: ActionSessionStart, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
        slots = session_start_slots(tracker.current_slot_values())
        return [SessionStarted(), *(SlotSet(name, value) for name, value in slots.items()),
                ActionExecuted(ACTION_LISTEN_NAME)]

    ActionSessionStart.run = run  # type: ignore[method-assign]


def candidate_kept_from_the_session_start(context: PatchContext) -> None:
    """A sealed candidate (bot/conversation/intake.py) is taken out of the message's metadata before Rasa loads
    the tracker, so a session start never stores it; `answers_read_under_the_lock` gets it back.

    A wrapper of Rasa's `log_message`, which otherwise runs as it is.
    """
    from rasa.core.processor import MessageProcessor

    from bot.conversation.intake import CANDIDATE_KEY

    original = MessageProcessor.log_message

    async def log_message(self: MessageProcessor, message: Any, should_save_tracker: bool = True) -> Any:
        if CANDIDATE_KEY in (message.metadata or {}):
            metadata = dict(message.metadata)
            setattr(message, _CANDIDATE_ASIDE, (metadata.pop(CANDIDATE_KEY), message.metadata))
            message.metadata = metadata
        return await original(self, message, should_save_tracker)

    MessageProcessor.log_message = log_message  # type: ignore[method-assign]


def answers_read_under_the_lock(context: PatchContext) -> None:
    """Between loading the tracker and parsing the message, under the conversation lock:

    - a message id the conversation already holds stops the turn (`AlreadyAnswered`, nothing is
      stored; `replayed_message_ids` sends the stored answers again), on whichever replica the
      retry reaches (addons/replay.py);
    - a sealed name or contact detail is decided with the form step of this tracker, never with a
      step a channel read before the previous turn ended (bot/conversation/intake.py `settle`);
    - the pending question and the crisis state go into the message's metadata, so the crisis
      nets read an answer to a pending question as an answer first (bot/understanding/routing.py).

    `Agent.handle_message` holds the lock while the processor loads the tracker; this runs after
    the session check (an expired session has no form), before the text is parsed or stored.
    A wrapper of Rasa's private `_handle_message_with_tracker` (called only by `log_message`):
    the one place where the loaded tracker and the unparsed message meet, so Rasa's
    `log_message` need not be copied.
    """
    from rasa.core.processor import MessageProcessor

    from addons.replay import AlreadyAnswered, client_message_id, stored_answers
    from bot.conversation.callback_form import sealing_step
    from bot.conversation.intake import CANDIDATE_KEY, settle

    secret_key = context.settings.secret_key
    original = MessageProcessor._handle_message_with_tracker

    async def handle_message_with_tracker(self: MessageProcessor, message: Any, tracker: Any) -> None:
        candidate, as_sent = message.__dict__.pop(_CANDIDATE_ASIDE, (None, None))
        metadata = dict(message.metadata or {})
        if as_sent is not None and not candidate:
            message.metadata = as_sent  # an empty candidate is left as it came, unsettled
        message_id = client_message_id(metadata)
        if message_id:
            answers = stored_answers(tracker.events, message_id)
            if answers is not None:
                raise AlreadyAnswered(answers)  # caught in handle_message, nothing is stored
        if candidate:
            settled = settle(message.text, {**metadata, CANDIDATE_KEY: candidate},
                             sealing_step(tracker.get_slot("wacht_op"), tracker.get_slot("vorige_wacht")), secret_key)
            message.text, message.metadata = settled.text, settled.metadata
        context_slots = {key: tracker.get_slot(key) for key in ("wacht_op", "veilig_gezegd", "crisis_route")
                         if tracker.get_slot(key)}
        if context_slots:
            message.metadata = {**(message.metadata or {}), **context_slots}
        await original(self, message, tracker)

    MessageProcessor._handle_message_with_tracker = handle_message_with_tracker  # type: ignore[method-assign]


def replayed_message_ids(context: PatchContext) -> None:
    """A message whose id the conversation already holds gets that turn's stored answers again."""
    from rasa.core.processor import MessageProcessor

    from addons.replay import AlreadyAnswered

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

    MessageProcessor.handle_message = handle_message  # type: ignore[method-assign]


def action_server_secret(context: PatchContext) -> None:
    """Every app rasa_sdk creates refuses calls without the secret header (actions/auth.py)."""
    import rasa_sdk.endpoint as endpoint

    from actions.auth import require_secret

    original_create_app = endpoint.create_app
    secret = context.action_secret

    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = original_create_app(*args, **kwargs)
        require_secret(app, secret)
        return app

    endpoint.create_app = create_app  # type: ignore[assignment]
