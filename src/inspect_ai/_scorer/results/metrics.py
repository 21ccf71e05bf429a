"""The ``results.scores`` entries of one scorer: its metrics over the reduced sample scores."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inspect_ai._log.model.results import EvalMetric, EvalScore
from inspect_ai._scorer.metric import Metric, call_metric, metric_name, metric_params
from inspect_ai._scorer.results.epochs import is_unscored
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import ScorerMetrics

ALL_KEYS = "*"
"""Key of dict metrics that applies to every key of the score values not named otherwise."""


@dataclass(frozen=True)
class ScoreContext:
    """What every entry of one scorer (and reducer) shares."""

    scorer: str
    reducer: str | None
    params: dict[str, Any]
    metadata: dict[str, Any] | None
    samples: int
    """Number of samples the scorer could have scored."""


def scorer_eval_scores(
    context: ScoreContext, reduced: Sequence[SampleScore], metrics: ScorerMetrics
) -> list[EvalScore]:
    """The results entries of a scorer: one for its plain metrics, one per dict key."""
    if isinstance(metrics, Mapping):
        return _keyed_scores(context, reduced, metrics)
    plain = [item for item in metrics if not isinstance(item, Mapping)]
    keyed = [item for item in metrics if isinstance(item, Mapping)]
    entries = []
    if plain or not keyed:
        entries.append(_eval_score(context, context.scorer, reduced, plain))
    for item in keyed:
        entries.extend(_keyed_scores(context, reduced, item))
    return entries


def _keyed_scores(
    context: ScoreContext, reduced: Sequence[SampleScore], metrics: Mapping[str, Sequence[Metric]]
) -> list[EvalScore]:
    entries = []
    for key, key_metrics in _expand_keys(reduced, metrics).items():
        projected = [item for item in (_project(s, key) for s in reduced) if item is not None]
        entries.append(_eval_score(context, key, projected, key_metrics))
    return entries


def _eval_score(
    context: ScoreContext, name: str, scores: Sequence[SampleScore], metrics: Sequence[Metric]
) -> EvalScore:
    scored = [item for item in scores if not is_unscored(item.score.value)]
    return EvalScore(
        name=name,
        scorer=context.scorer,
        reducer=context.reducer,
        scored_samples=len(scored),
        unscored_samples=context.samples - len(scored),
        params=context.params,
        metrics=compute_metrics(metrics, scored),
        metadata=context.metadata,
    )


def compute_metrics(
    metrics: Sequence[Metric], scores: Sequence[SampleScore]
) -> dict[str, EvalMetric]:
    """Each metric's value over ``scores``; dict and list values become several metrics."""
    computed: dict[str, EvalMetric] = {}
    for item in metrics:
        name, params = metric_name(item), metric_params(item)
        for key, value in _metric_values(name, call_metric(item, scores)):
            computed[key] = EvalMetric(name=key, value=value, params=params)
    return computed


def _metric_values(name: str, value: Any) -> list[tuple[str, float]]:
    if isinstance(value, Mapping):
        return [(f"{name}_{key}", float(item)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [(f"{name}_{index}", float(item)) for index, item in enumerate(value)]
    return [(name, float(value))]


def _expand_keys(
    reduced: Sequence[SampleScore], metrics: Mapping[str, Sequence[Metric]]
) -> dict[str, Sequence[Metric]]:
    if ALL_KEYS not in metrics:
        return dict(metrics)
    named = {key: items for key, items in metrics.items() if key != ALL_KEYS}
    seen = dict.fromkeys(
        key for item in reduced if isinstance(item.score.value, Mapping) for key in item.score.value
    )
    rest = {key: metrics[ALL_KEYS] for key in seen if key not in named}
    return {**named, **rest}


def _project(item: SampleScore, key: str) -> SampleScore | None:
    value = item.score.value
    found = value.get(key) if isinstance(value, Mapping) else None
    if found is None:
        return None
    score = Score(
        value=found,
        answer=item.score.answer,
        explanation=item.score.explanation,
        metadata=item.score.metadata,
    )
    return item.model_copy(update={"score": score})
