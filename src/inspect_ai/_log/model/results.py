"""Scores and metrics computed by an eval, and per-sample scores reduced across epochs."""

from typing import Any

from pydantic import Field, model_validator

from inspect_ai._json.model import LogModel
from inspect_ai._log.model.spec import HeadlineMetric
from inspect_ai._scorer.score import Score


class EvalMetric(LogModel):
    """A metric computed over the scores of a scorer."""

    name: str
    """Metric name."""

    value: int | float
    """Metric value."""

    params: dict[str, Any] = Field(default_factory=dict)
    """Parameters the metric was created with."""

    metadata: dict[str, Any] | None = None
    """Additional metric metadata."""

    group: str | None = None
    """Group the metric belongs to."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_options(cls, data: Any) -> Any:
        # logs written before 2024-11 call the parameters "options"
        if isinstance(data, dict) and "options" in data and "params" not in data:
            data = {**data, "params": data["options"] or {}}
        return data


class EvalScore(LogModel):
    """The metrics of one scorer (for one epoch reducer)."""

    name: str
    """Score name."""

    scorer: str
    """Scorer name."""

    reducer: str | None = None
    """Epoch reducer name."""

    scored_samples: int | None = None
    """Samples that were scored."""

    unscored_samples: int | None = None
    """Samples that could not be scored."""

    params: dict[str, Any] = Field(default_factory=dict)
    """Parameters the scorer was created with."""

    metrics: dict[str, EvalMetric] = Field(default_factory=dict)
    """Metrics computed for this scorer."""

    metadata: dict[str, Any] | None = None
    """Additional scorer metadata."""


class EarlyStop(LogModel):
    """A sample stopped early by an early-stopping manager."""

    id: str | int
    epoch: int
    reason: str | None = None
    metadata: dict[str, Any] | None = None


class EarlyStoppingSummary(LogModel):
    """What an early-stopping manager stopped."""

    manager: str
    early_stops: list[EarlyStop] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)


class EvalSampleScore(Score):
    """A sample's score reduced across epochs."""

    sample_id: str | int | None = None
    """Id of the sample."""


class EvalSampleReductions(LogModel):
    """Per-sample scores of one scorer reduced across epochs by one reducer."""

    scorer: str
    """Scorer name."""

    reducer: str | None = None
    """Reducer name."""

    samples: list[EvalSampleScore] = Field(default_factory=list)
    """Reduced score of each sample."""


class EvalResults(LogModel):
    """Results of an eval: sample counts and each scorer's metrics."""

    total_samples: int = 0
    """Total samples (dataset samples x epochs)."""

    completed_samples: int = 0
    """Samples completed without error."""

    logged_samples: int | None = None
    """Samples written to the log."""

    early_stopping: EarlyStoppingSummary | None = None
    """Samples stopped early."""

    scores: list[EvalScore] = Field(default_factory=list)
    """Metrics of each scorer."""

    headline: HeadlineMetric | None = None
    """The headline metric."""

    metadata: dict[str, Any] | None = None
    """Additional results metadata."""

    sample_reductions: list[EvalSampleReductions] | None = Field(default=None, exclude=True)
    """Where logs before 2024-10 kept the reductions (read only; see ``EvalLog.reductions``)."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_scorers(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "scores" in data:
            return data
        if "scorers" in data:
            # mid-2024 logs list {name, params, metrics} per scorer
            scorers = data.get("scorers") or []
        elif "scorer" in data:
            # format version 1 had a single {"scorer": ..., "metrics": ...} pair
            scorers = [{**(data.get("scorer") or {}), "metrics": data.get("metrics") or {}}]
        else:
            return data
        rest = {k: v for k, v in data.items() if k not in ("scorer", "scorers", "metrics")}
        return {**rest, "scores": [_legacy_score(scorer) for scorer in scorers]}


def _legacy_score(scorer: dict[str, Any]) -> dict[str, Any]:
    name = scorer.get("name", "")
    return {
        "name": name,
        "scorer": name,
        "params": scorer.get("params") or {},
        "metrics": scorer.get("metrics") or {},
    }
