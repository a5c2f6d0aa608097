"""Two replicas behind HAProxy (`make run-cluster`), sharing PostgreSQL and Redis.

Messages of the same conversations go interleaved and at the same moment through HAProxy, which
spreads them over both Rasa replicas; in PostgreSQL every message is stored exactly once, in the
order sent, and every turn is whole. Runs in a database of its own on the shared PostgreSQL.
"""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from addons.cluster import Cluster, render_haproxy
from tests.conftest import MODEL, base_env, service_url
from tests.integration.databases import unique_database
from tests.integration.test_replicas import stored_events, turns

pytestmark = [pytest.mark.servers, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def own_database():
    with unique_database(service_url("DATABASE_URL"), "meedenker_cluster") as url:
        yield url


@pytest.fixture(scope="module")
def cluster(own_database, tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("cluster")
    env = base_env(var_dir, DATABASE_URL=own_database, REDIS_URL=service_url("REDIS_URL"))
    running = Cluster(env, 2, var_dir, MODEL).start()
    engine = sa.create_engine(own_database)
    yield running, engine
    running.stop()
    engine.dispose()


def say(url: str, sender: str, message: str) -> list[dict]:
    answer = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60)
    answer.raise_for_status()
    return answer.json()


def served_by_both(cluster: Cluster) -> bool:
    """HAProxy's request log names both Rasa replicas (it spread the load)."""
    log = (cluster.log_dir / "haproxy.log").read_text(errors="replace")
    return all(f"rasa/rasa{n} " in log for n in (1, 2))


def test_rendered_configuration_lists_every_replica_with_health_checks():
    config = render_haproxy(8000, 8001, [9001, 9002], [9101, 9102], 70)
    assert "server rasa1 127.0.0.1:9001 check" in config and "server rasa2 127.0.0.1:9002 check" in config
    assert "server actions2 127.0.0.1:9102 check" in config
    assert "option httpchk GET /health" in config and "timeout server 70s" in config


def test_simultaneous_messages_through_haproxy_are_stored_once_each_turn_whole(cluster):
    running, engine = cluster
    senders = [f"lb-{uuid.uuid4().hex[:8]}" for _ in range(4)]
    messages = [(s, f"bericht {n} van {s[-4:]}: ik heb een vraag over mijn huur") for s in senders for n in range(5)]
    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        answers = list(pool.map(lambda m: say(running.chat_url, *m), messages))
    assert all(answers), "a message without an answer"
    assert served_by_both(running), "HAProxy did not use both replicas"
    for sender in senders:
        events = stored_events(engine, sender)
        user_texts = [e["text"] for e in events if e["event"] == "user"]
        assert sorted(user_texts) == sorted(t for s, t in messages if s == sender)
        for turn in turns(events):
            names = [e.get("name") for e in turn if e["event"] == "action"]
            assert any(e["event"] == "bot" for e in turn), f"a turn without an answer: {turn}"
            assert names.count("action_reageer") == 1 and names[-1] == "action_listen", names


def test_interleaved_messages_through_haproxy_keep_their_order(cluster):
    running, engine = cluster
    senders = [f"lbseq-{uuid.uuid4().hex[:8]}" for _ in range(3)]
    sent = {s: [f"stap {n}: ik zoek werk" for n in range(6)] for s in senders}

    def conversation(sender: str) -> None:
        for text in sent[sender]:
            say(running.chat_url, sender, text)

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        list(pool.map(conversation, senders))
    for sender in senders:
        events = stored_events(engine, sender)
        assert [e["text"] for e in events if e["event"] == "user"] == sent[sender]


def test_a_retry_that_reaches_the_other_replica_is_answered_from_the_tracker_not_handled_again(cluster):
    """A widget resends a message id when its answer got lost; behind HAProxy the resend can reach
    the other replica, whose per-process replay cache knows nothing of it (addons/replay.py)."""
    running, engine = cluster
    sender = f"retry-{uuid.uuid4().hex[:8]}"
    first_replica, second_replica = (f"http://127.0.0.1:{m.rasa_port}" for m in running.members)
    body = {"sender": sender, "message": "ik kan mijn huur niet meer betalen", "message_id": "widget-1"}
    first = requests.post(f"{first_replica}/webhooks/rest/webhook", json=body, timeout=60)
    again = requests.post(f"{second_replica}/webhooks/rest/webhook", json=body, timeout=60)
    assert first.status_code == again.status_code == 200
    assert first.json() and [m["text"] for m in again.json()] == [m["text"] for m in first.json()]
    events = stored_events(engine, sender)
    assert [e["text"] for e in events if e["event"] == "user"] == [body["message"]], "the retry was a second turn"
    assert sum(1 for e in events if e["event"] == "action" and e.get("name") == "action_reageer") == 1
    # A new id in the same conversation is a new turn again, on either replica.
    follow_up = dict(body, message="hoe lang duurt het voordat iemand belt", message_id="widget-2")
    assert requests.post(f"{second_replica}/webhooks/rest/webhook", json=follow_up, timeout=60).json()
    assert [e["text"] for e in stored_events(engine, sender) if e["event"] == "user"] == [
        body["message"], follow_up["message"]]
