"""Each speed patch of addons/rasa_patches/speed.py, and the data-only tracker read of addons/stores.py.

Every test fails on stock Rasa 3.6 (without the patch) and checks that behaviour is unchanged.
"""
from __future__ import annotations

import asyncio
import collections

import pytest
import sqlalchemy as sa
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import rasa.shared.utils.common
from addons.rasa_patches import speed as rasa_speed
from bot.ops.settings import PROJECT_ROOT
from tests.event_loop import ticks_while


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def long_tracker(domain: Domain, turns: int) -> DialogueStateTracker:
    events: list[Event] = []
    for n in range(turns):
        events += [UserUttered(f"bericht {n}", {"name": "hulpvraag", "confidence": 0.9}, input_channel="rest"),
                   ActionExecuted("action_reageer"), BotUttered(f"antwoord {n}"),
                   SlotSet("verduidelijkingen", float(n)), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("s1", events, domain.slots)


def test_action_request_holds_only_the_worry_the_latest_message_and_the_state(domain):
    from bot.conversation.transcript import worry_texts

    rasa_speed.compact_action_request()
    tracker = long_tracker(domain, 30)
    worry = UserUttered("ik kan mijn huur al drie maanden niet betalen", {"name": "hulpvraag", "confidence": 0.9},
                        parse_data={"werkmodel": {"route": "meedenker", "leefgebieden": [{"id": "financien"}]}},
                        input_channel="rest")
    for event in [worry, ActionExecuted("action_reageer"), ActionExecuted("action_listen"),
                  UserUttered("bericht 30", {"name": "hulpvraag", "confidence": 0.9}, input_channel="telegram")]:
        tracker.update(event)
    action = RemoteAction("action_reageer", EndpointConfig("http://127.0.0.1:1/webhook"))
    request = action._action_call_format(tracker, domain)
    # An ordinary turn cannot write a ticket: only the latest message (its channel) and the state.
    events = request["tracker"]["events"]
    assert worry_texts(events) == [] and len(events) == 2 and events[-1]["input_channel"] == "telegram"
    # The "ja" to the read-back writes the ticket: now the worry's messages come along.
    tracker.update(SlotSet("wacht_op", "controle"))
    events = action._action_call_format(tracker, domain)["tracker"]["events"]
    everything = [e.as_dict() for e in tracker.events]
    assert worry_texts(events) == worry_texts(everything) == ["ik kan mijn huur al drie maanden niet betalen"]
    assert len(events) == 3 < len(everything) and events[-1]["input_channel"] == "telegram"
    assert request["tracker"]["slots"]["verduidelijkingen"] == 29.0
    assert request["tracker"]["latest_message"]["text"] == "bericht 30"
    assert request["next_action"] == "action_reageer" and request["sender_id"] == "s1"


def test_action_response_schema_is_checked_once_not_per_call(monkeypatch):
    rasa_speed.cached_action_response_validator()
    checks = []
    cls = validator_for(RemoteAction.action_response_format_spec())
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, schema, *a, **k: checks.append(1)))
    action = RemoteAction("action_reageer", None)
    for _ in range(3):
        assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    assert checks == []
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "geen lijst"})


def test_event_types_are_looked_up_without_walking_all_subclasses(monkeypatch):
    rasa_speed.cached_event_type_lookup()
    Event.resolve_by_type("user")
    walks = []
    original = rasa.shared.utils.common.all_subclasses
    monkeypatch.setattr(rasa.shared.utils.common, "all_subclasses", lambda cls: walks.append(1) or original(cls))
    assert all(Event.resolve_by_type("user") is UserUttered for _ in range(50))
    assert Event.resolve_by_type("slot") is SlotSet
    assert walks == []
    assert Event.resolve_by_type("geen_event", default=BotUttered) is BotUttered
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("geen_event")


def patched_functions() -> tuple:
    from rasa.core.policies.rule_policy import RulePolicy

    from rasa.core.processor import MessageProcessor

    return (RemoteAction._action_call_format, RemoteAction._validate_action_result, Event.__dict__["resolve_by_type"],
            RulePolicy.__dict__["_prediction_states"], DialogueStateTracker.copy, MessageProcessor.parse_message,
            Domain.is_empty, EndpointConfig.request, MessageProcessor.handle_message,
            MessageProcessor._update_tracker_session)


