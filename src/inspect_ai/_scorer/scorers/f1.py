"""``f1()``: the word overlap (F1) of the output with the target."""

from collections import Counter
from collections.abc import Callable

from inspect_ai._scorer.metrics.mean import mean
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.scorers.text import normalize_tokens
from inspect_ai._scorer.target import Target
from inspect_ai._solver.state import TaskState


@scorer(metrics=[mean(), stderr()])
def f1(
    answer_fn: Callable[[str], str] | None = None, stop_words: list[str] | None = None
) -> Scorer:
    """Score the token overlap (F1) of the output with the target (the best target).

    Text is normalised SQuAD-style (lower case; no punctuation, articles or extra
    whitespace) and split into words before counting the shared words.

    Args:
        answer_fn: Extracts the answer from the output (defaults to the whole output).
        stop_words: Words to leave out before comparing.
    """
    skip = frozenset(word.lower() for word in stop_words or [])

    async def score(state: TaskState, target: Target) -> Score:
        completion = state.output.completion
        answer = answer_fn(completion) if answer_fn is not None else completion
        value = max((f1_score(answer, item, skip) for item in target), default=0.0)
        return Score(value=value, answer=answer, explanation=completion)

    return score


def f1_score(answer: str, target: str, stop_words: frozenset[str] = frozenset()) -> float:
    """Token F1 of ``answer`` against ``target``."""
    given = normalize_tokens(answer, stop_words)
    wanted = normalize_tokens(target, stop_words)
    if not given or not wanted:
        return float(given == wanted)
    shared = sum((Counter(given) & Counter(wanted)).values())
    if shared == 0:
        return 0.0
    precision, recall = shared / len(given), shared / len(wanted)
    return 2 * precision * recall / (precision + recall)
