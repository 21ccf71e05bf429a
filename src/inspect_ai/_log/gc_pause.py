"""Pausing Python's cyclic garbage collector while a log is read or written in bulk.

Reading a log creates millions of small, acyclic objects (reference counting frees
them all). With the collector running, every few hundred allocations it examines the
young objects and, as the heap grows, repeatedly the whole heap: that more than doubles
the time of a full read. Pausing it, though, leaves every new object in the youngest
generation, which the first collection after the pause would then examine all at once.

So when the pause ends, the new objects are moved to the oldest generation without being
examined (``gc.freeze()`` then ``gc.unfreeze()`` only splice the generation lists). They
are examined later, at the next full collection, like any other long-lived object.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector for the duration (restoring its prior state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        promote_young_objects()
        if was_enabled:
            gc.enable()


def promote_young_objects() -> None:
    """Move every object the collector tracks to the oldest generation without examining
    it (the young ones are examined at the next full collection, like any other)."""
    gc.freeze()
    gc.unfreeze()