def apply_speed_patches() -> None:
    """The registry's speed patches, applied directly (the registry itself applies each once)."""
    from addons.rasa_patches.base import PatchContext
    from addons.rasa_patches.registry import PATCHES

    for patch in PATCHES:
        if hasattr(rasa_speed, patch.name):
            patch.apply(PatchContext())


def test_patches_apply_once():
    apply_speed_patches()
    first = patched_functions()
    apply_speed_patches()
    assert patched_functions() == first
    assert all(getattr(f, rasa_speed.ORIGINAL, None) for f in first[3:])


def test_tracker_store_reads_stored_events_without_an_orm_object_each(settings_env, domain):
    from addons.stores import MeedenkerTrackerStore

    store = MeedenkerTrackerStore(domain=domain)
    asyncio.run(store.save(long_tracker(domain, 10)))
    loaded = []

    def on_load(target, context) -> None:
        loaded.append(target)

    sa.event.listen(store.SQLEvent, "load", on_load)
    try:
        tracker = asyncio.run(store.retrieve("s1"))
    finally:
        sa.event.remove(store.SQLEvent, "load", on_load)
    assert loaded == []
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)][-1] == "bericht 9"
    assert tracker.get_slot("verduidelijkingen") == 9.0
    assert asyncio.run(store.retrieve("onbekend")) is None


def test_tracker_store_rides_out_a_database_restart_but_not_an_outage(monkeypatch):
    from addons import stores

    monkeypatch.setattr(stores, "RECONNECT_DELAYS", (0.0, 0.0))
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sa.exc.OperationalError("SELECT 1", {}, Exception("server closed the connection"))
        return "opgeslagen"

    assert asyncio.run(stores._retrying(flaky)) == "opgeslagen" and len(calls) == 3

    def down() -> None:
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))

    with pytest.raises(sa.exc.OperationalError):
        asyncio.run(stores._retrying(down))


def test_a_slow_tracker_store_write_does_not_stall_the_event_loop(settings_env, domain, monkeypatch):
    import time
    from contextlib import contextmanager

    from addons.stores import MeedenkerTrackerStore

    store = MeedenkerTrackerStore(domain=domain)
    plain_scope = store.session_scope

    @contextmanager
    def slow_scope():
        time.sleep(0.4)  # a commit waiting for the disk or the network
        with plain_scope() as session:
            yield session

    monkeypatch.setattr(store, "session_scope", slow_scope)
    ticks = asyncio.run(ticks_while(store.save(long_tracker(domain, 2))))
    assert ticks >= 15
    monkeypatch.setattr(store, "session_scope", plain_scope)
    assert asyncio.run(store.retrieve("s1")).get_slot("verduidelijkingen") == 1.0


def test_sqlite_tracker_store_commits_through_a_write_ahead_log(settings_env, domain):
    from addons.stores import MeedenkerTrackerStore

    store = MeedenkerTrackerStore(domain=domain)
    asyncio.run(store.save(long_tracker(domain, 1)))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_sqlite_tracker_store_keeps_its_connection_open_between_turns(settings_env, domain):
    from addons.stores import MeedenkerTrackerStore

    store = MeedenkerTrackerStore(domain=domain)
    connects = []
    sa.event.listen(store.engine, "connect", lambda *_: connects.append(1))
    for turns in range(1, 6):  # a read and a write per turn, as Rasa does
        asyncio.run(store.save(long_tracker(domain, turns)))
        assert asyncio.run(store.retrieve("s1")).get_slot("verduidelijkingen") == float(turns - 1)
    assert len(connects) == 1  # SQLAlchemy 1.4's default opens (and closes) one per read and write


def trained_rule_policy(tmp_path):
    """The RulePolicy of the trained model (make train), loaded as Rasa loads it."""
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    from tests.conftest import MODEL

    storage, metadata = LocalModelStorage.from_model_archive(tmp_path, MODEL)
    node = next(n for n in metadata.predict_schema.nodes.values() if n.uses is RulePolicy)
    return RulePolicy.load({**RulePolicy.get_default_config(), **node.config}, storage, node.resource,
                           ExecutionContext(metadata.predict_schema, metadata.model_id))


