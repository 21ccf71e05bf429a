"""The eval log: spec, plan, results, stats, error and samples of one evaluated task."""

from typing import Any, Literal, TypeAlias

from pydantic import Field, model_validator

from inspect_ai._event.error import EvalError
from inspect_ai._json.model import LogModel
from inspect_ai._log.model.plan import EvalPlan
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._log.model.stats import EvalStats
from inspect_ai._log.model.updates import ConfigUpdate, LogUpdate

LOG_FORMAT_VERSION = 2
"""Format version written by this implementation."""

MAX_READABLE_VERSION = 3
"""Newest format version this implementation can read."""

EvalStatus: TypeAlias = Literal["started", "success", "cancelled", "error"]
"""Status of an eval."""


class EvalLogHeaderFields(LogModel):
    """The fields of an eval log that precede its samples (its header)."""

    version: int = LOG_FORMAT_VERSION
    """Log file format version."""

    status: EvalStatus = "started"
    """Status of the eval."""

    eval: EvalSpec
    """Eval identity and configuration."""

    plan: EvalPlan = Field(default_factory=EvalPlan)
    """Solvers and generation config."""

    results: EvalResults | None = None
    """Scores and metrics."""

    stats: EvalStats = Field(default_factory=EvalStats)
    """Timing and token usage."""

    error: EvalError | None = None
    """Error that halted the eval (when status is ``error``)."""

    invalidated: bool = False
    """Whether the log was invalidated."""

    tags: list[str] = Field(default_factory=list)
    """Tags of the log (editable after the eval)."""

    metadata: dict[str, Any] = Field(default_factory=dict)
    """Metadata of the log (editable after the eval)."""

    config_updates: list[ConfigUpdate] | None = None
    """Configuration changes made while the eval ran."""

    log_updates: list[LogUpdate] | None = None
    """Edits made to the log after the eval."""


class EvalLog(EvalLogHeaderFields):
    """Evaluation log: spec, plan, results, stats, error, samples and reductions."""

    samples: list[EvalSample] | None = None
    """Samples of the eval (``None`` when only the header was read)."""

    reductions: list[EvalSampleReductions] | None = None
    """Per-sample scores reduced across epochs."""

    location: str = Field(default="", exclude=True)
    """Where the log was read from or written to (a path or URI)."""

    @model_validator(mode="after")
    def _legacy_reductions(self) -> "EvalLog":
        self.reductions = take_legacy_reductions(self.results, self.reductions)
        return self


def take_legacy_reductions(
    results: EvalResults | None, reductions: list[EvalSampleReductions] | None
) -> list[EvalSampleReductions] | None:
    """The reductions of a log, taking those that older logs kept inside the results."""
    if results is None or results.sample_reductions is None:
        return reductions
    legacy, results.sample_reductions = results.sample_reductions, None
    return reductions if reductions is not None else legacy


def log_from_parts(
    header: EvalLogHeaderFields,
    samples: list[EvalSample] | None,
    reductions: list[EvalSampleReductions] | None,
    location: str,
) -> EvalLog:
    """An ``EvalLog`` from an already validated header, samples and reductions."""
    reductions = take_legacy_reductions(header.results, reductions)
    fields = dict(header)
    fields_set = set(header.model_fields_set)
    if samples is not None:
        fields_set.add("samples")
    if reductions is not None:
        fields_set.add("reductions")
    return EvalLog.model_construct(
        _fields_set=fields_set,
        **fields,
        samples=samples,
        reductions=reductions,
        location=location,
    )
