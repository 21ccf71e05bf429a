"""Recording a ``.eval`` log: members appended in batches, each batch written atomically."""

import os
import tempfile
from typing import IO, Any

from inspect_ai._event.error import EvalError
from inspect_ai._log import filesystem
from inspect_ai._log.eval_read import START
from inspect_ai._log.eval_write import Summary, add_finish, add_samples
from inspect_ai._log.model.log import EvalLog, EvalStatus
from inspect_ai._log.model.plan import EvalPlan
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._log.model.stats import EvalStats
from inspect_ai._log.recorder.recorder import final_header
from inspect_ai._log.serialize import start_json
from inspect_ai._log.zip_writer import ZipWriter


class EvalRecorder:
    """Writes a ``.eval`` log incrementally.

    Locally, every write copies the current file beside it, appends to the copy and
    renames it over the original, so a crash leaves the previous complete file. On
    remote storage a local working copy is appended to and uploaded whole.
    """

    def __init__(self, location: str, buffer: int, fs_options: dict[str, Any] | None = None):
        self.location = location
        self._buffer_size = max(1, buffer)
        self._fs_options = fs_options
        self._pending: list[EvalSample] = []
        self._summaries: list[Summary] = []
        self._batches = 0
        self._header: EvalLog | None = None
        self._working: str | None = None

    def start(self, eval: EvalSpec, plan: EvalPlan) -> None:
        """Create the log with its start journal."""
        self._header = EvalLog(eval=eval, plan=plan, stats=EvalStats(started_at=eval.created))
        header = self._header
        self._write(lambda archive: archive.add(START, start_json(header)), append=False)

    def add_sample(self, sample: EvalSample) -> None:
        """Buffer a completed sample, writing the buffer when it is full."""
        self._pending.append(sample)
        if len(self._pending) >= self._buffer_size:
            self.flush()

    def flush(self) -> None:
        """Append the buffered samples and their journal summaries."""
        if not self._pending:
            return
        samples, self._pending = self._pending, []
        batch = self._batches + 1

        def write(archive: ZipWriter) -> None:
            self._summaries.extend(add_samples(archive, samples, batch))

        self._write(write, append=True)
        self._batches = batch

    def finish(
        self,
        status: EvalStatus,
        stats: EvalStats,
        results: EvalResults | None = None,
        reductions: list[EvalSampleReductions] | None = None,
        error: EvalError | None = None,
    ) -> EvalLog:
        """Append the remaining samples, the summaries, reductions and the final header."""
        if self._header is None:
            raise RuntimeError("EvalRecorder.finish() called before start()")
        header = final_header(self._header, status, stats, results, reductions, error)
        samples, self._pending = self._pending, []
        batch = self._batches + 1

        def write(archive: ZipWriter) -> None:
            self._summaries.extend(add_samples(archive, samples, batch))
            add_finish(archive, header, self._summaries)

        self._write(write, append=True)
        if self._working is not None:
            os.remove(self._working)
            self._working = None
        header.location = self.location
        return header

    def _write(self, write: Any, append: bool) -> None:
        def fill(file: IO[bytes]) -> None:
            with ZipWriter(file, append=append) as archive:
                write(archive)

        if filesystem.is_local(self.location):
            filesystem.write_atomic(self.location, fill, seed=self.location if append else None)
            return
        if self._working is None:
            handle, self._working = tempfile.mkstemp(suffix=".eval")
            os.close(handle)
        with open(self._working, "r+b" if append else "w+b") as working:
            fill(working)
        with open(self._working, "rb") as finished:
            filesystem.write_bytes_atomic(self.location, finished.read(), self._fs_options)
