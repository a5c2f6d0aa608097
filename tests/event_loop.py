"""How freely the event loop ran while something was awaited (tests of "no blocking call on the loop")."""
from __future__ import annotations

import asyncio
from typing import Awaitable


async def ticks_while(work: Awaitable) -> int:
    """How often a 10 ms ticker ran on the event loop while `work` was awaited."""
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    await work
    done.set()
    await task
    return ticks
