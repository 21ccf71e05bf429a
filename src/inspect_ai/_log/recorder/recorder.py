"""The interface the runner records logs through, and the recorder for a location."""

from typing import Any, Literal, Protocol

from inspect_ai._event.error import EvalError
from inspect_ai._log import filesystem
from inspect_ai._log.format import format_for_writing
from inspect_ai._log.model.log import EvalLog, EvalStatus
from inspect_ai._log.model.plan import EvalPlan
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._log.model.stats import EvalStats

LOCAL_BUFFER = 10
"""Samples buffered between writes of a local log."""

REMOTE_BUFFER = 100
"""Samples buffered between writes of a remote log (each write uploads the whole file)."""


class LogRecorder(Protocol):
    """Writes one log file while its eval runs.

    After ``start`` and after every flush, the file on disk is a complete, readable log
    (status ``started``) holding every sample flushed so far.
    """

    location: str

    def start(self, eval: EvalSpec, plan: EvalPlan) -> None:
        """Create the log for an eval that is starting."""
        ...

    def add_sample(self, sample: EvalSample) -> None:
        """Add a completed sample (written at the next flush)."""
        ...

    def flush(self) -> None:
        """Write the samples added since the last flush."""
        ...

    def finish(
        self,
        status: EvalStatus,
        stats: EvalStats,
        results: EvalResults | None = None,
        reductions: list[EvalSampleReductions] | None = None,
        error: EvalError | None = None,
    ) -> EvalLog:
        """Write the remaining samples and the final header; return the header."""
        ...


def open_recorder(
    location: str,
    format: Literal["eval", "json", "auto"] = "auto",
    buffer: int | None = None,
    fs_options: dict[str, Any] | None = None,
) -> LogRecorder:
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


def final_header(
    started: EvalLog,
    status: EvalStatus,
    stats: EvalStats,
    results: EvalResults | None,
    reductions: list[EvalSampleReductions] | None,
    error: EvalError | None,
) -> EvalLog:
    """The header of a finished log (without samples)."""
    return started.model_copy(
        update={
            "status": status,
            "stats": stats,
            "results": results,
            "error": error,
            "reductions": reductions,
        }
    )
