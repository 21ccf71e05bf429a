"""A private module (name starts with '_'): skipped by recursive scanning."""

from inspect_ai._task.decorator import task
from inspect_ai._task.task import Task

raise RuntimeError("_helpers.py must not be scanned")


@task
def private_helper() -> Task:
    return Task()
