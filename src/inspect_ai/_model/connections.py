"""Concurrent-call limits per model, and the counts the display shows."""

import asyncio
from dataclasses import dataclass, field


@dataclass
class ConnectionStats:
    """Calls in use and rate-limit retries of one model (or one connection key)."""

    max: int
    label: str = ""
    """What the display calls the pool (a model name; never the key, which may hold secrets)."""
    in_use: int = 0
    rate_limit_retries: int = 0
    semaphore: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self.semaphore = asyncio.Semaphore(self.max)


_pools: dict[tuple[int, str], ConnectionStats] = {}


def connection_pool(key: str, max_connections: int, label: str = "") -> ConnectionStats:
    """The pool of calls for ``key`` in the running event loop (created on first use)."""
    loop_id = id(asyncio.get_running_loop())
    pool = _pools.get((loop_id, key))
    if pool is None:
        pool = ConnectionStats(max=max(1, max_connections), label=label or "model")
        _pools[(loop_id, key)] = pool
    return pool


def connection_stats() -> list[ConnectionStats]:
    """The pools in use, in the order they were created (safe to call from any thread)."""
    return list(_pools.values())


def release_loop_pools() -> None:
    """Forget the pools of the running event loop (when an eval run ends)."""
    loop_id = id(asyncio.get_running_loop())
    for pool_key in [k for k in _pools if k[0] == loop_id]:
        del _pools[pool_key]
