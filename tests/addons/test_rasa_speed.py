"""Each Rasa patch of addons/rasa_speed.py, and the data-only tracker read of addons/stores.py.

Every test fails on stock Rasa 3.6 (without the patch) and checks that behaviour is unchanged.
"""
from __future__ import annotations

import asyncio

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
from addons import rasa_speed
from bot.settings import PROJECT_ROOT


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


def test_action_request_holds_only_the_residents_messages_and_the_state(domain):
    rasa_speed.compact_action_request()
    request = RemoteAction("action_reageer", EndpointConfig("http://127.0.0.1:1/webhook")) \
        ._action_call_format(long_tracker(domain, 30), domain)
    events = request["tracker"]["events"]
    assert [e["event"] for e in events] == ["user"] * 30
    assert [e["text"] for e in events][-2:] == ["bericht 28", "bericht 29"]
    assert events[-1]["input_channel"] == "rest"
    assert request["tracker"]["slots"]["verduidelijkingen"] == 29.0
    assert request["tracker"]["latest_message"]["text"] == "bericht 29"
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


def test_patches_apply_once():
    rasa_speed.apply_speed_patches()
    first = RemoteAction._action_call_format, RemoteAction._validate_action_result, Event.__dict__["resolve_by_type"]
    rasa_speed.apply_speed_patches()
    assert (RemoteAction._action_call_format, RemoteAction._validate_action_result,
            Event.__dict__["resolve_by_type"]) == first


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


async def _ticks_while(work) -> int:
    """How often a 10 ms ticker ran on the event loop while `work` was awaited."""
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    await work
    done.set()
    await task
    return ticks


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
    ticks = asyncio.run(_ticks_while(store.save(long_tracker(domain, 2))))
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
