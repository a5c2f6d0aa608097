"""Password hashing in a small pool of its own, with a bounded queue (issue 28).

Argon2 costs ~64 MiB and tens of milliseconds of CPU per check. In the database pool, 16
concurrent sign-ins made every dashboard page wait 6-10 s behind them. Here at most `workers`
hashes run at once and at most `max_waiting` wait; further sign-ins are refused at once (the
resident-facing message is Dutch, the log English), and the database pool stays free for pages.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from bot.errors import MeedenkerError
from bot.dashboard.passwords import verify_password

logger = logging.getLogger(__name__)


class HashPoolBusy(MeedenkerError, RuntimeError):
    """Too many password checks are already waiting."""


class HashPool:
    """Runs `verify_password` on its own threads; refuses work beyond `max_waiting`."""

    def __init__(self, workers: int = 1, max_waiting: int = 8) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dashboard-hash")
        self._limit = workers + max_waiting
        self._in_use = 0

    async def verify(self, stored_hash: str | None, password: str) -> bool:
        """True when the password matches; HashPoolBusy when the queue is full (nothing hashed)."""
        if self._in_use >= self._limit:
            logger.warning("Sign-in refused: %d password checks already running or waiting.", self._in_use)
            raise HashPoolBusy()
        self._in_use += 1  # only touched on the event loop's thread
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, verify_password, stored_hash, password)
        finally:
            self._in_use -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=True)
