"""Patches that keep Rasa 3.6's cost of a turn flat in the length of a conversation.

Each function patches one thing, is one `Patch` of the registry (addons/rasa_patches/registry.py,
applied by the launcher before the server starts), and has a test in
tests/addons/rasa_patches/test_speed.py that fails without it. Measured with py-spy on 50-turn
conversations (docs/speed.md, "Where the time goes"):
- `compact_action_request`: Rasa sends the action server every event of the conversation (and the
  whole domain); action_reageer reads only the slots, the latest message and the resident's texts.
- `cached_action_response_validator`: `jsonschema.validate` checks the response schema against
  its metaschema on every action call before validating the response itself.
- `cached_event_type_lookup`: `Event.resolve_by_type` walks every subclass of `Event` for each
  stored event it deserialises.
- `recent_rule_states`: RulePolicy computes the dialogue state after every action of the whole
  conversation (several times a turn) to compare the last few with rules of at most a few steps.
- `fast_tracker_copy`: Rasa copies the tracker before every action by replaying all its events.
- `cached_domain_emptiness`: each parse rebuilt the whole domain as a dict to see if it is empty.
- `parse_off_the_event_loop`: Rasa runs the NLU pipeline on the event loop, so one resident's
  parse held up every other conversation's turn.
- the validator also checks each returned event against its own type's schema instead of trying
  all 23 event schemas of a `oneOf` for every event.
- `recent_session_check`: before every message Rasa replays the whole session's events twice
  (`applied_events`) to see whether a new session must start.
- `embed_on_arrival`: the sentence encoder starts on a message when it arrives, beside the
  tracker load and the pipeline's first components, instead of after them.
- `kept_alive_endpoint_calls`: Rasa opens a new HTTP client session, and so a new connection to
  the action server, for every action call, and closes it after the answer.
The third Rasa cost, one ORM object per stored event, is fixed in our own tracker store
(addons/stores.py, `MeedenkerTrackerStore`).
"""
from __future__ import annotations

import itertools
from typing import Any, Callable, Dict, Mapping, Optional, Text, Type

from addons.rasa_patches.base import ORIGINAL, once as _once
from bot.conversation.recent import Recent


_VIEWS_KEPT = 1000  # conversations whose action-server view is kept between turns
_views: "Recent[str, tuple[int, Any, Any]]" = Recent(_VIEWS_KEPT)


def compact_events(tracker: Any) -> list[Mapping[str, Any]]:
    """The events the action server reads (bot/conversation/transcript.py `for_the_action_server`: the
    worry's messages and the latest one), each with only the fields it reads; the worry's messages
    only on a turn that may write a ticket (bot/conversation/dialogue/ `may_write_a_ticket`), the one turn
    that reads them.

    The view of a conversation is kept from its previous action call, up to and including that
    turn's message (the events after it, the policies' own, are new objects on every call). When
    the tracker still starts with the same event and holds that message at the same place (type
    and timestamp: the next turn's tracker is read back from the database, so these are equal
    events, not the same objects), only the events after it are read; otherwise all of them.
    """
    from rasa.shared.core.events import UserUttered

    from bot.conversation.dialogue import may_write_a_ticket
    from bot.conversation.transcript import ActionServerView

    events = tracker.events
    count = len(events)
    kept = count  # where the kept view ends: just after the latest message, if it is near the end
    for back, event in enumerate(itertools.islice(reversed(events), 20)):
        if isinstance(event, UserUttered):
            kept = count - back
            break
    known = _views.get(tracker.sender_id)
    if known is not None and 0 < known[0] <= kept and known[1] == (_mark(events[0]), _mark(events[known[0] - 1])):
        view, start = known[2].copy(), known[0]
    else:
        view, start = ActionServerView(), 0
    _add(view, itertools.islice(events, start, kept))
    if kept:
        _views.put(tracker.sender_id, (kept, (_mark(events[0]), _mark(events[kept - 1])), view.copy()))
    _add(view, itertools.islice(events, kept, count))
    latest = tracker.latest_message
    intent = ((latest.intent if latest is not None else None) or {}).get("name") or ""
    return view.events(with_worries=may_write_a_ticket(tracker.get_slot("wacht_op"), intent))


def _add(view: Any, events: Any) -> None:
    for event in events:
        compact = _message_event(event)
        if compact is not None:
            view.add(compact)


def _mark(event: Any) -> tuple[str, float]:
    return event.type_name, event.timestamp


_KINDS: dict[type, Optional[str]] = {}  # an event class: what `_message_event` reads of it


