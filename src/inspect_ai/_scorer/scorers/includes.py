"""``includes()``: whether the target appears anywhere in the output."""

from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import CORRECT, INCORRECT
from inspect_ai._solver.state import TaskState


@scorer(metrics=[accuracy(), stderr()])
def includes(ignore_case: bool = True) -> Scorer:
    """Score "C" when the target (any of the targets) appears in the model output.

    The score's answer is the output (lower cased when ``ignore_case``), its
    explanation the output as written.

    Args:
        ignore_case: Compare without regard to case.
    """

    async def score(state: TaskState, target: Target) -> Score:
        completion = state.output.completion
        answer = completion.lower() if ignore_case else completion
        wanted = [item.lower() if ignore_case else item for item in target]
        correct = any(item in answer for item in wanted)
        return Score(value=CORRECT if correct else INCORRECT, answer=answer, explanation=completion)

    return score
