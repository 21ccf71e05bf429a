"""Running scorers over the samples of a log, concurrently, each in its own transcript."""

import asyncio
from collections.abc import Callable, Sequence
from typing import Literal, TypeAlias

from inspect_ai._log.model.sample import EvalSample
from inspect_ai._rescore.scorers import NamedScorers
from inspect_ai._rescore.state import sample_state
from inspect_ai._runner.scoring import score_function
from inspect_ai._store.current import set_store
from inspect_ai._transcript.transcript import Transcript, set_transcript

ScoreAction: TypeAlias = Literal["append", "overwrite"]
"""Keep a sample's existing scores and add the new ones, or replace them."""

MAX_CONCURRENT_SAMPLES = 100
"""Samples scored at once when the log does not say how many ran in parallel."""


class SampleScoringError(Exception):
    """A scorer raised an error on a sample (the message names the sample)."""


async def score_samples(
    samples: Sequence[EvalSample],
    scorers: NamedScorers,
    model: str,
    action: ScoreAction,
    max_concurrent: int,
    on_scored: Callable[[], None],
) -> None:
    """Score each sample with ``scorers``, at most ``max_concurrent`` at once.

    Each sample's ``scores`` are replaced or extended (``action``) and the scorer spans
    and ``score`` events are added to its events. The first error cancels the rest.
    """
    limit = asyncio.Semaphore(max(1, max_concurrent))
    score = score_function(scorers)

    async def score_one(sample: EvalSample) -> None:
        async with limit:
            active = Transcript()
            set_transcript(active)
            state = sample_state(sample, model)
            set_store(state.store)
            try:
                scores = await score(state)
            except Exception as ex:
                raise SampleScoringError(
                    f"Scoring sample {sample.id} (epoch {sample.epoch}) failed: {ex}"
                ) from ex
            existing = (sample.scores or {}) if action == "append" else {}
            sample.scores = {**existing, **scores}
            sample.events = [*sample.events, *active.events]
            on_scored()

    try:
        async with asyncio.TaskGroup() as group:
            for sample in samples:
                group.create_task(score_one(sample))
    except ExceptionGroup as group_error:
        raise group_error.exceptions[0] from None
