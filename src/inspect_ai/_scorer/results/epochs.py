"""Reducing the epoch scores of each sample to one score per sample."""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from inspect_ai._log.model.results import EvalSampleReductions, EvalSampleScore
from inspect_ai._scorer.reducer import ScoreReducer
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.score import Score, Value

SampleId = str | int


@dataclass
class SampleEpochs:
    """The scores one scorer gave one sample, one per epoch it was scored in."""

    sample_id: SampleId
    scores: list[SampleScore] = field(default_factory=list)


def sample_epochs(scores: Sequence[Mapping[str, SampleScore]], scorer: str) -> list[SampleEpochs]:
    """The epoch scores of ``scorer`` grouped by sample (ordered by sample id).

    Every sample present in ``scores`` gets an entry, with no scores when ``scorer``
    never scored it.
    """
    groups: dict[SampleId, SampleEpochs] = {}
    for epoch_scores in scores:
        for sample_score in epoch_scores.values():
            sample_id = _id_of(sample_score)
            groups.setdefault(sample_id, SampleEpochs(sample_id))
            break
        found = epoch_scores.get(scorer)
        if found is not None:
            sample_id = _id_of(found)
            groups.setdefault(sample_id, SampleEpochs(sample_id)).scores.append(found)
    return [groups[key] for key in sorted(groups, key=sample_id_order)]


def reduce_epochs(
    epochs: Sequence[SampleEpochs], reducer: ScoreReducer, scorer: str
) -> list[SampleScore]:
    """One score per scored sample: its epoch scores combined by ``reducer``."""
    reduced: list[SampleScore] = []
    for sample in epochs:
        if not sample.scores:
            continue
        score = reducer([item.score for item in sample.scores])
        first = sample.scores[0]
        reduced.append(
            SampleScore(
                score=score,
                sample_id=first.sample_id,
                sample_metadata=first.sample_metadata,
                scorer=scorer,
            )
        )
    return reduced


def sample_reductions(
    scorer: str, reducer: str | None, reduced: Sequence[SampleScore]
) -> EvalSampleReductions:
    """The ``reductions`` entry of a scorer (and reducer) in the log."""
    return EvalSampleReductions(
        scorer=scorer,
        reducer=reducer,
        samples=[_eval_sample_score(item.score, item.sample_id) for item in reduced],
    )


def is_unscored(value: Value) -> bool:
    """Whether a value marks a sample as unscored (NaN)."""
    return isinstance(value, float) and math.isnan(value)


def sample_id_order(sample_id: SampleId) -> tuple[int, int, str]:
    """Sort key of sample ids: integers numerically, then strings."""
    if isinstance(sample_id, int):
        return (0, sample_id, "")
    return (1, 0, sample_id)


def _eval_sample_score(score: Score, sample_id: SampleId | None) -> EvalSampleScore:
    return EvalSampleScore(
        value=score.value,
        answer=score.answer,
        explanation=score.explanation,
        metadata=score.metadata,
        history=list(score.history),
        reason=score.reason,
        sample_id=sample_id,
    )


def _id_of(sample_score: SampleScore) -> SampleId:
    if sample_score.sample_id is None:
        raise ValueError("Sample scores given to eval_results() need a sample_id.")
    return sample_score.sample_id
