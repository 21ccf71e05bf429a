"""``score()`` and ``score_async()``: score the samples of a log again."""

import asyncio
import logging
from collections.abc import Coroutine, Mapping
from typing import Any

from inspect_ai._display.create import create_display, display_type
from inspect_ai._display.display import TaskProfile, TaskView
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.spec import EvalScorer
from inspect_ai._rescore.results import ScorerResults, log_results, logged_scorer_results
from inspect_ai._rescore.run import (
    MAX_CONCURRENT_SAMPLES,
    ScoreAction,
    score_samples,
)
from inspect_ai._rescore.scorers import NamedScorers
from inspect_ai._runner.eval import run_coroutine
from inspect_ai._runner.scoring import named_scorers
from inspect_ai._scorer.reducer import ScoreReducer, ScoreReducers, reducer_name
from inspect_ai._scorer.reducers.builtin import mean_score
from inspect_ai._scorer.reducers.create import create_reducers
from inspect_ai._scorer.scorer import (
    Scorer,
    ScorerMetrics,
    scorer_metadata,
    scorer_metrics,
    scorer_params,
)
from inspect_ai._scorer.spec import eval_scorer

logger = logging.getLogger(__name__)

ACTIONS: tuple[ScoreAction, ...] = ("append", "overwrite")


def score(
    log: EvalLog,
    scorers: Scorer | list[Scorer],
    epochs_reducer: ScoreReducers | None = None,
    action: ScoreAction | None = None,
    display: str | None = None,
    copy: bool = True,
) -> EvalLog:
    """Score an evaluation log.

    Each sample is scored again from what the log holds (its messages, output, target,
    metadata and store), then the results and per-sample reductions are recomputed.
    The log is not written: pass the result to ``write_eval_log()`` to keep it.

    Args:
        log: Evaluation log (read with its samples).
        scorers: Scorer(s) to apply to the samples.
        epochs_reducer: Reducer(s) combining the scores of each sample's epochs
            (defaults to those the eval used).
        action: ``append`` keeps each sample's existing scores and adds the new ones
            (the default); ``overwrite`` replaces them.
        display: How progress and results are shown (``full``, ``rich``, ``plain``,
            ``none``...; defaults as for ``eval()``).
        copy: Score a copy of ``log`` and leave ``log`` itself unchanged.

    Returns:
        The scored log.
    """
    coroutine = score_async(log, scorers, epochs_reducer, action, display, copy)
    return run_coroutine(_as_list(coroutine))[0]


async def score_async(
    log: EvalLog,
    scorers: Scorer | list[Scorer],
    epochs_reducer: ScoreReducers | None = None,
    action: ScoreAction | None = None,
    display: str | None = None,
    copy: bool = True,
) -> EvalLog:
    """Score an evaluation log (the async form of ``score()``; same arguments)."""
    items = list(scorers) if isinstance(scorers, list | tuple) else [scorers]
    return await rescore(
        log, named_scorers(items), epochs_reducer, action, display=display, copy=copy
    )


async def rescore(
    log: EvalLog,
    scorers: NamedScorers,
    epochs_reducer: ScoreReducers | None = None,
    action: ScoreAction | None = None,
    *,
    display: str | None = None,
    copy: bool = True,
    metrics: Mapping[str, ScorerMetrics] | None = None,
    location: str | None = None,
) -> EvalLog:
    """Score ``log`` with named scorers.

    Args:
        log: The log.
        scorers: The scorers, each with the name its scores are kept under.
        epochs_reducer: Reducers (defaults to those of the eval).
        action: ``append`` (default) or ``overwrite``.
        display: The display to show progress and results on.
        copy: Work on a copy of ``log``.
        metrics: Metrics to use instead of a scorer's own, by scorer name (the task's
            metrics, when the scorers are those of the task).
        location: Where the scored log will be written (shown by the display).
    """
    chosen = _check(log, scorers, action)
    kind = display_type(display)
    reducers = _reducers(log, epochs_reducer)
    if copy:
        log = await asyncio.to_thread(_copy, log)
    samples = [sample for sample in log.samples or [] if sample.error is None]
    screen = create_display(kind)
    with screen.running():
        view = screen.task_started(_profile(log, scorers, len(samples), location))
        await _score(log, scorers, chosen, view)
        specs, entries = _scorer_entries(log, scorers, metrics or {}, chosen)
        log.eval.scorers = specs
        if epochs_reducer is not None:
            log.eval.config.epochs_reducer = [reducer_name(item) for item in reducers]
        log.results, log.reductions = await asyncio.to_thread(log_results, log, entries, reducers)
        shown = log.model_copy(update={"location": location}) if location else log
        view.finished(shown)
    return log


