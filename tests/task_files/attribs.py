"""Tasks with attributes, for filtering suites (`list_tasks(filter=...)`)."""

from inspect_ai._task.decorator import task
from inspect_ai._task.task import Task

SUITE = "ctf"


@task(light=True, suite="ctf", tags=["crypto", "easy"])
def crypto() -> Task:
    return Task()


@task(name="heap_trouble", light=False, difficulty=3, suite=SUITE)
def heap() -> Task:
    return Task()


@task
def packet() -> Task:
    return Task()