def _kind_of(event: Any) -> Optional[str]:
    """"user", "slot", "start" or None, decided once per event class (subclasses included):
    `isinstance` against Rasa's event classes goes through `abc` and cost more than the rest of
    reading an event."""
    kind = _KINDS.get(type(event), "")
    if kind == "":
        from rasa.shared.core.events import Restarted, SessionStarted, SlotSet, UserUttered

        cls = type(event)
        kind = ("user" if issubclass(cls, UserUttered) else "slot" if issubclass(cls, SlotSet)
                else "start" if issubclass(cls, (SessionStarted, Restarted)) else None)
        _KINDS[cls] = kind
    return kind


def _message_event(event: Any) -> Optional[dict[str, Any]]:
    """A resident's message with its intent and route, the `wacht_op` slot or a session start;
    None for every other event."""
    kind = _kind_of(event)
    if kind == "user":
        werkmodel = (event.parse_data or {}).get("werkmodel") or {}
        return {"event": "user", "text": event.text, "input_channel": event.input_channel,
                "timestamp": event.timestamp,
                "parse_data": {"intent": {"name": (event.intent or {}).get("name")},
                               "werkmodel": {"route": werkmodel.get("route"), "crisis": werkmodel.get("crisis"),
                                             "leefgebieden": werkmodel.get("leefgebieden") or []}}}
    if kind == "slot" and event.key == "wacht_op":
        return {"event": "slot", "name": "wacht_op", "value": event.value}
    if kind == "start":
        return {"event": event.type_name}
    return None


def compact_action_request() -> None:
    """Send the action server the tracker's state without the conversation's full event list.

    `events` keeps only the messages a callback ticket's summary is made of and the latest one
    (its input channel); slots and the latest message are sent whole, as before.
    """
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity

    original = _once(RemoteAction, "_action_call_format")
    if original is None:
        return

    def action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> Dict[Text, Any]:
        state = tracker.current_state(EventVerbosity.NONE)
        state["events"] = compact_events(tracker)
        result = {"next_action": self._name, "sender_id": tracker.sender_id, "tracker": state,
                  "version": _rasa_version()}
        if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
            result["domain"] = domain.as_dict()
        return result

    setattr(action_call_format, ORIGINAL, original)
    RemoteAction._action_call_format = action_call_format  # type: ignore[method-assign]


def cached_action_response_validator() -> None:
    """Validate action responses with one validator built once, not re-checked per call."""
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    original = _once(RemoteAction, "_validate_action_result")
    if original is None:
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    full_event = validator_class(schema["properties"]["events"]["items"])
    # The event schemas of the `oneOf` are told apart by their `event` constant, so exactly one
    # can match: checking only that one is the same check, without trying the other 22.
    by_type = {}
    for option in full_event.schema["oneOf"]:
        name = option.get("properties", {}).get("event", {}).get("const")
        if name is not None:
            single = {k: v for k, v in full_event.schema.items() if k != "oneOf"}
            by_type[name] = validator_class({**single, "allOf": [option]})
    outer = validator_class({**schema, "properties": {**schema["properties"], "events": {"type": "array"}}})

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        try:
            outer.validate(result)
            for event in (result.get("events") or []) if isinstance(result, dict) else []:
                kind = event.get("event") if isinstance(event, dict) else None
                single = by_type.get(kind) if isinstance(kind, str) else None
                (single or full_event).validate(event)
            return True
        except ValidationError as error:
            error.message += (". Failed to validate Action server response from API, make sure your response "
                              f"from the Action endpoint is valid. For more information visit "
                              f"{DOCS_BASE_URL}/custom-actions")
            raise error

    setattr(validate_action_result, ORIGINAL, original)
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


