import asyncio
import uuid

import pytest

from channels.state import MemoryState, RedisState
from tests.conftest import service_url


def run(coroutine):
    return asyncio.run(coroutine)


def test_memory_state_claims_once_and_menus_are_taken_once():
    async def scenario():
        state = MemoryState()
        assert [await state.first_time("a"), await state.first_time("a"), await state.first_time("b")] == [True, False, True]
        await state.put_menu("s", ["/a", "/b"])
        return await state.take_menu("s"), await state.take_menu("s")

    assert run(scenario()) == (["/a", "/b"], [])


@pytest.mark.redis
def test_two_replicas_sharing_redis_process_a_delivery_once():
    url = service_url("REDIS_URL")
    prefix = f"test:channels:{uuid.uuid4().hex}:"

    async def scenario():
        replicas = [RedisState(url, prefix), RedisState(url, prefix)]
        key = f"whatsapp:wamid.{uuid.uuid4().hex}"
        claims = await asyncio.gather(*(replica.first_time(key) for replica in replicas for _ in range(5)))
        await replicas[0].put_menu("s", ["/a", "/b"])
        menus = [await replicas[1].take_menu("s"), await replicas[0].take_menu("s")]
        for replica in replicas:
            await replica.close()
        return claims, menus

    claims, menus = run(scenario())
    assert sum(claims) == 1
    assert menus == [["/a", "/b"], []]