def mixed_conversation(domain: Domain, turns: int, last_intent: str) -> DialogueStateTracker:
    """Ordinary turns, a crisis turn answered by rule now and then, and a last message."""
    events: list[Event] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for n in range(turns):
        intent = "crisis_113" if n % 7 == 3 else ("bevestigen" if n % 3 else "hulpvraag")
        events.append(UserUttered(f"bericht {n}", {"name": intent, "confidence": 0.9}))
        if intent == "crisis_113":
            events += [ActionExecuted("utter_crisis_113"), BotUttered("113")]
        events += [ActionExecuted("action_reageer"), BotUttered(f"antwoord {n}"),
                   SlotSet("wacht_op", "samenvatting" if n % 2 else None), ActionExecuted("action_listen")]
    events.append(UserUttered("laatste", {"name": last_intent, "confidence": 0.9}))
    return DialogueStateTracker.from_events("s1", events, domain.slots)


def test_rule_policy_looks_only_at_recent_turns_and_predicts_exactly_as_before(domain, tmp_path):
    from rasa.core.policies.policy import Policy
    from rasa.core.policies.rule_policy import RulePolicy

    policy = trained_rule_policy(tmp_path)
    unpatched = {}
    for intent in ("crisis_113", "crisis_check", "hulpvraag", "opnieuw", "nlu_fallback"):
        for turns in (0, 1, 2, 40):
            tracker = mixed_conversation(domain, turns, intent)
            RulePolicy._prediction_states = Policy._prediction_states  # type: ignore[method-assign]
            full = Policy._prediction_states(policy, tracker, domain)
            unpatched[intent, turns] = [policy.predict_action_probabilities(tracker, domain).max_confidence_index]
            # after the predicted action, the next prediction (e.g. action_reageer after the utterance)
            rasa_speed.recent_rule_states()
            patched = policy._prediction_states(tracker, domain)
            predicted = [policy.predict_action_probabilities(tracker, domain).max_confidence_index]
            assert predicted == unpatched[intent, turns], (intent, turns)
            longest = policy.__dict__["_meedenker_longest_rule"]
            assert 2 <= longest < 10
            assert patched[-(longest + 1):] == full[-(longest + 1):]
            if turns == 40:
                assert len(patched) < len(full) / 10, "the view is not shorter"
    crisis = unpatched["crisis_113", 40][0]
    assert domain.action_names_or_texts[crisis] == "utter_crisis_113"


@pytest.mark.parametrize("bad", [
    {"events": [{"event": "slot", "name": 5, "value": 1}]},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"name": "x"}]},
    {"events": ["slot"]},
    {"events": {"event": "slot"}},
    {"events": [{"event": "user", "text": 5}]},
    {"responses": ["text"]},
])
def test_each_event_is_checked_against_its_own_schema_and_bad_ones_still_fail(bad):
    rasa_speed.cached_action_response_validator()
    action = RemoteAction("action_reageer", None)
    with pytest.raises(ValidationError):
        action._validate_action_result(bad)
    good = {"events": [{"event": "slot", "name": "x", "value": None}, {"event": "bot", "text": "hallo"},
                       {"event": "action", "name": "action_listen"}, {"event": "session_started"}],
            "responses": [{"text": "hallo"}]}
    assert action._validate_action_result(good)


def a_turn_on_another_replica(other) -> None:
    """Another replica (its own store) reads conversation s1, adds a message and a slot, saves."""
    theirs = asyncio.run(other.retrieve("s1"))
    theirs.update(UserUttered("van de andere replica", {"name": "hulpvraag"}))
    theirs.update(SlotSet("verduidelijkingen", 99.0))
    asyncio.run(other.save(theirs))


def test_tracker_store_decodes_only_rows_it_has_not_seen_and_misses_no_change_of_another_process(
        settings_env, domain, monkeypatch):
    from addons import stores
    from addons.stores import MeedenkerTrackerStore

    ours, other = MeedenkerTrackerStore(domain=domain), MeedenkerTrackerStore(domain=domain)
    asyncio.run(ours.save(long_tracker(domain, 20)))
    decoded = []
    real_decode = stores.decode_row
    monkeypatch.setattr(stores, "decode_row", lambda data: decoded.append(1) or real_decode(data))
    tracker = asyncio.run(ours.retrieve("s1"))
    assert len(decoded) == len(tracker.events) == 100
    # Another replica adds a turn: only its rows are decoded, and the turn is there.
    a_turn_on_another_replica(other)
    decoded.clear()
    tracker = asyncio.run(ours.retrieve("s1"))
    assert len(decoded) == 2 and len(tracker.events) == 102
    assert tracker.latest_message.text == "van de andere replica" and tracker.get_slot("verduidelijkingen") == 99.0
    # Unchanged: nothing is decoded again, and the tracker is the same.
    decoded.clear()
    again = asyncio.run(ours.retrieve("s1"))
    assert decoded == [] and again.current_state() == tracker.current_state()
    # The dashboard erases the conversation's rows (privacy): the next read must not bring them back.
    with ours.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 's1' AND type_name = 'user'"))
    after = asyncio.run(ours.retrieve("s1"))
    assert not [e for e in after.events if isinstance(e, UserUttered)]
    with ours.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 's1'"))
    assert asyncio.run(ours.retrieve("s1")) is None


