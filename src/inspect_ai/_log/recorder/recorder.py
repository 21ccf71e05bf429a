"""Recording a log while its eval runs: the shared logic, and the recorder for a location."""

import threading
import time
from abc import ABC, abstractmethod
from typing import Any, Generic, Literal, TypeVar

from inspect_ai._event.error import EvalError
from inspect_ai._log import filesystem
from inspect_ai._log.format import format_for_writing
from inspect_ai._log.model.log import EvalLog, EvalStatus
from inspect_ai._log.model.plan import EvalPlan
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._log.model.stats import EvalStats
from inspect_ai._log.sample_copy import SampleCopy

LOCAL_BUFFER = 10
"""Samples buffered between writes of a local log."""

REMOTE_BUFFER = 100
"""Samples buffered between writes of a remote log (each write uploads the whole file)."""

WRITE_SHARE = 0.1
"""Most of the running time spent rewriting the file: after a write whose rewrite (copying
or uploading the file, as opposed to adding the batch) took t seconds, the next waits 9t."""

QUICK_WRITE = 0.02
"""Rewrites quicker than this (seconds) never space writes out."""


Prepared = TypeVar("Prepared")
"""A completed sample as a recorder keeps it until it is written (already serialized)."""


class LogRecorder(ABC, Generic[Prepared]):
    """Writes one log file while its eval runs.

    ``start`` creates the log, ``add_sample`` buffers completed samples and writes them
    in batches, ``finish`` writes what is left and the final header. After ``start`` and
    after every write the file is a complete, readable log (status ``started`` until the
    end) holding every sample written so far. Samples are serialized as they are added,
    so a buffer waiting for its write holds compact data, not sample objects. Subclasses
    say how samples are serialized and how each part is written.
    """

    def __init__(self, location: str, buffer: int, fs_options: dict[str, Any] | None = None):
        self.location = location
        self._buffer = max(1, buffer)
        self._fs_options = fs_options
        self._pending: list[Prepared] = []
        self._lock = threading.Lock()
        self._header: EvalLog | None = None
        self._next_write = 0.0

    def start(self, eval: EvalSpec, plan: EvalPlan) -> None:
        """Create the log for an eval that is starting."""
        self._header = EvalLog(eval=eval, plan=plan, stats=EvalStats(started_at=eval.created))
        self._write_start(self._header)

    def add_sample(self, sample: EvalSample) -> None:
        """Add a completed sample (written once the buffer is full, or at ``flush``)."""
        self.buffer_sample(sample)
        if len(self._pending) >= self._buffer:
            self.flush()

    def buffer_sample(self, sample: EvalSample) -> None:
        """Add a completed sample without writing (the runner then asks ``flush_due``)."""
        self._add_pending(self._prepare(sample))

    def buffer_copy(self, copy: SampleCopy) -> None:
        """Add a sample completed by an earlier log (written as it was there)."""
        self._add_pending(self._prepare_copy(copy))

    def _add_pending(self, prepared: Prepared) -> None:
        # prepared first, then added under the lock: a write running in a thread takes the
        # pending list at any moment (preparing releases the GIL while it compresses), and
        # a sample added to the list it took, after it took it, would never be written
        with self._lock:
            self._pending.append(prepared)

    def _take_pending(self) -> list[Prepared]:
        with self._lock:
            samples, self._pending = self._pending, []
        return samples

    def flush_due(self) -> bool:
        """Whether the buffer is full and writing now keeps writes within their time share.

        Each write rewrites or uploads the file, so once writes get slow (a large log,
        remote storage) they are spaced out to take at most ``WRITE_SHARE`` of the time.
        """
        return len(self._pending) >= self._buffer and time.monotonic() >= self._next_write

    def flush(self) -> None:
        """Write the samples added since the last write."""
        samples = self._take_pending()
        if samples:
            started = time.monotonic()
            batch = self._write_samples(self._started(), samples)
            finished = time.monotonic()
            rewrite = finished - started - batch
            self._next_write = (
                finished + rewrite * (1 / WRITE_SHARE - 1) if rewrite > QUICK_WRITE else 0.0
            )

    def finish(
        self,
        status: EvalStatus,
        stats: EvalStats,
        results: EvalResults | None = None,
        reductions: list[EvalSampleReductions] | None = None,
        error: EvalError | None = None,
    ) -> EvalLog:
        """Write the remaining samples and the final header; return the header."""
        update = {
            "status": status,
            "stats": stats,
            "results": results,
            "reductions": reductions,
            "error": error,
        }
        header = self._started().model_copy(update=update)
        self._write_finish(header, self._take_pending())
        header.location = self.location
        return header

    def _started(self) -> EvalLog:
        if self._header is None:
            raise RuntimeError(f"{type(self).__name__}: start() must be called first")
        return self._header

    @abstractmethod
    def _write_start(self, header: EvalLog) -> None:
        """Create the file for a log that has just started."""

    @abstractmethod
    def _prepare(self, sample: EvalSample) -> Prepared:
        """Serialize a completed sample for a later write."""

    @abstractmethod
    def _prepare_copy(self, copy: SampleCopy) -> Prepared:
        """A sample copied from an earlier log, ready for a later write."""

    @abstractmethod
    def _write_samples(self, header: EvalLog, samples: list[Prepared]) -> float:
        """Add a batch of samples to the file; the seconds spent on the batch's own members
        (the rest of the write is the cost of rewriting the file, which spaces writes)."""

    @abstractmethod
    def _write_finish(self, header: EvalLog, samples: list[Prepared]) -> None:
        """Add the last samples and the final header to the file."""


def open_recorder(
    location: str,
    format: Literal["eval", "json", "auto"] = "auto",
    buffer: int | None = None,
    fs_options: dict[str, Any] | None = None,
) -> LogRecorder[Any]:
    """A recorder writing the log at ``location`` in the given (or implied) format.

    Args:
        location: Path or URI of the log file.
        format: Format to write (``auto`` decides by extension).
        buffer: Samples to buffer between writes (10 locally, 100 on remote storage).
        fs_options: Options for the filesystem (e.g. S3 credentials).
    """
    from inspect_ai._log.recorder.eval_recorder import EvalRecorder
    from inspect_ai._log.recorder.json_recorder import JsonRecorder

    size = buffer or (LOCAL_BUFFER if filesystem.is_local(location) else REMOTE_BUFFER)
    if format_for_writing(location, format) == "eval":
        return EvalRecorder(location, size, fs_options)
    return JsonRecorder(location, size, fs_options)
