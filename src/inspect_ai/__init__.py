"""Inspect: a framework for large language model evaluations."""

from typing import TYPE_CHECKING, Any

from inspect_ai._exports import lazy_export

__version__ = "0.1.0"

if TYPE_CHECKING:
    from inspect_ai._rescore.score import score, score_async
    from inspect_ai._runner.eval import eval, eval_async
    from inspect_ai._runner.eval_set import eval_set, eval_set_async
    from inspect_ai._runner.retry import eval_retry, eval_retry_async
    from inspect_ai._task.decorator import task
    from inspect_ai._task.epochs import Epochs
    from inspect_ai._task.info import TaskInfo
    from inspect_ai._task.listing import list_tasks
    from inspect_ai._task.task import Task
    from inspect_ai._task.task_with import task_with
    from inspect_ai._task.tasks import Tasks

_LAZY = {
    "eval": "inspect_ai._runner.eval",
    "eval_async": "inspect_ai._runner.eval",
    "eval_retry": "inspect_ai._runner.retry",
    "eval_set": "inspect_ai._runner.eval_set",
    "eval_set_async": "inspect_ai._runner.eval_set",
    "eval_retry_async": "inspect_ai._runner.retry",
    "score": "inspect_ai._rescore.score",
    "score_async": "inspect_ai._rescore.score",
    "task": "inspect_ai._task.decorator",
    "Epochs": "inspect_ai._task.epochs",
    "TaskInfo": "inspect_ai._task.info",
    "list_tasks": "inspect_ai._task.listing",
    "Task": "inspect_ai._task.task",
    "task_with": "inspect_ai._task.task_with",
    "Tasks": "inspect_ai._task.tasks",
}


def __getattr__(name: str) -> Any:
    # Imported on first use, so `import inspect_ai.log` stays light.
    return lazy_export(globals(), _LAZY, name)


__all__ = [
    "Epochs",
    "Task",
    "TaskInfo",
    "Tasks",
    "__version__",
    "eval",
    "eval_async",
    "eval_retry",
    "eval_retry_async",
    "eval_set",
    "eval_set_async",
    "list_tasks",
    "score",
    "score_async",
    "task",
    "task_with",
]
