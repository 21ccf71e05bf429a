"""Scoring samples in the runner: scorer names, score events, reducers and results."""

from collections.abc import Awaitable, Callable
from typing import Any

from inspect_ai._event.score import ScoreEvent
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.spec import EvalScorer, MetricDefinitions
from inspect_ai._runner.sample_run import SampleResult
from inspect_ai._scorer.score import Score
from inspect_ai._solver.state import TaskState
from inspect_ai._transcript.span import span
from inspect_ai._transcript.transcript import transcript

NamedScorers = list[tuple[str, Any]]


def named_scorers(scorers: list[Any] | None) -> NamedScorers:
    """Each scorer with a unique name (repeated names get ``1``, ``2``... appended)."""
    from inspect_ai._scorer.scorer import unique_scorer_names

    items = list(scorers or [])
    return list(zip(unique_scorer_names(items), items, strict=True))


def score_function(scorers: NamedScorers) -> Callable[[TaskState], Awaitable[dict[str, Score]]]:
    """A function scoring a state with each scorer, each in its own span with a score event."""

    async def score(state: TaskState) -> dict[str, Score]:
        scores: dict[str, Score] = {}
        for name, scorer in scorers:
            async with span(name, type="scorer"):
                result = await scorer(state, state.target)
                if result is not None:
                    target = state.target.target
                    transcript()._event(
                        ScoreEvent(score=result, target=target[0] if len(target) == 1 else target)
                    )
                    scores[name] = result
        return scores

    return score


def scorer_specs(scorers: NamedScorers, task_metrics: Any) -> list[EvalScorer]:
    """The scorers as the log's ``EvalSpec`` lists them (with the task's metrics, if any)."""
    from inspect_ai._scorer.spec import eval_scorer

    return [eval_scorer(scorer, name, task_metrics) for name, scorer in scorers]


def metric_definitions(task_metrics: Any) -> MetricDefinitions | None:
    """The task's own metrics, as ``eval.metrics`` records them."""
    if task_metrics is None:
        return None
    from inspect_ai._scorer.spec import metric_definitions as definitions

    return definitions(task_metrics)


def resolve_reducers(reducer: Any) -> list[Any] | None:
    """Epoch reducers from names or reducer objects (None: the default, mean)."""
    if reducer is None:
        return None
    from inspect_ai._scorer.reducers.create import create_reducers

    return create_reducers(reducer)


def reducer_names(reducers: list[Any] | None) -> list[str] | None:
    """The names of the reducers, as the eval config records them (e.g. ``at_least_2``)."""
    from inspect_ai._scorer.reducer import reducer_name

    return [reducer_name(reducer) for reducer in reducers] if reducers else None


def eval_results(
    samples: list[SampleResult],
    scorers: NamedScorers,
    task_metrics: Any,
    reducers: list[Any] | None,
    total: int,
) -> tuple[EvalResults, list[EvalSampleReductions]]:
    """Metrics of every scorer over the samples' scores, and the reduced sample scores."""
    from inspect_ai._scorer.results.compute import eval_results as compute
    from inspect_ai._scorer.sample_score import SampleScore

    sample_scores = [
        {
            name: SampleScore(
                score=score,
                sample_id=sample.id,
                sample_metadata=sample.metadata,
                scorer=name,
            )  # fmt: skip
            for name, score in sample.scores.items()
        }
        for sample in samples
        if not sample.failed
    ]
    return compute(total, sample_scores, scorers, task_metrics, reducers)
