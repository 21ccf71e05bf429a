"""What the buffer keeps of each sample for a list of samples: a small JSON summary.

A finished sample is handed to the writer thread as a ``FinishedSample``: references to
the few fields its summary needs (nothing is copied or serialized on the event loop),
and the sample itself only when the buffer keeps its data.
"""

from dataclasses import dataclass
from typing import Any

from inspect_ai._dataset.sample import Sample
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._model.message import ChatMessage
from inspect_ai._scorer.score import Score

INPUT_PREVIEW = 400
"""Characters of a sample's input kept in its summary."""


@dataclass(slots=True)  # not frozen: made for every sample, on the event loop
class FinishedSample:
    """A sample that finished, as the runner hands it to the buffer's writer."""

    id: int | str
    epoch: int
    status: str
    """``completed``, or ``error`` when the sample ended with an error."""

    input: str | list[ChatMessage]
    target: str | list[str]
    scores: dict[str, Score] | None
    times: tuple[str | None, str | None, float | None, float | None]
    """Started at, completed at, total time, working time."""

    error: str | None
    limit: str | None
    sample: EvalSample | None
    """The whole sample, when the buffer keeps its data."""


def finished_sample(sample: EvalSample, keep_data: bool) -> FinishedSample:
    """What the buffer needs of a finished sample (the sample itself if ``keep_data``)."""
    return FinishedSample(
        sample.id,
        sample.epoch,
        "error" if sample.error is not None else "completed",
        sample.input,
        sample.target,
        sample.scores,
        (sample.started_at, sample.completed_at, sample.total_time, sample.working_time),
        sample.error.message if sample.error is not None else None,
        sample.limit.type if sample.limit is not None else None,
        sample if keep_data else None,
    )


def running_summary(sample: Sample, sample_id: int | str, epoch: int) -> dict[str, Any]:
    """The summary of a sample that has just started."""
    return {
        "id": sample_id,
        "epoch": epoch,
        "input": input_preview(sample.input),
        "target": sample.target,
    }


def completed_summary(sample: FinishedSample) -> dict[str, Any]:
    """The summary of a sample that has finished: scores, error and limit, timing."""
    started_at, completed_at, total_time, working_time = sample.times
    summary: dict[str, Any] = {
        "id": sample.id,
        "epoch": sample.epoch,
        "input": input_preview(sample.input),
        "target": sample.target,
        "scores": {name: score.value for name, score in (sample.scores or {}).items()},
        "started_at": started_at,
        "completed_at": completed_at,
        "total_time": total_time,
        "working_time": working_time,
    }
    if sample.error is not None:
        summary["error"] = sample.error
    if sample.limit is not None:
        summary["limit"] = sample.limit
    return summary


def input_preview(input: str | list[ChatMessage]) -> str:
    """The start of a sample's input as text."""
    if isinstance(input, str):
        return input[:INPUT_PREVIEW]
    preview = ""
    for message in input:
        preview += ("\n" if preview else "") + message.text
        if len(preview) >= INPUT_PREVIEW:
            break
    return preview[:INPUT_PREVIEW]