def cached_event_type_lookup() -> None:
    """Find an event class by its type name in a dict; unknown names take Rasa's own path."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    original = _once(Event, "resolve_by_type")
    if original is None:
        return
    known: Dict[Text, Type[Event]] = {}

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        found = known.get(type_name)
        if found is not None:
            return found
        # First match wins, as in Rasa's loop; rebuilt on a miss so later subclasses are found.
        for cls in all_subclasses(Event):
            known.setdefault(cls.type_name, cls)
        if type_name in known:
            return known[type_name]
        return original(type_name, default)

    setattr(resolve_by_type, ORIGINAL, original)
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]


def recent_view(tracker: Any, states_needed: int) -> Any:
    """The conversation from the start of a turn on, far enough back for `states_needed` states:
    only to be featurized (its slots, loop and latest message are the whole tracker's).

    RulePolicy's state after each action depends only on the events of the current turn (the
    latest message, the previous action), on slots that influence the conversation and on an
    active loop; `recent_rule_states` uses this view only when there are neither. The view starts
    at an `action_listen` before a user message: its first state is a conversation start, every
    later state equals the full history's, and a rule is never compared further back than its
    own length. Events that undo earlier ones, loops and session starts in the recent part take
    Rasa's own path (the whole tracker).
    """
    import copy

    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import (ActionExecuted, ActionExecutionRejected, ActionReverted, ActiveLoop,
                                         LoopInterrupted, Restarted, SessionStarted, UserUttered,
                                         UserUtteranceReverted)
    rasa_path = (ActionReverted, UserUtteranceReverted, ActiveLoop, LoopInterrupted, ActionExecutionRejected,
                 Restarted, SessionStarted)
    tail: list[Any] = []
    actions = 0
    following = None
    for event in reversed(tracker.events):
        if isinstance(event, rasa_path):
            return tracker
        tail.append(event)
        if isinstance(event, ActionExecuted):
            actions += 1
            if actions > states_needed and event.action_name == ACTION_LISTEN_NAME and isinstance(following, UserUttered):
                tail.reverse()
                # The featurizer replays the view's events into a fresh tracker of its own
                # (`generate_all_prior_trackers`): replaying them here as well cost as much again.
                view = copy.copy(tracker)
                view.events = tracker._create_events(tail)
                return view
        following = event
    return tracker


def recent_rule_states() -> None:
    """RulePolicy's prediction states from the recent turns only, when that cannot change a rule."""
    from rasa.core.policies.policy import Policy
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

    if getattr(RulePolicy.__dict__.get("_prediction_states"), ORIGINAL, None) is not None:
        return
    original = Policy._prediction_states

    def prediction_states(self: RulePolicy, tracker: Any, domain: Any, use_text_for_last_user_input: bool = False,
                          rule_only_data: Optional[Dict[Text, Any]] = None) -> Any:
        if tracker.active_loop_name or domain.form_names or any(s.influence_conversation for s in domain.slots):
            return original(self, tracker, domain, use_text_for_last_user_input, rule_only_data)
        longest = self.__dict__.get("_meedenker_longest_rule")
        if longest is None:
            keys = [*self.lookup.get(RULES, {}), *self.lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {})]
            longest = max((len(self._rule_key_to_state(key)) for key in keys), default=0)
            self.__dict__["_meedenker_longest_rule"] = longest
        view = recent_view(tracker, longest + 1)
        return original(self, view, domain, use_text_for_last_user_input, rule_only_data)

    setattr(prediction_states, ORIGINAL, original)
    RulePolicy._prediction_states = prediction_states  # type: ignore[method-assign]


def copy_tracker(tracker: Any, replayed: Optional[Callable] = None) -> Any:
    """A copy of a tracker that shares its (unchanging) event objects and copies what an update
    changes: the event list, the slots, the loop and the latest action. Trackers of subclasses
    (training trackers) are copied by `replayed`, Rasa's own copy, when given."""
    import copy

    from rasa.shared.core.trackers import DialogueStateTracker

    if type(tracker) is not DialogueStateTracker and replayed is not None:
        return replayed(tracker)
    duplicate = copy.copy(tracker)
    duplicate.events = tracker._create_events(list(tracker.events))
    slots = type(tracker.slots)()
    slots.update({name: copy.copy(slot) for name, slot in tracker.slots.items()})
    duplicate.slots = slots
    duplicate.active_loop = copy.copy(tracker.active_loop)
    duplicate.latest_action = copy.copy(tracker.latest_action)
    return duplicate


def fast_tracker_copy() -> None:
    """`DialogueStateTracker.copy` without replaying every event of the conversation.

    Rasa copies the tracker before every action it runs (to drop policy events on a rejection)
    by replaying all events into a new one; `copy_tracker` gives the same tracker without it.
    """
    from rasa.shared.core.trackers import DialogueStateTracker

    original = _once(DialogueStateTracker, "copy")
    if original is None:
        return

    def copy(self: DialogueStateTracker) -> DialogueStateTracker:
        return copy_tracker(self, original)

    setattr(copy, ORIGINAL, original)
    DialogueStateTracker.copy = copy  # type: ignore[method-assign]


_PARSER: Optional[Any] = None


def _parser() -> Any:
    """One worker thread for all parses: they stay one at a time, as on the loop, so no NLU
    component is ever run by two threads at once."""
    global _PARSER
    if _PARSER is None:
        from concurrent.futures import ThreadPoolExecutor

        _PARSER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu-parse")
    return _PARSER


