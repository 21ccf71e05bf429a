"""Concurrent-call limits per model, and the counts the display shows."""

import asyncio
from dataclasses import dataclass, field


@dataclass
class ConnectionStats:
    """Calls in use and rate-limit retries of one model (or one connection key)."""

    max: int
    in_use: int = 0
    rate_limit_retries: int = 0
    semaphore: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self.semaphore = asyncio.Semaphore(self.max)


_pools: dict[tuple[int, str], ConnectionStats] = {}


def connection_pool(key: str, max_connections: int) -> ConnectionStats:
    """The pool of calls for ``key`` in the running event loop (created on first use)."""
    loop_id = id(asyncio.get_running_loop())
    pool = _pools.get((loop_id, key))
    if pool is None:
        pool = ConnectionStats(max=max(1, max_connections))
        _pools[(loop_id, key)] = pool
    return pool


def release_loop_pools() -> None:
    """Forget the pools of the running event loop (when an eval run ends)."""
    loop_id = id(asyncio.get_running_loop())
    for pool_key in [k for k in _pools if k[0] == loop_id]:
        del _pools[pool_key]
