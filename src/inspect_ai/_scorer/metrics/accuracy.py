"""``accuracy()``: the proportion of correct answers."""

from inspect_ai._scorer.metric import Metric, builtin_metric
from inspect_ai._scorer.metrics.values import float_values
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.value_to_float import DEFAULT_TO_FLOAT, ValueToFloat


@builtin_metric
def accuracy(to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> Metric:
    """Compute the proportion of answers that are correct.

    Values are converted with ``to_float`` (by default "C" is 1, "P" 0.5 and "I"/"N" 0),
    so partially correct answers count half.

    Args:
        to_float: Converts a score value to a float.
    """

    def metric(scores: list[SampleScore]) -> float:
        values = float_values(scores, to_float)
        if not values:
            return 0.0
        total = 0.0
        for value in values:
            total += value
        return total / len(values)

    return metric
