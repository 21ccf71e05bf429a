"""Recording a ``.json`` log: the whole document rewritten (atomically) at every write."""

from typing import Any

from inspect_ai._event.error import EvalError
from inspect_ai._json.encode import data_to_json
from inspect_ai._log import filesystem
from inspect_ai._log.model.log import EvalLog, EvalStatus
from inspect_ai._log.model.plan import EvalPlan
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._log.model.stats import EvalStats
from inspect_ai._log.recorder.recorder import final_header
from inspect_ai._log.serialize import header_jsonable, sample_jsonable


class JsonRecorder:
    """Writes a ``.json`` log incrementally (samples are kept as ready-to-write data)."""

    def __init__(self, location: str, buffer: int, fs_options: dict[str, Any] | None = None):
        self.location = location
        self._buffer_size = max(1, buffer)
        self._fs_options = fs_options
        self._samples: dict[tuple[str, int], dict[str, Any]] = {}
        self._unflushed = 0
        self._header: EvalLog | None = None

    def start(self, eval: EvalSpec, plan: EvalPlan) -> None:
        """Create the log."""
        self._header = EvalLog(eval=eval, plan=plan, stats=EvalStats(started_at=eval.created))
        self._write(self._header)

    def add_sample(self, sample: EvalSample) -> None:
        """Keep a completed sample, rewriting the log when enough have arrived."""
        self._samples[(str(sample.id), sample.epoch)] = sample_jsonable(sample)
        self._unflushed += 1
        if self._unflushed >= self._buffer_size:
            self.flush()

    def flush(self) -> None:
        """Rewrite the log with every sample so far."""
        if self._header is not None and self._unflushed:
            self._write(self._header)

    def finish(
        self,
        status: EvalStatus,
        stats: EvalStats,
        results: EvalResults | None = None,
        reductions: list[EvalSampleReductions] | None = None,
        error: EvalError | None = None,
    ) -> EvalLog:
        """Write the final log."""
        if self._header is None:
            raise RuntimeError("JsonRecorder.finish() called before start()")
        header = final_header(self._header, status, stats, results, reductions, error)
        self._write(header)
        header.location = self.location
        return header

    def _write(self, header: EvalLog) -> None:
        document = header_jsonable(header)
        document["samples"] = list(self._samples.values())
        if header.reductions is not None:
            document["reductions"] = [
                r.model_dump(mode="json", exclude_none=True) for r in header.reductions
            ]
        filesystem.write_bytes_atomic(
            self.location, data_to_json(document, indent=2), self._fs_options
        )
        self._unflushed = 0
