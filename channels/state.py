"""Short-lived channel state that every Rasa replica must share: seen delivery ids and open menus.

Telegram and Meta redeliver a webhook when they do not hear back in time, and with several Rasa
replicas the second delivery may reach another replica. With REDIS_URL set, a delivery id is
claimed with one `SET key 1 NX EX ttl`, so exactly one replica processes it; without Redis
(one process) the same is kept in memory. A Redis that fails is an error, never a silent switch
to memory (that would process duplicates on the other replicas).

Menus: where a channel cannot show a choice as buttons it shows numbered text ("1. Wonen"), and
the resident's "1" must become that button's payload on whichever replica receives it.
"""
from __future__ import annotations

import json
import time
from collections import OrderedDict
from typing import Any, Protocol

SEEN_SECONDS = 24 * 3600  # Meta retries for up to a day; Telegram for less
MENU_SECONDS = 24 * 3600
MAX_MEMORY_KEYS = 100_000
PREFIX = "meedenker:channels:"


class ChannelState(Protocol):
    async def first_time(self, key: str) -> bool:
        """True exactly once per key within SEEN_SECONDS, across every replica sharing the store."""

    async def put_menu(self, key: str, payloads: list[str]) -> None:
        """Remember the payloads of a numbered menu for one conversation."""

    async def take_menu(self, key: str) -> list[str]:
        """The conversation's open menu (empty when none); a menu is answered at most once."""


class MemoryState:
    """One process: an insertion-ordered dict with expiry, bounded in size."""

    def __init__(self) -> None:
        self._items: "OrderedDict[str, tuple[float, Any]]" = OrderedDict()

    def _get(self, key: str) -> Any:
        item = self._items.get(key)
        if item is None or item[0] < time.monotonic():
            self._items.pop(key, None)
            return None
        return item[1]

    def _set(self, key: str, value: Any, seconds: float) -> None:
        self._items[key] = (time.monotonic() + seconds, value)
        self._items.move_to_end(key)
        while len(self._items) > MAX_MEMORY_KEYS:
            self._items.popitem(last=False)

    async def first_time(self, key: str) -> bool:
        if self._get(f"seen:{key}") is not None:
            return False
        self._set(f"seen:{key}", True, SEEN_SECONDS)
        return True

    async def put_menu(self, key: str, payloads: list[str]) -> None:
        self._set(f"menu:{key}", list(payloads), MENU_SECONDS)

    async def take_menu(self, key: str) -> list[str]:
        menu = self._get(f"menu:{key}")
        self._items.pop(f"menu:{key}", None)
        return menu or []


class RedisState:
    """Every replica: the same keys in Redis, each step one atomic command."""

    def __init__(self, url: str, prefix: str = PREFIX) -> None:
        import redis.asyncio

        self._redis = redis.asyncio.Redis.from_url(url, socket_timeout=5)
        self._prefix = prefix

    async def first_time(self, key: str) -> bool:
        return bool(await self._redis.set(f"{self._prefix}seen:{key}", b"1", nx=True, ex=SEEN_SECONDS))

    async def put_menu(self, key: str, payloads: list[str]) -> None:
        await self._redis.set(f"{self._prefix}menu:{key}", json.dumps(payloads), ex=MENU_SECONDS)

    async def take_menu(self, key: str) -> list[str]:
        raw = await self._redis.getdel(f"{self._prefix}menu:{key}")
        if not raw:
            return []
        menu = json.loads(raw)
        return [str(p) for p in menu] if isinstance(menu, list) else []

    async def close(self) -> None:
        await self._redis.close()


def state_for(redis_url: str | None) -> ChannelState:
    """Redis when REDIS_URL is set (several replicas), memory otherwise (one process)."""
    return RedisState(redis_url) if redis_url else MemoryState()