def parse_off_the_event_loop() -> None:
    """Run the NLU pipeline in a worker thread instead of on the event loop.

    Rasa 3.6 runs the pipeline synchronously inside `parse_message`: for 10–30 ms (more for a
    long message the sentence encoder has not seen) no other resident's turn could read, write
    or answer. In the thread, the encoder (C code, without the GIL) runs beside the other turns.
    Otherwise as Rasa's `parse_message`, without its debug log of the raw text.
    """
    import asyncio

    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.trackers import DialogueStateTracker

    original = _once(MessageProcessor, "parse_message")
    if original is None:
        return

    async def parse_message(self: MessageProcessor, message: Any, tracker: Any = None,
                            only_output_properties: bool = True) -> Dict[Text, Any]:
        if self.http_interpreter:
            return await original(self, message, tracker, only_output_properties)
        if tracker is None:
            tracker = DialogueStateTracker.from_events(message.sender_id, [])
        parse_data = await asyncio.get_running_loop().run_in_executor(
            _parser(), self._parse_message_with_graph, message, tracker, only_output_properties)
        self._update_full_retrieval_intent(parse_data)
        self._check_for_unseen_features(parse_data)
        return parse_data

    setattr(parse_message, ORIGINAL, original)
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]


def cached_domain_emptiness() -> None:
    """`Domain.is_empty` once per domain instead of once per parse.

    Rasa asks it before every parse's unseen-intent check and answers by building the whole
    domain as a dict and an empty domain to compare with (2.5 % of the Rasa process's samples with
    fifty-turn conversations). A domain is not changed after it is built: Rasa caches its other
    derived lists on the instance the same way (`lazy_property`).
    """
    from rasa.shared.core.domain import Domain

    original = _once(Domain, "is_empty")
    if original is None:
        return

    def is_empty(self: Domain) -> bool:
        known = self.__dict__.get("_meedenker_is_empty")
        if known is None:
            known = self.__dict__["_meedenker_is_empty"] = original(self)
        return known

    setattr(is_empty, ORIGINAL, original)
    Domain.is_empty = is_empty  # type: ignore[method-assign]


# Shorter than the action server's (Sanic's KEEP_ALIVE_TIMEOUT, 5 s): the client closes an idle
# connection before the server can, so a request is seldom sent into one the server just closed.
IDLE_CONNECTION_SECONDS = 2.0
_SESSIONS = "_meedenker_sessions"


def _session_for(endpoint: Any) -> Any:
    """One client session per endpoint and event loop, created on first use in that loop."""
    import asyncio

    import aiohttp
    import rasa.utils.endpoints as endpoints

    loop = asyncio.get_running_loop()
    sessions = endpoint.__dict__.setdefault(_SESSIONS, {})
    session = sessions.get(loop)
    if session is None or session.closed:
        session = sessions[loop] = aiohttp.ClientSession(
            headers=endpoint.headers,
            timeout=aiohttp.ClientTimeout(total=endpoints.DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_CONNECTION_SECONDS))
        _OPEN_SESSIONS.append(session)
    return session


_OPEN_SESSIONS: list[Any] = []


async def close_endpoint_sessions() -> None:
    """Close the kept-alive sessions of this process (the Rasa server's `after_server_stop`)."""
    while _OPEN_SESSIONS:
        session = _OPEN_SESSIONS.pop()
        if not session.closed:
            await session.close()


