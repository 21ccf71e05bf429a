"""A scored log's ``results`` and ``reductions``, from the scores its samples now hold.

The results are built from the same pieces the runner's ``eval_results()`` uses (epoch
groups, reducers, each scorer's metrics, the headline); what differs is where each
scorer's metrics come from: a scorer object, or the definitions the log recorded.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions, EvalScore
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.spec import EvalScorer
from inspect_ai._rescore.metrics import logged_metrics
from inspect_ai._scorer.reducer import ScoreReducer, reducer_name
from inspect_ai._scorer.results.compute import headline_metric
from inspect_ai._scorer.results.epochs import reduce_epochs, sample_epochs, sample_reductions
from inspect_ai._scorer.results.metrics import ScoreContext, scorer_eval_scores
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.scorer import ScorerMetrics


@dataclass(frozen=True)
class ScorerResults:
    """What the results of one scorer are computed from."""

    name: str
    """The scorer's name (the key of its scores in each sample)."""

    metrics: ScorerMetrics | None
    """Its metrics; None keeps the entries the log already has for it."""

    params: dict[str, Any]
    metadata: dict[str, Any] | None


def logged_scorer_results(spec: EvalScorer) -> ScorerResults:
    """The results of a scorer the log already has, with the metrics it recorded."""
    return ScorerResults(
        name=spec.name,
        metrics=logged_metrics(spec.metrics),
        params=dict(spec.options or {}),
        metadata=spec.metadata,
    )


def log_results(
    log: EvalLog, scorers: Sequence[ScorerResults], reducers: Sequence[ScoreReducer]
) -> tuple[EvalResults, list[EvalSampleReductions]]:
    """The results and reductions of ``log`` over its samples' current scores.

    Samples that ended in an error are left out, as the runner leaves them out.
    """
    samples = [sample for sample in log.samples or [] if sample.error is None]
    scores = [_sample_scores(sample) for sample in samples]
    previous = log.results or EvalResults()
    results = previous.model_copy(
        update={
            "total_samples": previous.total_samples or len(log.samples or []),
            "completed_samples": len(samples),
            "scores": [],
        }
    )
    reductions: list[EvalSampleReductions] = []
    for scorer in scorers:
        if scorer.metrics is None:
            results.scores.extend(_kept_scores(previous.scores, scorer.name))
            reductions.extend(_kept_reductions(log.reductions or [], scorer.name))
            continue
        epochs = sample_epochs(scores, scorer.name)
        for reducer in reducers:
            logged = reducer_name(reducer) if len(reducers) > 1 else None
            reduced = reduce_epochs(epochs, reducer, scorer.name)
            context = ScoreContext(
                scorer.name, logged, scorer.params, scorer.metadata or None, len(epochs)
            )
            results.scores.extend(scorer_eval_scores(context, reduced, scorer.metrics))
            reductions.append(sample_reductions(scorer.name, logged, reduced))
    results.headline = headline_metric(results.scores)
    return results, reductions


def _sample_scores(sample: EvalSample) -> dict[str, SampleScore]:
    return {
        name: SampleScore(
            score=score, sample_id=sample.id, sample_metadata=sample.metadata, scorer=name
        )
        for name, score in (sample.scores or {}).items()
    }


def _kept_scores(scores: Sequence[EvalScore], scorer: str) -> list[EvalScore]:
    return [score for score in scores if score.scorer == scorer]


def _kept_reductions(
    reductions: Sequence[EvalSampleReductions], scorer: str
) -> list[EvalSampleReductions]:
    return [reduction for reduction in reductions if reduction.scorer == scorer]
