"""The FIFO Redis lock against a real Redis: mutual exclusion across two store instances
(two Rasa replicas), arrival order, and recovery from a holder that never releases."""
from __future__ import annotations

import asyncio
import uuid

import pytest
import redis.asyncio

from addons.stores import FifoRedisLockStore
from tests.conftest import service_url


@pytest.fixture
def redis_url() -> str:
    return service_url("REDIS_URL")


def test_two_replicas_never_hold_one_conversation_at_once(redis_url):
    async def scenario() -> tuple[int, int]:
        replicas = [FifoRedisLockStore(redis_url), FifoRedisLockStore(redis_url)]
        client = redis.asyncio.Redis.from_url(redis_url)
        conversation, counter = f"c-{uuid.uuid4()}", f"test:counter:{uuid.uuid4()}"
        inside, most = 0, 0

        async def work(i: int) -> None:
            nonlocal inside, most
            async with replicas[i % 2].lock(conversation):
                inside += 1
                most = max(most, inside)
                value = int(await client.get(counter) or 0)  # read-modify-write: loses updates without a lock
                await asyncio.sleep(0.003)
                await client.set(counter, value + 1)
                inside -= 1

        await asyncio.gather(*(work(i) for i in range(60)))
        total = int(await client.get(counter))
        await client.delete(counter)
        return total, most

    total, most = asyncio.run(scenario())
    assert total == 60
    assert most == 1


def test_waiters_are_served_in_arrival_order(redis_url):
    async def scenario() -> list[int]:
        replicas = [FifoRedisLockStore(redis_url), FifoRedisLockStore(redis_url)]
        conversation, order = f"c-{uuid.uuid4()}", []

        async def work(i: int) -> None:
            await asyncio.sleep(i * 0.01)  # arrive one after the other
            async with replicas[i % 2].lock(conversation):
                order.append(i)
                await asyncio.sleep(0.03)

        await asyncio.gather(*(work(i) for i in range(10)))
        return order

    assert asyncio.run(scenario()) == list(range(10))


def test_an_expired_holder_does_not_block_the_conversation_forever(redis_url):
    async def scenario() -> float:
        store = FifoRedisLockStore(redis_url)
        conversation = f"c-{uuid.uuid4()}"
        holder = store.lock(conversation, lock_lifetime=0.3)
        await holder.__aenter__()  # a crashed replica: never released
        loop = asyncio.get_running_loop()
        start = loop.time()
        async with store.lock(conversation, lock_lifetime=5):
            waited = loop.time() - start
        return waited

    waited = asyncio.run(scenario())
    assert 0.1 < waited < 2.0


def test_different_conversations_do_not_wait_for_each_other(redis_url):
    async def scenario() -> float:
        store = FifoRedisLockStore(redis_url)
        loop = asyncio.get_running_loop()
        start = loop.time()

        async def work(i: int) -> None:
            async with store.lock(f"c-{uuid.uuid4()}-{i}"):
                await asyncio.sleep(0.2)

        await asyncio.gather(*(work(i) for i in range(10)))
        return loop.time() - start

    assert asyncio.run(scenario()) < 1.0


def test_a_restarted_redis_costs_no_turn_its_idle_connection(tmp_path):
    """After Redis restarts, the replica's pooled connection is dead; the next turn must not fail on it."""
    from addons.services import OwnRedis

    own = OwnRedis(tmp_path / "redis").start()
    try:
        store = FifoRedisLockStore(own.url)

        async def one_turn(conversation: str) -> bool:
            async with store.lock(conversation):
                return True

        async def scenario() -> list[bool]:
            done = [await one_turn("before")]  # the pool now holds one idle connection
            await asyncio.to_thread(own.restart)
            await asyncio.sleep(1.2)  # idle a while, as between residents' messages
            done.append(await one_turn("after"))
            return done

        assert asyncio.run(scenario()) == [True, True]
    finally:
        own.stop()
