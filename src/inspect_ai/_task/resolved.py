"""``ResolvedTask``: a task created and ready to run, with where it came from."""

from dataclasses import dataclass, field
from typing import Any

from inspect_ai._task.task import Task


@dataclass
class ResolvedTask:
    """A created task, with the file and name it was resolved from and its arguments."""

    task: Task
    """The task."""

    name: str
    """Task name."""

    file: str | None = None
    """Absolute path of the file defining the task (None if unknown)."""

    args: dict[str, Any] = field(default_factory=dict)
    """Arguments passed to the task function (after conversion)."""

    @classmethod
    def of(cls, task: Task) -> "ResolvedTask":
        """A resolved task from a created task (name, file and args as it records them)."""
        return cls(task=task, name=task.name, file=task.task_file, args=dict(task.task_args_passed))
