"""The built-in reducers: mean, median, mode, max, pass_at_k and at_least_k."""

import math
import statistics
from collections import Counter

from inspect_ai._scorer import stats
from inspect_ai._scorer.reducer import ScoreReducer, score_reducer, set_reducer_name
from inspect_ai._scorer.reducers.shape import reduce_scores, scored
from inspect_ai._scorer.score import Score, ValueScalar
from inspect_ai._scorer.value_to_float import DEFAULT_TO_FLOAT, ValueToFloat

_NAN = float("nan")


@score_reducer(name="mean")
def mean_score(value_to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> ScoreReducer:
    """Take the mean of the epoch scores (as floats).

    Args:
        value_to_float: Converts a score value to a float.
    """

    def reduce(scores: list[Score]) -> Score:
        def mean_of(values: list[ValueScalar]) -> ValueScalar:
            numbers = [number for _, number in scored(values, value_to_float)]
            return stats.mean(numbers) if numbers else _NAN

        return reduce_scores(scores, mean_of)

    return reduce


@score_reducer(name="median")
def median_score(value_to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> ScoreReducer:
    """Take the median of the epoch scores (as floats).

    Args:
        value_to_float: Converts a score value to a float.
    """

    def reduce(scores: list[Score]) -> Score:
        def median_of(values: list[ValueScalar]) -> ValueScalar:
            numbers = [number for _, number in scored(values, value_to_float)]
            return float(statistics.median(numbers)) if numbers else _NAN

        return reduce_scores(scores, median_of)

    return reduce


@score_reducer(name="mode")
def mode_score() -> ScoreReducer:
    """Take the most common epoch score (the first seen of equally common ones)."""

    def reduce(scores: list[Score]) -> Score:
        def mode_of(values: list[ValueScalar]) -> ValueScalar:
            return Counter(values).most_common(1)[0][0]

        return reduce_scores(scores, mode_of)

    return reduce


@score_reducer(name="max")
def max_score(value_to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> ScoreReducer:
    """Take the highest epoch score (keeping its value as it was, e.g. ``"C"``).

    Args:
        value_to_float: Converts a score value to a float (for comparing).
    """

    def reduce(scores: list[Score]) -> Score:
        def max_of(values: list[ValueScalar]) -> ValueScalar:
            pairs = scored(values, value_to_float)
            return max(pairs, key=lambda pair: pair[1])[0] if pairs else _NAN

        return reduce_scores(scores, max_of)

    return reduce


@score_reducer(name="pass_at")
def pass_at(
    k: int, value: float = 1.0, value_to_float: ValueToFloat = DEFAULT_TO_FLOAT
) -> ScoreReducer:
    """Probability of at least one correct score in ``k`` epochs drawn from those run.

    The unbiased estimator ``1 - C(n - c, k) / C(n, k)`` over ``n`` epochs of which ``c``
    scored at least ``value``. Logged as ``pass_at_{k}``.

    Args:
        k: Number of epochs drawn.
        value: Score value that counts as correct.
        value_to_float: Converts a score value to a float.
    """
    _check_k(k)

    def reduce(scores: list[Score]) -> Score:
        def pass_at_k(values: list[ValueScalar]) -> ValueScalar:
            numbers = [number for _, number in scored(values, value_to_float)]
            if not numbers:
                return _NAN
            correct = sum(1 for number in numbers if number >= value)
            return _pass_at_k(len(numbers), correct, k)

        return reduce_scores(scores, pass_at_k)

    return set_reducer_name(reduce, f"pass_at_{k}")


@score_reducer(name="at_least")
def at_least(
    k: int, value: float = 1.0, value_to_float: ValueToFloat = DEFAULT_TO_FLOAT
) -> ScoreReducer:
    """1 if at least ``k`` epoch scores reach ``value``, else 0. Logged as ``at_least_{k}``.

    Args:
        k: Number of epochs that must reach ``value``.
        value: Score value an epoch must reach.
        value_to_float: Converts a score value to a float.
    """
    _check_k(k)

    def reduce(scores: list[Score]) -> Score:
        def at_least_k(values: list[ValueScalar]) -> ValueScalar:
            numbers = [number for _, number in scored(values, value_to_float)]
            if not numbers:
                return _NAN
            return 1 if sum(1 for number in numbers if number >= value) >= k else 0

        return reduce_scores(scores, at_least_k)

    return set_reducer_name(reduce, f"at_least_{k}")


def _pass_at_k(total: int, correct: int, k: int) -> float:
    if correct == 0:
        return 0.0
    if total - correct < k:
        return 1.0
    return 1.0 - math.comb(total - correct, k) / math.comb(total, k)


def _check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a positive integer (got {k!r}).")
