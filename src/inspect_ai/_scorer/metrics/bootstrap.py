"""``bootstrap_stderr()``: the standard deviation of bootstrapped means."""

import math
from random import Random

from inspect_ai._scorer import stats
from inspect_ai._scorer.metric import Metric, builtin_metric
from inspect_ai._scorer.metrics.values import float_values
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.value_to_float import DEFAULT_TO_FLOAT, ValueToFloat

_SEED = 20240401


@builtin_metric
def bootstrap_stderr(num_samples: int = 1000, to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> Metric:
    """Standard deviation of a bootstrapped estimate of the mean.

    Draws ``num_samples`` resamples (with replacement, of the same size as the scores) and
    returns the standard deviation of their means. The draws are seeded, so the value is
    the same for the same scores.

    Args:
        num_samples: Number of bootstrap resamples.
        to_float: Converts a score value to a float.
    """

    def metric(scores: list[SampleScore]) -> float:
        values = float_values(scores, to_float)
        if len(values) < 2 or num_samples < 1:
            return 0.0
        return stats.std(bootstrap_means(values, num_samples, Random(_SEED)))

    return metric


@builtin_metric
def bootstrap_std(num_samples: int = 1000, to_float: ValueToFloat = DEFAULT_TO_FLOAT) -> Metric:
    """Standard deviation of a bootstrapped estimate of the mean (``bootstrap_stderr``).

    Args:
        num_samples: Number of bootstrap resamples.
        to_float: Converts a score value to a float.
    """
    return bootstrap_stderr(num_samples, to_float)


def bootstrap_means(values: list[float], num_samples: int, random: Random) -> list[float]:
    """Means of ``num_samples`` resamples of ``values`` drawn with replacement."""
    count = len(values)
    draw = random.choices
    return [math.fsum(draw(values, k=count)) / count for _ in range(num_samples)]
