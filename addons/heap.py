"""Keep Python's full garbage collections away from the objects a server loads once.

Why: the Rasa process holds millions of long-lived objects (TensorFlow, spaCy, the model's
components). Every few seconds of traffic Python's generation-2 collection walked all of them:
measured with `gc.callbacks` during `make bench`, pauses of 100–400 ms in the Rasa process and
about 60 ms in the action server, during which every resident waiting for an answer waited too
(the slowest turns of a run came in bursts at those moments). Freezing the heap once the model or
the actions are loaded (`gc.freeze`) leaves those objects out of every later collection; what a
conversation creates is still collected as before.

What a conversation creates is many short-lived containers: reading a 50-turn conversation for
the first time decodes about 10,000 dicts and lists. With Python's default thresholds (a young
collection every 700 new containers) that read set off young and middle collections by the dozen,
and every few of them a full one, which walks every conversation kept in memory (the decoded
sessions): measured with `gc.callbacks` over 150 first reads, 4 full collections of about 110 ms
each. The young generation is therefore collected every `YOUNG_THRESHOLD` new containers.
"""
from __future__ import annotations

import functools
import gc
import logging
import time
from typing import Any

logger = logging.getLogger(__name__)
ORIGINAL = "_meedenker_original"
# New containers between young collections (Python's default is 700); the middle and full
# generations keep Python's defaults, so a full collection comes at most every 100 young ones.
YOUNG_THRESHOLD = 20_000


def freeze_heap() -> int:
    """Collect what loading left behind, then move every surviving object out of the collector's
    reach; returns how many objects are frozen. Safe to call again (a reloaded model)."""
    start = time.perf_counter()
    gc.unfreeze()  # a replaced model's objects become collectable again
    gc.collect()
    gc.freeze()
    _, middle, full = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, full)
    frozen = gc.get_freeze_count()
    logger.info("Heap frozen after loading: %d objects in %.0f ms.", frozen, (time.perf_counter() - start) * 1000)
    return frozen


def freeze_after_agent_load() -> None:
    """Rasa server: freeze once `load_agent` has loaded a model (at start and on PUT /model)."""
    import rasa.core.agent as agent_module

    original = agent_module.load_agent
    if getattr(original, ORIGINAL, None) is not None:
        return

    @functools.wraps(original)
    async def load_agent(*args: Any, **kwargs: Any) -> Any:
        agent = await original(*args, **kwargs)
        freeze_heap()
        return agent

    setattr(load_agent, ORIGINAL, original)
    agent_module.load_agent = load_agent


def freeze_after_action_server_start() -> None:
    """Action server: freeze once the actions are imported and the server is listening."""
    import rasa_sdk.endpoint as endpoint

    original = endpoint.create_app
    if getattr(original, ORIGINAL, None) is not None:
        return

    @functools.wraps(original)
    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = original(*args, **kwargs)

        async def freeze(_app: Any, _loop: Any) -> None:
            freeze_heap()

        app.register_listener(freeze, "after_server_start")
        return app

    setattr(create_app, ORIGINAL, original)
    endpoint.create_app = create_app