def test_a_long_conversation_is_not_replayed_again_on_every_turn(settings_env, domain, monkeypatch):
    from addons.stores import MeedenkerTrackerStore

    store, other = MeedenkerTrackerStore(domain=domain), MeedenkerTrackerStore(domain=domain)
    asyncio.run(store.save(long_tracker(domain, 50)))
    first = asyncio.run(store.retrieve("s1"))  # read whole, as Rasa does
    replayed = []
    update = DialogueStateTracker.update
    monkeypatch.setattr(DialogueStateTracker, "update",
                        lambda self, event, domain=None: replayed.append(event) or update(self, event, domain))
    # The turn changes the tracker it got; the next read must not see that (nothing was saved).
    first.update(UserUttered("niet opgeslagen", {"name": "hulpvraag"}))
    replayed.clear()
    again = asyncio.run(store.retrieve("s1"))
    assert replayed == []  # stock Rasa replays all 250 events here
    assert len(again.events) == 250 and again.latest_message.text == "bericht 49"
    # Another replica's turn: only its events are applied, and the slots follow them.
    a_turn_on_another_replica(other)
    replayed.clear()
    later = asyncio.run(store.retrieve("s1"))
    assert [type(e).__name__ for e in replayed] == ["UserUttered", "SlotSet"]
    assert later.get_slot("verduidelijkingen") == 99.0 and len(later.events) == 252
    assert later.current_state() == asyncio.run(MeedenkerTrackerStore(domain=domain).retrieve("s1")).current_state()
    assert again.get_slot("verduidelijkingen") == 49.0  # a tracker handed out earlier is not changed


def test_a_tracker_copy_is_the_same_as_rasas_replayed_copy_and_independent_of_it(domain):
    from rasa.shared.core.events import ActiveLoop, FollowupAction, SessionStarted
    from rasa.shared.core.trackers import EventVerbosity

    rasa_speed.fast_tracker_copy()
    replayed_copy = getattr(DialogueStateTracker.copy, rasa_speed.ORIGINAL)
    tracker = mixed_conversation(domain, 12, "hulpvraag")
    for event in (ActionExecuted("action_reageer"), SlotSet("taal", "en"), ActiveLoop("een_lus"),
                  FollowupAction("action_listen"), SessionStarted(), SlotSet("wacht_op", "naam")):
        tracker.update(event)
        fast, replayed = tracker.copy(), replayed_copy(tracker)
        assert fast.current_state(EventVerbosity.ALL) == replayed.current_state(EventVerbosity.ALL)
        assert fast.followup_action == replayed.followup_action and fast.active_loop == replayed.active_loop
    before = tracker.current_state(EventVerbosity.ALL)
    duplicate = tracker.copy()
    duplicate.update(SlotSet("wacht_op", "telefoon"))
    duplicate.update(UserUttered("nog iets", {"name": "hulpvraag"}))
    assert tracker.current_state(EventVerbosity.ALL) == before, "changing the copy changed the original"
    assert duplicate.get_slot("wacht_op") == "telefoon" and tracker.get_slot("wacht_op") == "naam"


def test_a_slow_parse_does_not_stall_the_other_conversations_on_the_event_loop(domain, monkeypatch):
    import threading
    import time

    from rasa.core.channels import UserMessage
    from rasa.core.processor import MessageProcessor

    threads = []

    def slow_pipeline(self, message, tracker, only_output_properties=True):
        threads.append(threading.current_thread().name)
        time.sleep(0.4)  # a long message through the sentence encoder, on a busy machine
        return {"text": message.text, "intent": {"name": "hulpvraag", "confidence": 0.9}, "entities": []}

    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", slow_pipeline)
    rasa_speed.parse_off_the_event_loop()
    processor = object.__new__(MessageProcessor)
    processor.http_interpreter, processor.domain = None, domain
    parsed: dict = {}

    async def parse() -> None:
        parsed.update(await processor.parse_message(UserMessage("ik kan mijn huur niet betalen", sender_id="s1")))

    ticks = asyncio.run(ticks_while(parse()))
    assert ticks >= 15  # the loop kept serving while the pipeline ran
    assert threads and threads[0].startswith("nlu-parse")
    assert parsed["intent"]["name"] == "hulpvraag" and parsed["text"] == "ik kan mijn huur niet betalen"


