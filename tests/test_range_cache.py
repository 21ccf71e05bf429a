"""The range cache under the ZIP reader: pinned ranges, exact lone reads, sequential read-ahead."""

from inspect_ai._log.range_cache import FIRST_WINDOW, MAX_WINDOW, RangeCache


class CountingSource:
    """An in-memory file that records every read asked of it."""

    def __init__(self, size: int) -> None:
        self.data = bytes(index % 251 for index in range(size))
        self.reads: list[tuple[int, int]] = []

    def size(self) -> int:
        return len(self.data)

    def read(self, offset: int, length: int) -> bytes:
        self.reads.append((offset, length))
        return self.data[offset : offset + length]


def test_pinned_ranges_are_served_without_reading() -> None:
    source = CountingSource(10_000)
    cache = RangeCache(source)
    cache.pin(8_000, source.data[8_000:])
    assert cache.read(9_000, 500) == source.data[9_000:9_500]
    assert source.reads == []


def test_lone_reads_fetch_exactly_what_is_asked() -> None:
    source = CountingSource(50 * FIRST_WINDOW)
    cache = RangeCache(source, readahead=True)
    assert cache.read(40 * FIRST_WINDOW, 100) == source.data[40 * FIRST_WINDOW :][:100]
    assert cache.read(3 * FIRST_WINDOW, 100) == source.data[3 * FIRST_WINDOW :][:100]
    assert source.reads == [(40 * FIRST_WINDOW, 100), (3 * FIRST_WINDOW, 100)]


def test_sequential_reads_read_ahead_in_growing_windows() -> None:
    size = 40 * FIRST_WINDOW
    source = CountingSource(size)
    cache = RangeCache(source, readahead=True)
    offset = 0
    while offset < size:
        assert cache.read(offset, 1000) == source.data[offset : offset + 1000]
        offset += 1000
    lengths = [length for _, length in source.reads]
    assert lengths[:4] == [1000, FIRST_WINDOW, 2 * FIRST_WINDOW, 4 * FIRST_WINDOW]
    assert max(lengths) == MAX_WINDOW
    assert len(source.reads) < 10


def test_without_readahead_every_miss_is_exact() -> None:
    source = CountingSource(10_000)
    cache = RangeCache(source)
    for offset in range(0, 10_000, 1000):
        cache.read(offset, 1000)
    assert all(length == 1000 for _, length in source.reads) and len(source.reads) == 10