def kept_alive_endpoint_calls() -> None:
    """Endpoint calls (the action server's, above all) over kept-alive connections.

    Rasa 3.6's `EndpointConfig.request` builds an aiohttp session for each call, so each action
    call opened a TCP connection and the action server accepted one. This keeps one session per
    endpoint; otherwise it is Rasa's `request` (headers, token, errors, JSON or None). A call sent
    into a connection the server had just closed is sent again once on a new one. Endpoints with a
    CA file or basic auth take Rasa's own path.
    """
    import aiohttp
    import rasa.core.run as run_module
    from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

    original = _once(EndpointConfig, "request")
    if original is None:
        return

    async def request(self: EndpointConfig, method: Text = "post", subpath: Optional[Text] = None,
                      content_type: Optional[Text] = "application/json", compress: bool = False,
                      **kwargs: Any) -> Optional[Any]:
        if self.cafile or self.basic_auth:
            return await original(self, method, subpath, content_type, compress, **kwargs)
        headers = {"Content-Type": content_type} if content_type else {}
        headers.update(kwargs.pop("headers", None) or {})
        headers.update(self.headers)
        params = self.combine_parameters(kwargs)
        url = concat_url(self.url, subpath)
        for attempt in (1, 2):
            try:
                async with _session_for(self).request(method, url, headers=headers, params=params,
                                                      compress=compress, **kwargs) as response:
                    if response.status >= 400:
                        raise ClientResponseError(response.status, response.reason, await response.content.read())
                    try:
                        return await response.json()
                    except aiohttp.ContentTypeError:
                        return None
            except aiohttp.ClientConnectorError:
                raise  # nothing listens: no second try, the resident gets the fallback at once
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
                # A kept-alive connection the other side had closed, before anything was answered.
                if attempt == 2:
                    raise
        return None  # not reached: the second attempt returns or raises

    setattr(request, ORIGINAL, original)
    EndpointConfig.request = request  # type: ignore[method-assign]

    close_resources = run_module.close_resources

    async def close_resources_and_sessions(app: Any, loop: Any) -> None:
        await close_resources(app, loop)
        await close_endpoint_sessions()

    run_module.close_resources = close_resources_and_sessions


def session_so_far(tracker: Any) -> Optional[tuple[bool, Any]]:
    """(any event since the session started, the latest message), or None when the conversation
    holds an undo or a loop event and only Rasa's replay (`applied_events`) can tell.

    Why not a walk over the session: at fifty turns that walk alone cost more than a millisecond
    per turn. The event types are gathered in C (`map(type, ...)`); without an undo or a loop
    among them, the newest events answer both questions: the walk back stops at the latest
    message or at the session start, a few events from the end.
    """
    from rasa.shared.core.events import (ActionReverted, ActiveLoop, LoopInterrupted, Restarted, SessionStarted,
                                         UserUttered, UserUtteranceReverted)

    undo = (ActionReverted, UserUtteranceReverted, ActiveLoop, LoopInterrupted)
    if any(issubclass(kind, undo) for kind in set(map(type, tracker.events))):
        return None
    seen = False
    for event in reversed(tracker.events):
        if isinstance(event, (Restarted, SessionStarted)):
            break
        if isinstance(event, UserUttered):
            return True, event
        seen = True
    return seen, None


def recent_session_check() -> None:
    """Decide whether a new session starts from the events since the last session start.

    Rasa 3.6 asks `applied_events()` twice per message (is there anything? when was the last
    message?), each replaying every event of the session. Without forms, and without undo or loop
    events in the session, the newest events answer both questions. A session that must start
    takes Rasa's own path, which checks again and runs `action_session_start`.
    """
    import time

    from rasa.core.processor import MessageProcessor

    original = _once(MessageProcessor, "_update_tracker_session")
    if original is None:
        return

    async def update_tracker_session(self: MessageProcessor, tracker: Any, output_channel: Any,
                                     metadata: Optional[Dict] = None) -> None:
        so_far = None if self.domain.form_names else session_so_far(tracker)
        if so_far is not None:
            seen, latest = so_far
            config = self.domain.session_config
            expired = (config.are_sessions_enabled() and latest is not None
                       and (time.time() - latest.timestamp) / 60 > config.session_expiration_time)
            if seen and not expired:
                return
        await original(self, tracker, output_channel, metadata)

    setattr(update_tracker_session, ORIGINAL, original)
    MessageProcessor._update_tracker_session = update_tracker_session  # type: ignore[method-assign]


def embed_on_arrival() -> None:
    """Start the message's embedding (bot/understanding/encoder.py `prefetch`) as the processor receives it.

    The text the pipeline will parse is known here, except for a sealed form answer (its text is
    decided under the lock, turns.py `answers_read_under_the_lock`) and a button payload ("/intent"),
    which the NLU components do not embed: neither is prefetched.
    """
    from rasa.core.processor import MessageProcessor

    from bot.understanding import encoder
    from bot.conversation.intake import CANDIDATE_KEY

    original = _once(MessageProcessor, "handle_message")
    if original is None:
        return

    async def handle_message(self: MessageProcessor, message: Any) -> Any:
        text = message.text or ""
        if text.strip() and not text.startswith("/") and CANDIDATE_KEY not in (message.metadata or {}):
            encoder.prefetch(text)
        return await original(self, message)

    setattr(handle_message, ORIGINAL, original)
    MessageProcessor.handle_message = handle_message  # type: ignore[method-assign]


def _rasa_version() -> str:
    import rasa

    return rasa.__version__
