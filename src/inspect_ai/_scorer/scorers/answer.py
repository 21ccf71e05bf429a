"""``answer()``: the answer after "ANSWER:" in the output."""

import re
from typing import Literal

from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.scorers.text import strip_punctuation
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import CORRECT, INCORRECT
from inspect_ai._solver.state import TaskState

_PATTERNS = {
    "letter": r"ANSWER\s*:\s*\(?([A-Za-z])\b",
    "word": r"ANSWER\s*:\s*(\w+)",
    "line": r"ANSWER\s*:[ \t]*([^\n]*)",
}


@scorer(metrics=[accuracy(), stderr()])
def answer(pattern: Literal["letter", "word", "line"]) -> Scorer:
    """Score "C" when the answer given after "ANSWER:" is the target.

    The last "ANSWER:" of the output is used; ``letter`` takes one letter after it (e.g.
    a multiple-choice letter), ``word`` one word, ``line`` the rest of the line. Answer
    and target are compared without regard to case or surrounding punctuation.

    Args:
        pattern: What the answer is: a ``letter``, a ``word`` or a ``line``.
    """
    if pattern not in _PATTERNS:
        raise ValueError(f"answer() pattern must be 'letter', 'word' or 'line' (got {pattern!r}).")
    regex = re.compile(_PATTERNS[pattern], re.IGNORECASE)

    async def score(state: TaskState, target: Target) -> Score:
        completion = state.output.completion
        matches = regex.findall(completion)
        if not matches:
            return Score(value=INCORRECT, explanation=completion)
        given = str(matches[-1]).strip()
        wanted = {_norm(item) for item in target}
        correct = _norm(given) in wanted
        return Score(value=CORRECT if correct else INCORRECT, answer=given, explanation=completion)

    return score


def _norm(text: str) -> str:
    return " ".join(strip_punctuation(text).casefold().split())
