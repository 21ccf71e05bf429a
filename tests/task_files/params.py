"""Tasks with parameters of many types (as passed with `-T key=value`)."""

from typing import Any

from inspect_ai._task.decorator import task
from inspect_ai._task.task import Task


@task
def typed(
    critique: bool = False,
    count: int = 1,
    ratio: float = 0.5,
    system: str = "devops.txt",
    grader: str | None = "expert.txt",
    grader_model="openai/gpt-4",  # unannotated, with a string default
    tags: list[str] | None = None,
    options: Any = None,
) -> Task:
    return Task(name="typed_task")


@task
def needs_arg(n: int) -> Task:
    return Task(metadata={"n": n})


@task
def takes_kwargs(**kwargs: Any) -> Task:
    return Task(metadata=dict(kwargs))
