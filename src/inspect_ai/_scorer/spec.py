"""The ``eval.scorers`` (and ``eval.metrics``) entries of a log, built from scorer objects."""

from collections.abc import Mapping, Sequence

from inspect_ai._log.model.spec import EvalMetricDefinition, EvalScorer, MetricDefinitions
from inspect_ai._scorer.metric import Metric, metric_log_name, metric_params
from inspect_ai._scorer.scorer import (
    ScorerMetrics,
    scorer_metadata,
    scorer_metrics,
    scorer_params,
    unique_scorer_names,
)


def eval_scorers(
    scorers: Sequence[object], task_metrics: ScorerMetrics | None = None
) -> list[EvalScorer]:
    """The ``eval.scorers`` entries of a task's scorers.

    Args:
        scorers: The task's scorers.
        task_metrics: The task's own metrics, which replace every scorer's metrics.
    """
    names = unique_scorer_names(scorers)
    return [
        eval_scorer(item, name, task_metrics) for item, name in zip(scorers, names, strict=True)
    ]


def eval_scorer(
    scorer: object, name: str | None = None, task_metrics: ScorerMetrics | None = None
) -> EvalScorer:
    """The ``eval.scorers`` entry of one scorer: name, options, metrics and metadata.

    Args:
        scorer: The scorer.
        name: Its name in the log (defaults to the scorer's name).
        task_metrics: Metrics replacing the scorer's own.
    """
    metrics = task_metrics if task_metrics is not None else scorer_metrics(scorer)
    return EvalScorer(
        name=name if name is not None else unique_scorer_names([scorer])[0],
        options=scorer_params(scorer),
        metrics=metric_definitions(metrics),
        metadata=scorer_metadata(scorer),
    )


def metric_definitions(metrics: ScorerMetrics) -> MetricDefinitions:
    """Metrics as logged: ``{"name": "inspect_ai/accuracy", "options": {...}}`` items."""
    if isinstance(metrics, Mapping):
        return _keyed(metrics)
    return [_keyed(item) if isinstance(item, Mapping) else _definition(item) for item in metrics]


def _keyed(metrics: Mapping[str, Sequence[Metric]]) -> dict[str, list[EvalMetricDefinition]]:
    return {key: [_definition(item) for item in items] for key, items in metrics.items()}


def _definition(metric: Metric) -> EvalMetricDefinition:
    return EvalMetricDefinition(name=metric_log_name(metric), options=metric_params(metric))