def test_the_domain_is_turned_into_a_dict_once_to_see_if_it_is_empty_not_on_every_parse(domain, monkeypatch):
    rasa_speed.cached_domain_emptiness()
    loaded = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    calls = []
    as_dict = Domain.as_dict
    monkeypatch.setattr(Domain, "as_dict", lambda self: calls.append(1) or as_dict(self))
    assert [loaded.is_empty() for _ in range(5)] == [False] * 5
    assert len(calls) <= 2  # at most once (both dicts); stock Rasa builds them on every call: 10
    assert Domain.empty().is_empty() is True


class ActionServerDouble:
    """A plain HTTP/1.1 server on a loopback port that answers JSON and counts its connections.

    `answers_per_connection`: after that many answers on one connection, the next request that
    arrives on it is met by closing the connection unanswered, as a server does whose keep-alive
    timeout ran out just as the request was sent.
    """

    def __init__(self, answers_per_connection: int = 1000, status: int = 200) -> None:
        self.answers_per_connection = answers_per_connection
        self.status = status
        self.connections = 0
        self.answered = 0

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/webhook"

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()
        await self.server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        answers = 0
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                body = await reader.readexactly(length)
                if answers == self.answers_per_connection:
                    break
                answers += 1
                self.answered += 1
                reply = b'{"events": [], "responses": [], "echo": %s}' % body
                writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                             b"Connection: keep-alive\r\n\r\n%s" % (self.status, len(reply), reply))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()



async def _calls(double: ActionServerDouble, count: int) -> list:
    async with double as url:
        endpoint = EndpointConfig(url, token="geheim")
        try:
            return [await endpoint.request(json={"n": n}, method="post") for n in range(count)]
        finally:
            await rasa_speed.close_endpoint_sessions()


def test_action_calls_share_one_kept_alive_connection_instead_of_opening_one_each():
    rasa_speed.kept_alive_endpoint_calls()
    double = ActionServerDouble()
    answers = asyncio.run(_calls(double, 5))
    assert [a["echo"]["n"] for a in answers] == [0, 1, 2, 3, 4]
    assert double.connections == 1


def test_a_call_into_a_connection_the_server_just_closed_is_answered_on_a_new_one():
    rasa_speed.kept_alive_endpoint_calls()
    double = ActionServerDouble(answers_per_connection=2)
    answers = asyncio.run(_calls(double, 5))
    assert [a["echo"]["n"] for a in answers] == [0, 1, 2, 3, 4]
    assert double.connections == 3 and double.answered == 5


def test_an_action_server_error_still_reaches_rasa_as_its_status():
    from rasa.utils.endpoints import ClientResponseError

    rasa_speed.kept_alive_endpoint_calls()
    with pytest.raises(ClientResponseError) as raised:
        asyncio.run(_calls(ActionServerDouble(status=400), 1))
    assert raised.value.status == 400


def test_a_refused_connection_fails_at_once_without_a_second_try():
    import aiohttp

    rasa_speed.kept_alive_endpoint_calls()

    async def refused() -> None:
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        try:
            await EndpointConfig(f"http://127.0.0.1:{port}/webhook").request(json={}, method="post")
        finally:
            await rasa_speed.close_endpoint_sessions()

    with pytest.raises(aiohttp.ClientConnectorError):
        asyncio.run(refused())


