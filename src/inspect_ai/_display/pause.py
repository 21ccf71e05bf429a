"""Pausing the live display while someone is asked a question on the console."""

import contextlib
import threading
from collections.abc import Iterator

from rich.live import Live

_lock = threading.Lock()
_live: Live | None = None


def set_live(live: Live | None) -> None:
    """Record the live display being drawn (None when it stops)."""
    global _live
    with _lock:
        _live = live


@contextlib.contextmanager
def paused_display() -> Iterator[None]:
    """Stop drawing the live display (if any) for the block, so a prompt and its answer
    are not drawn over; drawing resumes afterwards. Safe to use from any thread."""
    with _lock:
        live = _live
    if live is None or not live.is_started:
        yield
        return
    live.stop()
    try:
        yield
    finally:
        with _lock:
            resume = _live is live
        if resume:
            live.start()
