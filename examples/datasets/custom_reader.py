# 7.8 Custom Reader: a plain list of Samples as the dataset.
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import generate, system_message

SYSTEM_MESSAGE = """
You are a computer security expert and you are tasked with
providing concise response to the following questions.
"""

dataset = [
    Sample(
        input="What cookie attributes should I use for strong security?",
        target="secure samesite and httponly",
    )
]


@task
def security_guide():
    return Task(
        dataset=dataset,
        plan=[system_message(SYSTEM_MESSAGE), generate()],
        scorer=model_graded_fact(),
    )
