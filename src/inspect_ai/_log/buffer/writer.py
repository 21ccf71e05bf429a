"""The runner's side of the sample buffer: a few references on the event loop, a thread.

On the event loop the buffer only notes, as a sample starts, which list holds the
sample's events (its transcript's), and, when a sample finishes, the fields its summary
needs. A thread reads those every ``FLUSH_INTERVAL`` seconds into the database, makes the
``log_shared`` copies, and deletes everything when the eval ends. A buffer that cannot be
written is switched off with a one-line warning: the eval itself goes on.
"""

import contextlib
import logging
import sqlite3
import threading
import time
from collections import deque

from inspect_ai._event.event import Event
from inspect_ai._log import filesystem
from inspect_ai._log.buffer.batch import DATA_PER_FLUSH, BufferBatcher
from inspect_ai._log.buffer.database import create_database, remove_database
from inspect_ai._log.buffer.location import buffer_path, shared_location
from inspect_ai._log.buffer.shared import copy_shared, remove_shared
from inspect_ai._log.buffer.stale import buffer_meta, remove_stale_buffers
from inspect_ai._log.buffer.summary import FinishedSample, finished_sample
from inspect_ai._log.model.sample import EvalSample

FLUSH_INTERVAL = 1.0
"""Seconds between writes of the buffer."""

logger = logging.getLogger(__name__)


class SampleBufferWriter:
    """The live sample buffer of one log while its eval runs.

    Call ``start()``, feed it through ``sample_started()`` and ``sample_done()``, and
    ``close()`` it (from a thread: it waits for the writer) when the samples are done.
    """

    def __init__(
        self,
        log_location: str,
        shared_interval: int | None = None,
        flush_interval: float = FLUSH_INTERVAL,
    ) -> None:
        self.log_location = filesystem.absolute(log_location)
        self.path = buffer_path(self.log_location)
        self.shared_location = shared_location(self.log_location) if shared_interval else None
        self._shared_interval = shared_interval
        self._flush_interval = flush_interval
        self._running: dict[tuple[int | str, int], list[Event]] = {}
        self._finished: deque[FinishedSample] = deque()
        self._streamed: set[tuple[int | str, int]] = set()
        self._spare_data = DATA_PER_FLUSH
        self._enabled = True
        self._share_failed = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sample-buffer", daemon=True)

    def start(self) -> "SampleBufferWriter":
        """Start the writer thread (which creates the database)."""
        self._thread.start()
        return self

    def sample_started(self, sample_id: int | str, epoch: int, events: list[Event]) -> None:
        """Note the list a sample that is starting (or a retry of it) records its events
        in: the writer reads the events from it while the sample runs."""
        if self._enabled:
            self._running[(sample_id, epoch)] = events

    def sample_done(self, sample: EvalSample) -> None:
        """Record that a sample finished (completed, or ended with an error)."""
        if not self._enabled:
            return
        key = (sample.id, sample.epoch)
        self._running.pop(key, None)
        keep_data = key in self._streamed
        if not keep_data and self._spare_data > 0:
            self._spare_data -= 1
            keep_data = True
        self._finished.append(finished_sample(sample, keep_data))

    def close(self) -> None:
        """Stop the writer and delete the buffer and its shared copy (blocks until done)."""
        self._enabled = False
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self._clear()

    def _run(self) -> None:
        try:
            remove_stale_buffers(self.path.parent, keep=self.path)
            connection = create_database(
                self.path, {**buffer_meta(), "log_location": self.log_location}
            )
        except Exception as ex:
            self._fail(ex)
            return
        try:
            self._write_until_stopped(connection)
        except Exception as ex:
            self._fail(ex)
        finally:
            connection.close()
            self._remove()

    def _write_until_stopped(self, connection: sqlite3.Connection) -> None:
        batcher = BufferBatcher()
        next_share = 0.0
        while not self._stop.wait(self._flush_interval):
            # finished samples first: a sample that finishes after this has left
            # `_running` before it is queued, so no sample is missed in between
            finished = [self._finished.popleft() for _ in range(len(self._finished))]
            self._spare_data = DATA_PER_FLUSH
            self._streamed = batcher.write(connection, self._running.copy(), finished)
            if self._shared_interval and time.monotonic() >= next_share:
                self._share(connection)
                next_share = time.monotonic() + self._shared_interval

    def _share(self, connection: sqlite3.Connection) -> None:
        assert self.shared_location is not None
        try:
            copy_shared(connection, self.path.with_suffix(".share"), self.shared_location)
        except Exception as ex:  # the next copy may succeed: the buffer goes on
            if not self._share_failed:
                logger.warning(f"Could not copy the sample buffer to {self.shared_location}: {ex}")
            self._share_failed = True

    def _remove(self) -> None:
        remove_database(self.path)
        if self.shared_location is not None:
            with contextlib.suppress(Exception):
                remove_shared(self.shared_location)

    def _clear(self) -> None:
        self._running.clear()
        self._finished.clear()

    def _fail(self, ex: Exception) -> None:
        self._enabled = False
        self._clear()
        logger.warning(f"Live sample buffer switched off for {self.log_location}: {ex}")
