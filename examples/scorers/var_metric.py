import numpy as np

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Metric, Score, includes, metric
from inspect_ai.solver import generate


@metric
def var() -> Metric:
    """Compute variance over all scores."""

    def metric(scores: list[Score]) -> float:
        return np.var([score.as_float() for score in scores]).item()

    return metric


@task
def variance():
    return Task(
        dataset=[
            Sample(input="Say something.", target="default output"),
            Sample(input="Say something else.", target="default output"),
            Sample(input="And once more.", target="not in the reply"),
            Sample(input="Last one.", target="not in the reply"),
        ],
        plan=[generate()],
        scorer=includes(),
        metrics=[var()],
    )
