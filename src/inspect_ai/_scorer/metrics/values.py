"""Score values of a list of sample scores as floats (unscored values left out)."""

import math
from collections.abc import Sequence

from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.value_to_float import ValueToFloat


def float_values(scores: Sequence[SampleScore], to_float: ValueToFloat) -> list[float]:
    """The value of each score as a float, leaving out NaN (unscored) values."""
    values = [to_float(item.score.value) for item in scores]
    return [value for value in values if not math.isnan(value)]
