"""Recording a ``.eval`` log: members appended in batches, each batch written atomically."""

import os
import tempfile
import time
from collections.abc import Callable
from typing import IO, Any

from inspect_ai._log import filesystem
from inspect_ai._log.eval_read import START
from inspect_ai._log.eval_write import (
    SampleMember,
    Summary,
    add_finish,
    add_sample_members,
    copied_member,
    sample_member,
)
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.recorder.recorder import LogRecorder
from inspect_ai._log.sample_copy import SampleCopy
from inspect_ai._log.serialize import start_json
from inspect_ai._log.zip_writer import ZipWriter


class EvalRecorder(LogRecorder[SampleMember]):
    """Writes a ``.eval`` log incrementally.

    Locally, every write copies the current file beside it, appends to the copy and
    renames it over the original, so a crash leaves the previous complete file. On
    remote storage a local working copy is appended to and uploaded whole.
    """

    def __init__(self, location: str, buffer: int, fs_options: dict[str, Any] | None = None):
        super().__init__(location, buffer, fs_options)
        self._summaries: list[Summary] = []
        self._batches = 0
        self._working: str | None = None

    def _write_start(self, header: EvalLog) -> None:
        self._write(lambda archive: archive.add(START, start_json(header)), append=False)

    def _prepare(self, sample: EvalSample) -> SampleMember:
        return sample_member(sample)

    def _prepare_copy(self, copy: SampleCopy) -> SampleMember:
        return copied_member(copy)

    def _write_samples(self, header: EvalLog, samples: list[SampleMember]) -> float:
        summaries: list[Summary] = []
        batch = self._batches + 1
        adding = 0.0

        def add(archive: ZipWriter) -> None:
            nonlocal adding
            started = time.monotonic()
            summaries.extend(add_sample_members(archive, samples, batch))
            adding = time.monotonic() - started

        self._write(add)
        self._summaries.extend(summaries)
        self._batches = batch
        return adding

    def _write_finish(self, header: EvalLog, samples: list[SampleMember]) -> None:
        batch = self._batches + 1

        def write(archive: ZipWriter) -> None:
            summaries = self._summaries + add_sample_members(archive, samples, batch)
            add_finish(archive, header, summaries)

        self._write(write)
        if self._working is not None:
            os.remove(self._working)
            self._working = None

    def _write(self, write: Callable[[ZipWriter], Any], append: bool = True) -> None:
        def fill(file: IO[bytes]) -> None:
            with ZipWriter(file, append=append) as archive:
                write(archive)

        if filesystem.is_local(self.location):
            filesystem.write_atomic(self.location, fill, seed=self.location if append else None)
            return
        if self._working is None:
            handle, self._working = tempfile.mkstemp(suffix=".eval")
            os.close(handle)
        filesystem.write_atomic(self._working, fill, seed=self._working if append else None)
        with open(self._working, "rb") as finished:
            filesystem.upload(finished, self.location, self._fs_options)
