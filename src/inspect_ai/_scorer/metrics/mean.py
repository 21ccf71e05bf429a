"""``mean()``, ``var()`` and ``std()`` of the score values."""

from inspect_ai._scorer import stats
from inspect_ai._scorer.metric import Metric, builtin_metric
from inspect_ai._scorer.metrics.values import float_values
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.value_to_float import DEFAULT_TO_FLOAT, ValueToFloat


@builtin_metric
def mean(to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> Metric:
    """Compute the mean of the score values.

    Args:
        to_float: Converts a score value to a float.
    """

    def metric(scores: list[SampleScore]) -> float:
        values = float_values(scores, to_float)
        return stats.mean(values) if values else 0.0

    return metric


@builtin_metric
def var(to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> Metric:
    """Compute the sample variance of the score values (0 for fewer than two).

    Args:
        to_float: Converts a score value to a float.
    """

    def metric(scores: list[SampleScore]) -> float:
        values = float_values(scores, to_float)
        return stats.variance(values, ddof=1) if len(values) > 1 else 0.0

    return metric


@builtin_metric
def std(to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> Metric:
    """Compute the sample standard deviation of the score values (0 for fewer than two).

    Args:
        to_float: Converts a score value to a float.
    """

    def metric(scores: list[SampleScore]) -> float:
        values = float_values(scores, to_float)
        return stats.std(values, ddof=1) if len(values) > 1 else 0.0

    return metric
