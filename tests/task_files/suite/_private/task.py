"""A task in a directory that recursive scanning skips."""

from inspect_ai._task.decorator import task
from inspect_ai._task.task import Task

raise RuntimeError("files under _private/ must not be scanned")


@task
def skipped() -> Task:
    return Task()