async def _score(log: EvalLog, scorers: NamedScorers, action: ScoreAction, view: TaskView) -> None:
    samples = [sample for sample in log.samples or [] if sample.error is None]
    limit = log.eval.config.max_samples or MAX_CONCURRENT_SAMPLES
    await score_samples(
        samples, scorers, log.eval.model, action, limit, lambda: view.sample_done(False)
    )


def _check(log: EvalLog, scorers: NamedScorers, action: str | None) -> ScoreAction:
    if not log.samples:
        raise ValueError(
            "The log has no samples to score (read only its header, or written with"
            " log_samples=False)."
        )
    if not scorers:
        raise ValueError("No scorers given to score the log with.")
    chosen = action or "append"
    if chosen not in ACTIONS:
        raise ValueError(f"Unknown score action '{chosen}' (use append or overwrite).")
    return "overwrite" if chosen == "overwrite" else "append"


def _reducers(log: EvalLog, epochs_reducer: ScoreReducers | None) -> list[ScoreReducer]:
    requested = epochs_reducer if epochs_reducer is not None else log.eval.config.epochs_reducer
    return create_reducers(requested) or [mean_score()]


def _scorer_entries(
    log: EvalLog,
    scorers: NamedScorers,
    metrics: Mapping[str, ScorerMetrics],
    action: ScoreAction,
) -> tuple[list[EvalScorer], list[ScorerResults]]:
    """The scorers the scored log lists, and what each one's results come from.

    Appending keeps the log's scorers that scored some sample (a log written with
    ``--no-score`` lists scorers that scored nothing) and are not scored again.
    """
    names = {name for name, _ in scorers}
    scored = {name for sample in log.samples or [] for name in sample.scores or {}}
    kept = [
        spec
        for spec in log.eval.scorers or []
        if action == "append" and spec.name in scored and spec.name not in names
    ]
    specs = kept + [eval_scorer(item, name, metrics.get(name)) for name, item in scorers]
    entries = [_kept_entry(spec) for spec in kept]
    entries += [_new_entry(name, item, metrics.get(name)) for name, item in scorers]
    return specs, entries


def _kept_entry(spec: EvalScorer) -> ScorerResults:
    entry = logged_scorer_results(spec)
    if entry.metrics is None:
        logger.warning(
            "The metrics of scorer '%s' are not available: its results are kept as they were.",
            spec.name,
        )
    return entry


def _new_entry(name: str, scorer: Scorer, metrics: ScorerMetrics | None) -> ScorerResults:
    return ScorerResults(
        name=name,
        metrics=metrics if metrics is not None else scorer_metrics(scorer),
        params=scorer_params(scorer),
        metadata=scorer_metadata(scorer) or None,
    )


def _profile(
    log: EvalLog, scorers: NamedScorers, samples: int, location: str | None
) -> TaskProfile:
    return TaskProfile(
        name=log.eval.task,
        model=log.eval.model,
        dataset=log.eval.dataset.name or "",
        scorers=[name for name, _ in scorers],
        samples=samples,
        epochs=1,
        log_location=location or log.location,
    )


def _copy(log: EvalLog) -> EvalLog:
    """A copy of ``log`` sharing what scoring leaves alone (a deep copy is much slower).

    Scoring assigns new ``scores`` and ``events`` to each sample and new scorers, config,
    results and reductions to the log, so copies of the samples, the spec and its config
    are enough to leave ``log`` unchanged.
    """
    eval_spec = log.eval.model_copy(update={"config": log.eval.config.model_copy()})
    samples = [sample.model_copy() for sample in log.samples or []]
    return log.model_copy(update={"eval": eval_spec, "samples": samples})


async def _as_list(coroutine: Coroutine[Any, Any, EvalLog]) -> list[EvalLog]:
    return [await coroutine]
