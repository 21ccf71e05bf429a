"""``eval_results()``: what the runner calls at the end of a task to get its results."""

from collections.abc import Mapping, Sequence

from inspect_ai._log.model.results import EvalResults, EvalSampleReductions, EvalScore
from inspect_ai._log.model.spec import HeadlineMetric
from inspect_ai._scorer.reducer import ScoreReducer, ScoreReducers, reducer_name
from inspect_ai._scorer.reducers.builtin import mean_score
from inspect_ai._scorer.reducers.create import create_reducers
from inspect_ai._scorer.results.epochs import (
    reduce_epochs,
    sample_epochs,
    sample_reductions,
)
from inspect_ai._scorer.results.metrics import ScoreContext, scorer_eval_scores
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.scorer import (
    ScorerMetrics,
    scorer_metadata,
    scorer_metrics,
    scorer_params,
    unique_scorer_names,
)


def eval_results(
    total_samples: int,
    scores: Sequence[Mapping[str, SampleScore]],
    scorers: Sequence[object] | Sequence[tuple[str, object]] | None,
    task_metrics: ScorerMetrics | None = None,
    reducers: ScoreReducers | None = None,
    completed_samples: int | None = None,
) -> tuple[EvalResults, list[EvalSampleReductions]]:
    """The results of a task and the per-sample reductions the log records.

    Each sample's epoch scores are combined by every reducer (``mean`` when none is
    given), then each scorer's metrics are computed over the combined scores. With
    several reducers there is one results entry (and one reductions entry) per scorer
    and reducer, named by the ``reducer`` field. Dict-valued scores with metrics per key
    give one entry per key. A NaN value marks a sample as unscored: it is left out of
    the metrics and counted in ``unscored_samples``.

    Args:
        total_samples: Samples in the eval (dataset samples x epochs).
        scores: One dict per completed sample-epoch, keyed by scorer name (the names of
            ``unique_scorer_names(scorers)``); samples that errored are left out.
        scorers: The task's scorers, or ``(name, scorer)`` pairs naming them.
        task_metrics: The task's metrics, which replace every scorer's own metrics.
        reducers: Epoch reducers (objects or names); ``mean`` when None.
        completed_samples: Sample-epochs completed (defaults to ``len(scores)``).
    """
    completed = len(scores) if completed_samples is None else completed_samples
    results = EvalResults(total_samples=total_samples, completed_samples=completed)
    reductions: list[EvalSampleReductions] = []
    resolved = create_reducers(reducers) or [mean_score()]
    for name, scorer in named_scorers(scorers or []):
        metrics = task_metrics if task_metrics is not None else scorer_metrics(scorer)
        epochs = sample_epochs(scores, name)
        for reducer in resolved:
            logged = reducer_name(reducer) if len(resolved) > 1 else None
            reduced = reduce_epochs(epochs, reducer, name)
            context = _context(scorer, name, logged, len(epochs))
            results.scores.extend(scorer_eval_scores(context, reduced, metrics))
            reductions.append(sample_reductions(name, logged, reduced))
    results.headline = headline_metric(results.scores)
    return results, reductions


compute_results = eval_results
"""Another name of ``eval_results``."""


def named_scorers(
    scorers: Sequence[object] | Sequence[tuple[str, object]],
) -> list[tuple[str, object]]:
    """Each scorer with its name: as given in ``(name, scorer)`` pairs, else unique names."""
    if all(isinstance(item, tuple) and len(item) == 2 for item in scorers):
        return [(str(item[0]), item[1]) for item in scorers]  # type: ignore[index]
    plain = list(scorers)
    return list(zip(unique_scorer_names(plain), plain, strict=True))


def headline_metric(scores: Sequence[EvalScore]) -> HeadlineMetric | None:
    """The headline: the first metric of the first results entry that has metrics."""
    for score in scores:
        for metric in score.metrics:
            return HeadlineMetric(
                scorer=score.scorer, score=score.name, metric=metric, reducer=score.reducer
            )
    return None


def _context(scorer: object, name: str, reducer: str | None, samples: int) -> ScoreContext:
    metadata = scorer_metadata(scorer)
    return ScoreContext(
        scorer=name,
        reducer=reducer,
        params=scorer_params(scorer),
        metadata=metadata or None,
        samples=samples,
    )


def reduce_sample_scores(
    scores: Sequence[Mapping[str, SampleScore]], scorer: str, reducer: ScoreReducer
) -> list[SampleScore]:
    """The scores ``scorer`` gave each sample, combined across epochs by ``reducer``."""
    return reduce_epochs(sample_epochs(scores, scorer), reducer, scorer)
