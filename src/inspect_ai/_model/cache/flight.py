"""One call at a time per cache entry: identical concurrent calls make one API call.

The first caller of an entry calls the model and stores the output; the others wait for
it and then read the entry (or call themselves, if the first call failed).
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Flight:
    lock: asyncio.Lock
    callers: int = 0


_flights: dict[tuple[int, Path], _Flight] = {}
"""The entries being fetched, per event loop (each removed when its last caller leaves)."""


@asynccontextmanager
async def single_flight(path: Path) -> AsyncIterator[None]:
    """Hold the entry at ``path`` for the calling task, waiting while another holds it."""
    key = (id(asyncio.get_running_loop()), path)
    flight = _flights.get(key)
    if flight is None:
        flight = _flights[key] = _Flight(asyncio.Lock())
    flight.callers += 1
    try:
        async with flight.lock:
            yield
    finally:
        flight.callers -= 1
        if flight.callers == 0:
            del _flights[key]
