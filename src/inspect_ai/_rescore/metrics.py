"""Metrics created again from the definitions a log records for its scorers."""

from collections.abc import Mapping, Sequence

from inspect_ai._log.model.spec import EvalMetricDefinition, EvalScorer, MetricDefinitions
from inspect_ai._registry.registry import registry_find
from inspect_ai._scorer.metric import Metric
from inspect_ai._scorer.scorer import ScorerMetrics


def logged_metrics(definitions: MetricDefinitions | None) -> ScorerMetrics | None:
    """The metrics ``definitions`` name, or None when one of them is not registered.

    Built-in metrics are always found; a task's own metrics once its file is loaded.
    """
    if definitions is None:
        return None
    import inspect_ai.scorer  # noqa: F401  (registers the built-in metrics)

    try:
        if isinstance(definitions, Mapping):
            return _keyed(definitions)
        return [
            _keyed(item) if isinstance(item, Mapping) else _metric(item) for item in definitions
        ]
    except LookupError:
        return None


def _keyed(
    definitions: Mapping[str, Sequence[EvalMetricDefinition]],
) -> dict[str, list[Metric]]:
    return {key: [_metric(item) for item in items] for key, items in definitions.items()}


def _metric(definition: EvalMetricDefinition) -> Metric:
    factory = registry_find("metric", definition.name)
    if factory is None or not callable(factory):
        raise LookupError(definition.name)
    created: Metric = factory(**(definition.options or {}))
    return created


def log_scorer_metrics(specs: Sequence[EvalScorer]) -> dict[str, ScorerMetrics]:
    """The recorded metrics of each scorer (those that can be created), by scorer name."""
    metrics = {spec.name: logged_metrics(spec.metrics) for spec in specs}
    return {name: items for name, items in metrics.items() if items is not None}
