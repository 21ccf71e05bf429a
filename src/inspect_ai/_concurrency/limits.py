"""Named concurrency limits shared by everything running in an eval: ``concurrency()``."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

_semaphores: dict[tuple[int, str], asyncio.Semaphore] = {}


@contextlib.asynccontextmanager
async def concurrency(name: str, concurrency: int) -> AsyncIterator[None]:
    """Run the block under a named limit: at most ``concurrency`` blocks of ``name`` at once.

    Args:
        name: Name of the limit (e.g. the API being called).
        concurrency: Maximum concurrent holders (the first caller for a name sets it).
    """
    async with named_semaphore(name, concurrency):
        yield


def named_semaphore(name: str, limit: int) -> asyncio.Semaphore:
    """The semaphore named ``name`` in the running event loop (created on first use)."""
    key = (id(asyncio.get_running_loop()), name)
    semaphore = _semaphores.get(key)
    if semaphore is None:
        semaphore = asyncio.Semaphore(max(1, limit))
        _semaphores[key] = semaphore
    return semaphore
