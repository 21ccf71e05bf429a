"""``score()``: scoring the running sample with its task's scorers (intermediate scores)."""

from collections.abc import Sequence
from contextvars import ContextVar

from inspect_ai._event.score import ScoreEvent
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer
from inspect_ai._solver.state import TaskState
from inspect_ai._transcript.transcript import transcript

NamedScorer = tuple[str, Scorer]
"""A scorer and its unique name in the task."""

_scorers: ContextVar[Sequence[NamedScorer] | None] = ContextVar(
    "inspect_task_scorers", default=None
)


def set_task_scorers(scorers: Sequence[NamedScorer] | None) -> None:
    """Make ``scorers`` those of the current task (the task runner calls this)."""
    _scorers.set(scorers)


async def score(state: TaskState) -> list[Score]:
    """Score the state of the running sample with the task's scorers.

    For solvers that check an answer before the sample ends (e.g. an agent allowing
    several attempts). Each score is recorded as an intermediate ``score`` event; the
    sample's final scores are still given once its solvers are done.

    Args:
        state: The sample's state.

    Returns:
        One score per scorer of the task (in order).

    Raises:
        RuntimeError: Not called while a task with scorers is running.
    """
    scorers = _scorers.get()
    if not scorers:
        raise RuntimeError("score() can only be called while running a task that has scorers.")
    target = state.target.target
    scores: list[Score] = []
    for name, scorer in scorers:
        result = await scorer(state, state.target)
        if result is None:
            continue
        scores.append(result)
        transcript()._event(
            ScoreEvent(
                score=result,
                target=target[0] if len(target) == 1 else target,
                intermediate=True,
                scorer=name,
            )
        )
    return scores
