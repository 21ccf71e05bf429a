"""Garbage collection tuned for an eval: fewer, larger collections."""

import contextlib
import gc
from collections.abc import Iterator

from inspect_ai._log.gc_pause import promote_young_objects

EVAL_THRESHOLDS = (50_000, 20, 100)
"""Collection thresholds while an eval runs (Python's defaults are 700, 10, 10).

An eval allocates many short-lived objects (events, messages) while it keeps every
completed sample alive, so with the default thresholds the collector spends about half
of the run re-scanning live samples. Cycles are still collected, just in larger batches.
"""


@contextlib.contextmanager
def eval_gc() -> Iterator[None]:
    """Use ``EVAL_THRESHOLDS`` inside the block, restoring the previous ones after.

    The objects still young when the block ends (up to a whole threshold's worth: the
    logs the caller gets back, mostly) are promoted unexamined, as after a read, rather
    than scanned at once by the first collection under the restored thresholds, while the
    caller waits.
    """
    previous = gc.get_threshold()
    gc.set_threshold(*EVAL_THRESHOLDS)
    try:
        yield
    finally:
        promote_young_objects()
        gc.set_threshold(*previous)
