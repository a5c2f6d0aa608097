"""Rate limits and size limits that every channel applies before a message reaches Rasa.

Why here and not in each channel: one resident (or one script) flooding the assistant must be
slowed the same way on the website, Telegram and WhatsApp, and one place decides the numbers.

The counters live in this process's memory: with several Rasa replicas each replica counts for
itself, so the effective limit is at most replicas × the configured one. That is acceptable for a
flood brake; the duplicate check (channels/state.py), which must be exact, uses Redis.

The per-address limit and the platforms: Telegram and Meta deliver every resident's message from
a handful of their own addresses, so the webhooks count only *refused* (unauthenticated) requests
per address; throttling the platform's authenticated deliveries would slow every resident at once.
Behind a reverse proxy, let Sanic see the client's address (SANIC_PROXIES_COUNT or
SANIC_REAL_IP_HEADER), otherwise every website visitor shares the proxy's one address.
"""
from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Any, Callable

from bot.ops.channel_settings import LimitSettings

MAX_MESSAGE_CHARS = 2000  # one resident message, after trimming
MAX_BODY_BYTES = 64 * 1024  # a REST request or a Telegram update
MAX_WEBHOOK_BYTES = 256 * 1024  # a WhatsApp delivery may batch several messages
WINDOW_SECONDS = 60.0
MAX_KEYS = 50_000  # oldest keys are forgotten first, so memory stays bounded under attack


class RateLimiter:
    """At most `limit` hits per key in any sliding window of `window` seconds."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: "OrderedDict[str, deque[float]]" = OrderedDict()

    def hit(self, key: str) -> bool:
        """Count one hit for `key`; False when the key is over its limit (the hit is not counted)."""
        now = self._clock()
        hits = self._hits.pop(key, None) or deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        allowed = len(hits) < self.limit
        if allowed:
            hits.append(now)
        self._hits[key] = hits
        while len(self._hits) > MAX_KEYS:
            self._hits.popitem(last=False)
        return allowed

    def over(self, key: str) -> bool:
        """True when `key` already used its whole window (nothing is counted)."""
        now = self._clock()
        hits = self._hits.get(key)
        return bool(hits) and sum(1 for t in hits if t > now - self.window) >= self.limit


class Limits:
    """The per-sender and per-address limiters of one channel."""

    def __init__(self, settings: LimitSettings) -> None:
        self.sender = RateLimiter(settings.per_sender_per_minute)
        self.address = RateLimiter(settings.per_ip_per_minute)
        self._told: RateLimiter = RateLimiter(1)

    def should_tell(self, sender: str) -> bool:
        """A throttled resident hears why once a minute, not once per refused message."""
        return self._told.hit(sender)


def client_address(request: Any) -> str:
    """The caller's address: the proxy-forwarded one when Sanic is configured to trust it."""
    return str(getattr(request, "remote_addr", "") or getattr(request, "ip", "") or "unknown")