@pytest.mark.parametrize("text, metadata, prefetched", [
    ("ik durf de post niet meer open te maken", {}, True),
    ("/bevestigen", {}, False),  # a button: the pipeline embeds no payload
    ("Jan", {"sealed_candidate": "versleuteld"}, False),  # its text is decided later, under the lock
    ("   ", {}, False),
])
def test_the_message_is_embedded_from_its_arrival_when_it_will_be_parsed_as_it_is(monkeypatch, text, metadata,
                                                                                   prefetched):
    from rasa.core.channels.channel import UserMessage
    from rasa.core.processor import MessageProcessor

    from bot.understanding import encoder

    rasa_speed.embed_on_arrival()
    started = []
    monkeypatch.setattr(encoder, "prefetch", started.append)

    class Stop(Exception):
        pass

    class Processor:
        async def log_message(self, message, should_save_tracker=True):
            raise Stop  # the rest of the turn: the prefetch must have started before it

    with pytest.raises(Stop):
        asyncio.run(MessageProcessor.handle_message(Processor(), UserMessage(text, sender_id="s1", metadata=metadata)))
    assert started == ([text] if prefetched else [])


def _sessions_started(update, domain: Domain, tracker: DialogueStateTracker) -> int:
    from rasa.core.processor import MessageProcessor

    started = []

    class Processor:
        def __init__(self) -> None:
            self.domain, self.nlg = domain, None
            self._has_session_expired = MessageProcessor._has_session_expired.__get__(self)

        def _get_action(self, name):
            return name

        async def _run_action(self, action, tracker, output_channel, nlg, prediction):
            started.append(action)

    asyncio.run(update(Processor(), tracker, None, None))
    return len(started)


def _session(domain: Domain, *later: Event) -> DialogueStateTracker:
    from rasa.shared.core.events import SessionStarted

    return DialogueStateTracker.from_events("s1", [ActionExecuted("action_session_start"), SessionStarted(),
                                                   ActionExecuted("action_listen"), *later], domain.slots)


def test_the_session_check_reads_only_the_newest_events_and_decides_as_rasa_does(domain, monkeypatch):
    import time

    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.events import Restarted, SessionStarted

    rasa_speed.recent_session_check()
    patched = MessageProcessor._update_tracker_session
    rasas = getattr(patched, rasa_speed.ORIGINAL)
    now, two_hours_ago = time.time(), time.time() - 7200
    cases = {
        "new conversation": (DialogueStateTracker.from_events("s1", [], domain.slots), 1),
        "only the session start": (DialogueStateTracker.from_events(
            "s1", [ActionExecuted("action_session_start"), SessionStarted()], domain.slots), 1),
        "a message a minute ago": (_session(domain, UserUttered("hallo", timestamp=now - 60)), 0),
        "the last message two hours ago": (_session(domain, UserUttered("hallo", timestamp=two_hours_ago),
                                                    ActionExecuted("action_reageer")), 1),
        "restarted": (_session(domain, UserUttered("hallo", timestamp=now), Restarted()), 1),
        "a message undone": (_session(domain, UserUttered("oud", timestamp=two_hours_ago),
                                      UserUttered("nieuw", timestamp=now),
                                      rasa.shared.core.events.UserUtteranceReverted()), 1),
        "undone in an earlier session": (DialogueStateTracker.from_events("s1", [
            UserUttered("oud", timestamp=two_hours_ago), rasa.shared.core.events.UserUtteranceReverted(),
            *_session(domain, UserUttered("nieuw", timestamp=now)).events], domain.slots), 0),
        "a loop earlier in the session": (_session(domain, rasa.shared.core.events.ActiveLoop("formulier"),
                                                   UserUttered("hallo", timestamp=two_hours_ago),
                                                   rasa.shared.core.events.ActiveLoop(None),
                                                   UserUttered("nu", timestamp=now)), 0),
    }
    for name, (tracker, expected) in cases.items():
        assert _sessions_started(patched, domain, tracker) == expected == _sessions_started(rasas, domain, tracker), name

    replays = []
    original_applied = DialogueStateTracker.applied_events
    monkeypatch.setattr(DialogueStateTracker, "applied_events",
                        lambda self: replays.append(1) or original_applied(self))
    long = long_tracker(domain, 60)
    assert _sessions_started(patched, domain, long) == 0 and replays == []

    # Read back only to the latest message, not over the session (that walk grew with its length).
    walked = []

    class Events(collections.deque):
        def __reversed__(self):
            for event in super().__reversed__():
                walked.append(event)
                yield event

    long.events = Events(long.events)
    long.events.append(UserUttered("nog een vraag", timestamp=now))
    long.events.append(ActionExecuted("action_reageer"))
    assert _sessions_started(patched, domain, long) == 0 and len(walked) == 2
    long.events.append(UserUttered("te laat", timestamp=two_hours_ago))
    assert _sessions_started(patched, domain, long) == 1 == _sessions_started(rasas, domain, long)


