"""Byte ranges of a file fetched once and reused, with read-ahead for sequential reads.

On remote storage every read is a round trip, and fetching a whole multi-megabyte log to
read its header is wasteful. ``RangeCache`` sits between the ZIP reader and the file: it
keeps ranges the reader pins (the tail and the central directory) and, when asked to,
reads ahead once reads turn sequential (a full read of a log walks its members in order),
doubling the window from ``FIRST_WINDOW`` up to ``MAX_WINDOW``. A lone read (one sample)
fetches exactly what it asks for.
"""

from typing import Protocol

FIRST_WINDOW = 1024 * 1024
"""Read-ahead once a second read follows on from the one before."""

MAX_WINDOW = 16 * 1024 * 1024
"""Largest read-ahead (the most held beyond the pinned ranges)."""

SEQUENTIAL_GAP = 64 * 1024
"""A read starting this close to where the previous one ended counts as sequential."""


class RangeSource(Protocol):
    """Random access to the bytes of a file."""

    def size(self) -> int: ...

    def read(self, offset: int, length: int) -> bytes: ...


class RangeCache:
    """A ``RangeSource`` that reuses fetched ranges and (optionally) reads ahead."""

    def __init__(self, source: RangeSource, readahead: bool = False) -> None:
        self._source = source
        self._readahead = readahead
        self._pinned: list[tuple[int, bytes]] = []
        self._window: tuple[int, bytes] = (0, b"")
        self._window_size = 0
        self._last_end: int | None = None

    def size(self) -> int:
        """Size of the file in bytes."""
        return self._source.size()

    def pin(self, offset: int, data: bytes) -> None:
        """Keep ``data`` (what the file holds at ``offset``) for as long as the cache lives."""
        self._pinned.append((offset, data))

    def read(self, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` (fewer at the end of the file)."""
        cached = self._cached(offset, length)
        if cached is None:
            cached = self._fetch(offset, length)
        self._last_end = offset + length
        return cached

    def _cached(self, offset: int, length: int) -> bytes | None:
        for start, data in (*self._pinned, self._window):
            if start <= offset and offset + length <= start + len(data):
                return data[offset - start : offset - start + length]
        return None

    def _fetch(self, offset: int, length: int) -> bytes:
        if not (self._readahead and self._sequential(offset)):
            self._window_size = 0
            return self._source.read(offset, length)
        self._window_size = min(max(2 * self._window_size, FIRST_WINDOW), MAX_WINDOW)
        data = self._source.read(offset, max(length, self._window_size))
        self._window = (offset, data)
        return data[:length]

    def _sequential(self, offset: int) -> bool:
        last = self._last_end
        return last is not None and last - SEQUENTIAL_GAP <= offset <= last + SEQUENTIAL_GAP
