from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Metric, Score, match, metric
from inspect_ai.solver import multiple_choice, system_message

SYSTEM_MESSAGE = """
Choose the most plausible continuation for the story.
"""

dataset = [
    Sample(
        input="The chef cracked the eggs into the bowl. Then she",
        choices=[
            "whisked them with a fork.",
            "planted them in the garden.",
            "posted them to her aunt.",
            "painted them blue and hung them up.",
        ],
        target="A",
    ),
    Sample(
        input="He put on his running shoes and",
        choices=[
            "ate the laces.",
            "went out for a jog.",
            "sent them to the dry cleaners.",
            "filled them with soup.",
        ],
        target="B",
    ),
]


@metric
def custom_metric() -> Metric:
    """Error rate: the proportion of scores that are not correct."""

    def metric(scores: list[Score]) -> float:
        return sum(1.0 - score.as_float() for score in scores) / len(scores)

    return metric


@task
def custom_metrics():
    return Task(
        dataset=dataset,
        plan=[system_message(SYSTEM_MESSAGE), multiple_choice()],
        scorer=match(),
        metrics=[custom_metric()],
    )
