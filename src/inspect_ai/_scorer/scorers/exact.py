"""``exact()``: whether the output is the target, after normalisation."""

from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.scorers.text import normalize_text
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import CORRECT, INCORRECT
from inspect_ai._solver.state import TaskState


@scorer(metrics=[accuracy(), stderr()])
def exact() -> Scorer:
    """Score "C" when the output is a target, after normalisation.

    Both are lower cased, and punctuation, articles (a, an, the) and extra whitespace
    are removed before comparing.
    """

    async def score(state: TaskState, target: Target) -> Score:
        completion = state.output.completion
        answer = normalize_text(completion)
        correct = any(answer == normalize_text(item) for item in target)
        return Score(
            value=CORRECT if correct else INCORRECT, answer=completion, explanation=completion
        )

    return score
