"""A generic async batcher: concurrent callers' inputs gathered into one batch call.

Each caller submits one input and awaits its result. A worker task gathers inputs until
``max_size`` are waiting or no new one has arrived for ``idle_seconds``, then runs the
batch function on all of them in a thread (so the event loop is never blocked) and hands
each caller its own result. Batches run one at a time, in arrival order.
"""

import asyncio
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

DEFAULT_IDLE_SECONDS = 0.005
"""How long a partial batch waits for another input before it is run."""

BatchFunction = Callable[[list[In]], Sequence[Out | BaseException]]
"""Runs a batch: one result per input, in order (an exception fails only its own caller)."""


class Batcher(Generic[In, Out]):
    """Gathers concurrent ``submit()`` calls into batches of at most ``max_size``.

    The batch function returns one result per input, in input order; a result that is an
    exception is raised to that input's caller alone, while an exception raised by the
    batch function itself is raised to every caller of the batch. A batcher belongs to
    the event loop it is first used in.

    Args:
        run: The batch function (called in a worker thread).
        max_size: Most inputs in one batch.
        idle_seconds: How long a partial batch waits for another input before it is run.
    """

    def __init__(
        self,
        run: "BatchFunction[In, Out]",
        max_size: int,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
    ) -> None:
        if max_size < 1:
            raise ValueError(f"Batch size must be at least 1 (got {max_size}).")
        self._run = run
        self.max_size = max_size
        self.idle_seconds = idle_seconds
        self._pending: list[tuple[In, asyncio.Future[Out]]] = []
        self._arrived = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None

    async def submit(self, item: In) -> Out:
        """Add ``item`` to the next batch and wait for its result."""
        future: asyncio.Future[Out] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        self._arrived.set()
        if self._worker is None:
            self._worker = asyncio.create_task(self._work())
        return await future

    async def _work(self) -> None:
        """Run batches while inputs are waiting (the next submit starts a new worker)."""
        try:
            while self._pending:
                await self._gather()
                batch = [entry for entry in self._pending[: self.max_size] if not entry[1].done()]
                del self._pending[: self.max_size]
                if batch:
                    await self._run_batch(batch)
        finally:
            self._worker = None
            self._arrived = asyncio.Event()  # unbound: an idle batcher holds no loop

    async def _gather(self) -> None:
        """Wait until a full batch is waiting or no input arrived for ``idle_seconds``."""
        while len(self._pending) < self.max_size:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), self.idle_seconds)
            except TimeoutError:
                return

    async def _run_batch(self, batch: list[tuple[In, "asyncio.Future[Out]"]]) -> None:
        """Run one batch in a thread and resolve each caller's future."""
        futures = [future for _, future in batch]
        try:
            results = await asyncio.to_thread(self._run, [item for item, _ in batch])
            if len(results) != len(batch):
                raise RuntimeError(
                    f"Batch function returned {len(results)} results for {len(batch)} inputs."
                )
        except asyncio.CancelledError:
            for future in futures:
                future.cancel()
            raise
        except Exception as ex:
            for future in futures:
                if not future.done():
                    future.set_exception(ex)
            return
        for future, result in zip(futures, results, strict=True):
            if future.done():
                continue  # the caller gave up waiting
            if isinstance(result, BaseException):
                future.set_exception(result)
            else:
                future.set_result(result)
