"""The generic async batcher the ``hf`` provider batches concurrent ``generate()`` calls with."""

import asyncio
import threading
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

import pytest

from inspect_ai._model.providers.hf.batcher import Batcher

T = TypeVar("T")

LONG_IDLE = 60.0
"""An idle window no test waits out: a batch that runs at all was run because it was full."""


class Recorder:
    """A batch function doubling its inputs, recording each batch and the thread it ran in."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.threads: set[int] = set()

    def __call__(self, items: list[int]) -> list[int | BaseException]:
        self.batches.append(list(items))
        self.threads.add(threading.get_ident())
        return [item * 2 for item in items]


def run(coroutine: Callable[[], Awaitable[T]]) -> T:
    async def guarded() -> T:
        return await asyncio.wait_for(coroutine(), 30)

    return asyncio.run(guarded())


def test_concurrent_calls_are_batched_up_to_max_size() -> None:
    recorder = Recorder()

    async def main() -> list[int]:
        batcher = Batcher(recorder, max_size=4, idle_seconds=0.01)
        return await asyncio.gather(*(batcher.submit(i) for i in range(10)))

    assert run(main) == [i * 2 for i in range(10)]
    assert [len(batch) for batch in recorder.batches] == [4, 4, 2]
    assert sorted(i for batch in recorder.batches for i in batch) == list(range(10))


def test_a_full_batch_runs_without_waiting_for_the_idle_window() -> None:
    recorder = Recorder()

    async def main() -> list[int]:
        batcher = Batcher(recorder, max_size=3, idle_seconds=LONG_IDLE)
        return await asyncio.gather(*(batcher.submit(i) for i in range(6)))

    assert run(main) == [0, 2, 4, 6, 8, 10]
    assert recorder.batches == [[0, 1, 2], [3, 4, 5]]


def test_a_partial_batch_is_flushed_after_the_idle_window() -> None:
    recorder = Recorder()

    async def main() -> list[int]:
        batcher = Batcher(recorder, max_size=8, idle_seconds=0.01)
        first = await asyncio.gather(*(batcher.submit(i) for i in range(3)))
        second = await batcher.submit(10)
        return [*first, second]

    assert run(main) == [0, 2, 4, 20]
    assert recorder.batches == [[0, 1, 2], [10]]


def test_inputs_arriving_while_a_batch_runs_form_the_next_batch() -> None:
    release = threading.Event()
    batches: list[list[int]] = []

    def blocking(items: list[int]) -> Sequence[int | BaseException]:
        batches.append(list(items))
        if len(batches) == 1:
            release.wait(10)
        return list(items)

    async def main() -> list[int]:
        batcher = Batcher(blocking, max_size=2, idle_seconds=0.01)
        first = asyncio.create_task(batcher.submit(1))
        while not batches:
            await asyncio.sleep(0.001)
        later = [asyncio.create_task(batcher.submit(i)) for i in (2, 3, 4)]
        await asyncio.sleep(0)
        release.set()
        return await asyncio.gather(first, *later)

    assert run(main) == [1, 2, 3, 4]
    assert batches == [[1], [2, 3], [4]]


def test_the_batch_runs_in_a_thread_and_the_loop_keeps_running() -> None:
    recorder = Recorder()
    started = threading.Event()
    release = threading.Event()

    def blocking(items: list[int]) -> Sequence[int | BaseException]:
        started.set()
        if not release.wait(10):  # released by a coroutine: only if the loop is free
            raise TimeoutError("the event loop was blocked")
        return recorder(items)

    async def main() -> int:
        batcher = Batcher(blocking, max_size=1)
        pending = asyncio.create_task(batcher.submit(21))
        while not started.is_set():
            await asyncio.sleep(0.001)
        release.set()
        return await pending

    assert run(main) == 42
    assert threading.get_ident() not in recorder.threads


def test_an_error_of_the_batch_reaches_every_caller_of_that_batch() -> None:
    calls: list[list[int]] = []

    def failing(items: list[int]) -> Sequence[int | BaseException]:
        calls.append(items)
        if 0 in items:
            raise RuntimeError("out of memory")
        return items

    async def main() -> Sequence[int | BaseException]:
        batcher = Batcher(failing, max_size=3, idle_seconds=LONG_IDLE)
        return await asyncio.gather(*(batcher.submit(i) for i in range(6)), return_exceptions=True)

    results = run(main)
    assert [str(r) for r in results[:3]] == ["out of memory"] * 3
    assert all(isinstance(r, RuntimeError) for r in results[:3])
    assert list(results[3:]) == [3, 4, 5]


def test_an_exception_result_fails_only_its_own_caller() -> None:
    def partly(items: list[int]) -> list[int | BaseException]:
        return [ValueError(f"bad {i}") if i == 1 else i for i in items]

    async def main() -> Sequence[int | BaseException]:
        batcher = Batcher(partly, max_size=3, idle_seconds=LONG_IDLE)
        return await asyncio.gather(*(batcher.submit(i) for i in range(3)), return_exceptions=True)

    first, second, third = run(main)
    assert (first, third) == (0, 2)
    assert isinstance(second, ValueError) and str(second) == "bad 1"


def test_a_wrong_number_of_results_fails_the_batch() -> None:
    async def main() -> Sequence[int | BaseException]:
        batcher: Batcher[int, int] = Batcher(lambda items: items[:1], max_size=2)
        return await asyncio.gather(*(batcher.submit(i) for i in range(2)), return_exceptions=True)

    results = run(main)
    assert all(isinstance(r, RuntimeError) and "1 results for 2 inputs" in str(r) for r in results)


def test_a_caller_that_gives_up_does_not_disturb_the_others() -> None:
    started = threading.Event()
    release = threading.Event()

    def blocking(items: list[int]) -> Sequence[int | BaseException]:
        started.set()
        release.wait(10)
        return items

    async def main() -> list[int]:
        batcher = Batcher(blocking, max_size=2, idle_seconds=0.01)
        tasks = [asyncio.create_task(batcher.submit(i)) for i in (1, 2)]
        while not started.is_set():
            await asyncio.sleep(0.001)
        tasks[0].cancel()
        release.set()
        second = await tasks[1]
        third = await batcher.submit(3)  # the batcher still works afterwards
        return [second, third]

    assert run(main) == [2, 3]


def test_a_batcher_needs_a_positive_size() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Batcher(Recorder(), max_size=0)
