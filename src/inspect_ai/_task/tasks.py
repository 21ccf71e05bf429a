"""``Tasks``: every way of naming the tasks to evaluate."""

from collections.abc import Callable
from typing import TypeAlias

from inspect_ai._task.info import TaskInfo
from inspect_ai._task.resolved import ResolvedTask
from inspect_ai._task.task import Task

Tasks: TypeAlias = (
    str
    | ResolvedTask
    | TaskInfo
    | Task
    | Callable[..., Task]
    | type[Task]
    | list[str]
    | list[ResolvedTask]
    | list[TaskInfo]
    | list[Task]
    | list[Callable[..., Task]]
    | list[type[Task]]
    | None
)
"""One or more tasks.

Tasks to be evaluated. Many forms of task specification are supported: task files
(``file.py``, ``file.py@name``, notebooks), directories (scanned recursively), registered
task names, task functions, task classes, and task instances (a single task or a list).
None is a request to read tasks out of the current working directory.
"""