def test_tracker_store_saves_the_same_rows_as_rasa_in_one_insert_without_orm_objects(settings_env, domain, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import SessionStarted

    from addons.stores import MeedenkerTrackerStore

    ours = MeedenkerTrackerStore(domain=domain)
    rasas = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "stock-rasa.db"))
    created = []
    saving = []

    def on_init(target, args, kwargs) -> None:
        created.append(saving[-1])

    sa.event.listen(ours.SQLEvent, "init", on_init)
    try:
        steps = [[], [UserUttered("hallo", {"name": "groet", "confidence": 0.9}), ActionExecuted("action_reageer"),
                      SlotSet("verduidelijkingen", 1.0), ActionExecuted("action_listen")],
                 [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                  UserUttered("ik kan mijn huur niet betalen", {"name": "hulpvraag", "confidence": 0.8})],
                 [ActionExecuted("action_reageer"), ActionExecuted("action_listen")]]
        first = ActionExecuted("action_listen")
        for store in (ours, rasas):
            tracker = DialogueStateTracker.from_events("s1", [first], domain.slots)
            for step in steps:  # a turn: read the conversation, add its events, save
                for event in step:
                    tracker.update(event)
                saving.append("ours" if store is ours else "rasa")
                asyncio.run(store.save(tracker))
                tracker = asyncio.run(store.retrieve("s1"))
    finally:
        sa.event.remove(ours.SQLEvent, "init", on_init)

    def rows(store) -> list:
        with store.engine.connect() as connection:
            return connection.execute(sa.text("SELECT sender_id, type_name, timestamp, intent_name, action_name, data "
                                              "FROM events ORDER BY id")).all()

    assert rows(ours) == rows(rasas) and len(rows(ours)) == 11
    assert "rasa" in created and "ours" not in created


def test_the_action_request_of_a_next_turn_reads_only_that_turns_events_and_stays_exact(domain, monkeypatch):
    from rasa.shared.core.events import SessionStarted

    from bot.conversation.transcript import for_the_action_server

    original = rasa_speed._message_event

    def after_last_message(tracker) -> int:
        return max(i for i, e in enumerate(tracker.events) if isinstance(e, UserUttered)) + 1

    def everything(tracker) -> list:
        return for_the_action_server([e for e in map(original, tracker.events) if e])

    read = []
    monkeypatch.setattr(rasa_speed, "_message_event", lambda event: read.append(event) or original(event))
    monkeypatch.setattr("bot.conversation.dialogue.may_write_a_ticket", lambda wacht_op, intent: True)  # every turn as a ticket's
    tracker = long_tracker(domain, 40)
    assert rasa_speed.compact_events(tracker) == everything(tracker)
    for turn, text in enumerate(["ik kan mijn huur al maanden niet betalen", "ja", "mijn zoon blowt elke dag"]):
        # The next turn's tracker is read back from the database: equal events, new objects.
        tracker = DialogueStateTracker.from_dict("s1", [e.as_dict() for e in tracker.events], domain.slots)
        since_last_message = len(tracker.events) - after_last_message(tracker)
        for event in [UserUttered(text, {"name": "hulpvraag", "confidence": 0.9}, input_channel="rest"),
                      SlotSet("wacht_op", "samenvatting" if turn == 0 else None), ActionExecuted("action_listen")]:
            tracker.update(event)
        read.clear()
        sent = rasa_speed.compact_events(tracker)
        assert len(read) == since_last_message + 3 and sent == everything(tracker)  # this turn's events only
    later = DialogueStateTracker.from_dict("s1", [e.as_dict() for e in tracker.events][5:], domain.slots)
    read.clear()
    sent = rasa_speed.compact_events(later)  # another session's start: not the same conversation any more
    assert len(read) == len(later.events) and sent == everything(later)
    restarted = DialogueStateTracker.from_dict("s1", [e.as_dict() for e in later.events] + [SessionStarted().as_dict()],
                                               domain.slots)
    read.clear()
    sent = rasa_speed.compact_events(restarted)
    assert len(read) == len(restarted.events) - after_last_message(restarted)
    assert sent == everything(restarted) and sent[-1] == {"event": "session_started"}


