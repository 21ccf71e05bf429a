"""Retrying transient model errors with exponential backoff and jitter."""

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

INITIAL_WAIT = 3.0
"""Seconds before the first retry."""

MAX_WAIT = 120.0
"""Longest wait between two retries."""


def backoff(attempt: int, initial: float = INITIAL_WAIT, maximum: float = MAX_WAIT) -> float:
    """Seconds to wait before retry ``attempt`` (from 1): doubling, capped, with jitter."""
    wait = min(initial * 2.0 ** (attempt - 1), maximum)
    jitter: float = random.uniform(0.5, 1.0)
    return wait * jitter


async def call_with_retry(
    call: Callable[[], Awaitable[T]],
    should_retry: Callable[[BaseException], bool],
    max_retries: int | None = None,
    timeout: float | None = None,
    on_retry: Callable[[BaseException, float], None] | None = None,
    wait: Callable[[int], float] | None = None,
    retry_after: Callable[[BaseException], float | None] | None = None,
) -> tuple[T, int]:
    """Run ``call`` until it succeeds, retrying errors ``should_retry`` accepts.

    Retries stop after ``max_retries`` retries (unlimited when None) or once ``timeout``
    seconds have passed since the first attempt; the last error is then raised. The wait
    before a retry is the backoff, or what ``retry_after`` says the server asked for when
    that is longer. ``wait`` gives the backoff before retry ``n`` (default ``backoff``,
    looked up at each call so tests can patch it).

    Returns:
        The result and the number of retries it took.
    """
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            return await call(), attempt
        except Exception as ex:
            attempt += 1
            if not should_retry(ex) or (max_retries is not None and attempt > max_retries):
                raise
            delay = (wait or backoff)(attempt)
            asked = retry_after(ex) if retry_after is not None else None
            if asked is not None and asked > delay:
                delay = asked
            if timeout is not None and time.monotonic() - started + delay > timeout:
                raise
            if on_retry is not None:
                on_retry(ex, delay)
            await asyncio.sleep(delay)
