# 7.6 Chat Messages: sample inputs given as a list of chat messages.
from inspect_ai import Task, task
from inspect_ai.dataset import json_dataset
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import generate


@task
def chat_messages():
    return Task(
        dataset=json_dataset("chat_messages.json"),
        plan=[generate()],
        scorer=model_graded_fact(),
    )
