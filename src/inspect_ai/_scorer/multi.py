"""``multi_scorer()``: several scorers' scores of a sample combined into one by a reducer."""

from collections.abc import Sequence

from inspect_ai._scorer.reducer import ScoreReducer
from inspect_ai._scorer.reducers.create import create_reducer
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer
from inspect_ai._scorer.target import Target
from inspect_ai._solver.state import TaskState


def multi_scorer(scorers: Sequence[Scorer], reducer: str | ScoreReducer) -> Scorer:
    """A scorer running every scorer in ``scorers`` and combining their scores.

    Use it inside a ``@scorer`` factory, e.g. to take the majority (``"mode"``) of several
    model graders. Scorers that return None are left out; if all do, so does this one.

    Args:
        scorers: The scorers to run.
        reducer: Combines the scores (a reducer, or the name of one such as ``"mode"``).
    """
    combine = create_reducer(reducer) if isinstance(reducer, str) else reducer

    async def score(state: TaskState, target: Target) -> Score | None:
        results = [await item(state, target) for item in scorers]
        given = [result for result in results if result is not None]
        return combine(given) if given else None

    return score