def test_a_turns_read_and_save_build_no_orm_query(settings_env, domain, monkeypatch):
    from addons.stores import MeedenkerTrackerStore

    store = MeedenkerTrackerStore(domain=domain)
    asyncio.run(store.save(long_tracker(domain, 20)))
    queries = []
    original = sa.orm.Session.query
    monkeypatch.setattr(sa.orm.Session, "query", lambda self, *a, **k: queries.append(a) or original(self, *a, **k))
    for turn in range(3):  # the first read decodes the session, the next ones only newer rows
        tracker = asyncio.run(store.retrieve("s1"))
        tracker.update(UserUttered(f"nog een bericht {turn}", {"name": "hulpvraag", "confidence": 0.9}))
        asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("nieuw")) is None
    assert queries == []
    assert [e.text for e in asyncio.run(store.retrieve("s1")).events if isinstance(e, UserUttered)][-3:] == [
        "nog een bericht 0", "nog een bericht 1", "nog een bericht 2"]


def test_saving_a_turn_does_not_count_the_stored_session_again_unless_rows_came_after_its_read(
        settings_env, domain, tmp_path):
    import json
    import sqlite3

    from rasa.core.tracker_store import SQLTrackerStore

    from addons.stores import MeedenkerTrackerStore

    store = MeedenkerTrackerStore(domain=domain)
    asyncio.run(store.save(long_tracker(domain, 30)))
    statements = []

    def record(conn, cursor, statement, *rest) -> None:
        statements.append(statement.lower())

    def rows(database) -> list:
        with sqlite3.connect(database) as connection:
            return connection.execute("SELECT sender_id, type_name, data FROM events ORDER BY id").fetchall()

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        tracker = asyncio.run(store.retrieve("s1"))
        tracker.update(UserUttered("nog een vraag", {"name": "hulpvraag", "confidence": 0.9}))
        statements.clear()
        asyncio.run(store.save(tracker))
        assert not any("count(" in statement for statement in statements), statements
        assert asyncio.run(store.retrieve("s1")).latest_message.text == "nog een vraag"

        # Another process stored a row after this read: the save counts the session as Rasa does.
        tracker = asyncio.run(store.retrieve("s1"))
        database = store.engine.url.database
        with sqlite3.connect(database) as other:
            other.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES ('s1', 'bot', ?, ?)",
                          (1.0, json.dumps(BotUttered("van elders", timestamp=1.0).as_dict())))
        with sqlite3.connect(database) as source, sqlite3.connect(tmp_path / "stock.db") as copy:
            source.backup(copy)  # with what is still in the write-ahead log
        tracker.update(UserUttered("en nog een", {"name": "hulpvraag", "confidence": 0.9}))
        statements.clear()
        asyncio.run(store.save(tracker))
        assert any("count(" in statement for statement in statements)
        asyncio.run(SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "stock.db")).save(tracker))
        assert rows(database) == rows(tmp_path / "stock.db")
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)


def test_stored_rows_are_read_to_the_same_values_as_json_loads_reads_them():
    import json
    import math
    import random

    from addons.stores import decode_row

    rng = random.Random(3)
    floats = [rng.uniform(-1e6, 1e6) for _ in range(2000)] + [rng.random() * 10 ** rng.randint(-300, 300)
                                                               for _ in range(2000)]
    floats += [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 1 / 3, 1796161510.9600923, -0.0]
    rows = [json.dumps({"event": "user", "timestamp": value, "parse_data": {"intent_ranking": [value, -value]}})
            for value in floats]
    rows += [json.dumps({"text": "café 😀 \u202e <script>", "n": 2 ** 70, "m": -(2 ** 63)}),
             json.dumps({"x": float("nan"), "y": float("inf")}), '{"text": "\\ud800 alleen"}',
             json.dumps({"diep": [[[[[[[[[[[]]]]]]]]]]]}), "[" * 500 + "]" * 500, '{"a": 1, "a": 2}']
    for row in rows:
        ours, theirs = decode_row(row), json.loads(row)
        if isinstance(theirs, dict) and isinstance(theirs.get("x"), float) and math.isnan(theirs["x"]):
            assert math.isnan(ours["x"]) and ours["y"] == theirs["y"]
            continue
        assert ours == theirs and json.dumps(ours) == json.dumps(theirs), row[:80]
    for broken in ('{"event": "user", ', "", "null null"):
        with pytest.raises(json.JSONDecodeError):
            decode_row(broken)
