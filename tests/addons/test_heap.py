"""The launcher freezes what a server loads, so full garbage collections stay short."""
from __future__ import annotations

import asyncio
import gc
import time

import pytest

from addons import heap


def _full_collection_ms() -> float:
    start = time.perf_counter()
    gc.collect(2)
    return (time.perf_counter() - start) * 1000


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_loaded_model_is_left_out_of_later_full_collections(monkeypatch, unfrozen):
    import rasa.core.agent as agent_module

    loaded: list = []

    async def load_agent(*args, **kwargs):
        # A model's worth of long-lived objects (the real Rasa process holds millions).
        loaded.append([{"weights": [i, str(i)]} for i in range(400_000)])
        return "agent"

    monkeypatch.setattr(agent_module, "load_agent", load_agent)
    heap.freeze_after_agent_load()
    heap.freeze_after_agent_load()  # applied once, even when called twice

    assert asyncio.run(agent_module.load_agent("model.tar.gz")) == "agent"
    assert gc.get_freeze_count() > 1_000_000
    frozen = min(_full_collection_ms() for _ in range(3))
    gc.unfreeze()
    walked = min(_full_collection_ms() for _ in range(3))
    # The pause every conversation waits for: without the freeze it walks every loaded object.
    assert frozen * 4 < walked, (frozen, walked)


def test_a_reloaded_model_frees_the_replaced_one(unfrozen):
    class Model:
        pass

    old = Model()
    old.self = old  # only the cycle collector can free it
    heap.freeze_heap()
    del old
    assert not any(type(o) is Model for o in gc.get_objects())  # frozen objects are not listed
    heap.freeze_heap()  # a model loaded again: the frozen garbage is collected this time
    gc.unfreeze()
    assert not any(type(o) is Model for o in gc.get_objects())


def test_the_action_server_freezes_once_it_listens(monkeypatch, unfrozen):
    import rasa_sdk.endpoint as endpoint

    class App:
        listeners: list = []

        def register_listener(self, listener, event):
            self.listeners.append((event, listener))

    monkeypatch.setattr(endpoint, "create_app", lambda *args, **kwargs: App())
    heap.freeze_after_action_server_start()
    app = endpoint.create_app("actions")
    [(event, listener)] = app.listeners
    assert event == "after_server_start"
    assert gc.get_freeze_count() == 0
    asyncio.run(listener(app, None))
    assert gc.get_freeze_count() > 0


@pytest.fixture
def default_thresholds():
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def _full_collections_while_reading(conversations: int) -> int:
    """First reads of long conversations, kept in memory as the tracker store keeps them."""
    full = []

    def count(phase, info):
        if phase == "stop" and info["generation"] == 2:
            full.append(1)

    kept = []
    gc.callbacks.append(count)
    try:
        for _ in range(conversations):  # each about 8,000 new dicts and lists, as a 50-turn session
            kept.append([{"event": "user", "parse_data": {"intent": {"name": "hulpvraag"}, "entities": [[n]]}}
                         for n in range(2000)])
    finally:
        gc.callbacks.remove(count)
    return len(full)


def test_first_reads_of_long_conversations_set_off_no_full_collection(unfrozen, default_thresholds):
    gc.set_threshold(700, 10, 10)  # Python's defaults: the same reads walk everything kept, again and again
    assert _full_collections_while_reading(150) >= 2
    heap.freeze_heap()
    assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
    assert _full_collections_while_reading(150) == 0
