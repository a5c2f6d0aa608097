"""PostgreSQL tracker store and two Rasa replicas sharing PostgreSQL and Redis.

Messages of the same conversations are sent interleaved and at the same moment to both
replicas; the events in PostgreSQL must hold every message exactly once, each turn whole.
"""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from tests.conftest import Servers, base_env, service_url
from tests.integration.databases import unique_database

pytestmark = [pytest.mark.servers, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    with unique_database(service_url("DATABASE_URL"), "meedenker_replicas") as database_url:
        redis_url = service_url("REDIS_URL")
        var_dir = tmp_path_factory.mktemp("replicas")
        env = base_env(var_dir, DATABASE_URL=database_url, REDIS_URL=redis_url)
        first = Servers(env, var_dir, with_actions=True).start()
        second = Servers(env, var_dir, with_actions=False, actions_url=first.env["ACTION_SERVER_URL"]).start()
        engine = sa.create_engine(database_url)
        yield first, second, engine
        first.stop()
        second.stop()
        engine.dispose()


def stored_events(engine, sender: str) -> list[dict]:
    import json

    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}).fetchall()
    return [json.loads(row[0]) for row in rows]


def turns(events: list[dict]) -> list[list[dict]]:
    """Split events at each user message; every turn must end by listening again."""
    result: list[list[dict]] = []
    for event in events:
        if event["event"] == "user":
            result.append([event])
        elif result:
            result[-1].append(event)
    return result


def test_events_land_in_postgresql(replicas):
    first, _, engine = replicas
    sender = f"pg-{uuid.uuid4().hex[:10]}"
    first.say(sender, "hallo")
    first.say(sender, "ik heb schulden")
    events = stored_events(engine, sender)
    assert [e["text"] for e in events if e["event"] == "user"] == ["hallo", "ik heb schulden"]
    assert any(e["event"] == "bot" for e in events)


def test_simultaneous_messages_on_two_replicas_are_stored_once_each_turn_whole(replicas):
    first, second, engine = replicas
    senders = [f"rep-{uuid.uuid4().hex[:8]}" for _ in range(4)]
    messages = [(s, f"bericht {n} van {s[-4:]}: ik heb een vraag over mijn huur") for s in senders for n in range(5)]
    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        list(pool.map(lambda n: (first, second)[n % 2].say(*messages[n]), range(len(messages))))
    for sender in senders:
        events = stored_events(engine, sender)
        user_texts = [e["text"] for e in events if e["event"] == "user"]
        assert sorted(user_texts) == sorted(t for s, t in messages if s == sender)
        for turn in turns(events):
            kinds = [e["event"] for e in turn]
            names = [e.get("name") for e in turn if e["event"] == "action"]
            assert "bot" in kinds, f"a turn without an answer: {kinds}"
            assert names.count("action_reageer") == 1 and names[-1] == "action_listen", names


def test_interleaved_sequential_messages_keep_their_order(replicas):
    first, second, engine = replicas
    sender = f"seq-{uuid.uuid4().hex[:8]}"
    sent = [f"stap {n}: ik zoek werk" for n in range(6)]
    for n, text in enumerate(sent):
        (first, second)[n % 2].say(sender, text)
    events = stored_events(engine, sender)
    assert [e["text"] for e in events if e["event"] == "user"] == sent
