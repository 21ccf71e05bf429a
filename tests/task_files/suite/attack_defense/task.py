"""Attack/defense tasks."""

import inspect_ai._task.decorator as inspect_tasks
from inspect_ai._task.task import Task


@inspect_tasks.task(name="saar", light=False)
def saarctf() -> Task:
    return Task()


@inspect_tasks.task
def bank() -> Task:
    return Task()
