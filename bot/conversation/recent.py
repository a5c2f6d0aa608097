"""A bounded, thread-safe map of the most recently used items.

Why one class: several hot paths keep the last few hundred or thousand items (judgements of
messages, embeddings being computed, decoded conversations, the action server's views) so that a
turn does not repeat the work of the previous one. Each must stay bounded in memory whatever the
traffic, and some are used from worker threads; the oldest item is dropped first.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Generic, Hashable, Iterator, Optional, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """At most `size` items; `get` and `put` make an item the newest, the oldest goes first."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a Recent map must hold at least one item")
        self.size = size
        self._items: "OrderedDict[K, V]" = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> Optional[V]:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._put(key, value)

    def put_new(self, key: K, make: Callable[[], V]) -> bool:
        """Store `make()` under `key` unless the key is there already; True when it was stored.

        `make` runs under the lock, so two threads never both make the value for one key.
        """
        with self._lock:
            if key in self._items:
                return False
            self._put(key, make())
            return True

    def pop(self, key: K) -> Optional[V]:
        with self._lock:
            return self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[K]:
        """The keys, oldest first, as they were when asked (a copy: safe while others put)."""
        with self._lock:
            return iter(list(self._items))

    def _put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
