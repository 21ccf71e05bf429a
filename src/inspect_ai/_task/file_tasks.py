"""Creating the tasks a task file defines (all of them, or one by name)."""

from collections.abc import Mapping
from typing import Any

from inspect_ai._registry.registry import is_registry_object, registry_name
from inspect_ai._task.args import task_call_args
from inspect_ai._task.context import task_directory
from inspect_ai._task.module import load_task_module
from inspect_ai._task.parse import TaskDef
from inspect_ai._task.resolved import ResolvedTask
from inspect_ai._task.source import TaskSource
from inspect_ai._task.task import Task


def resolve_source_tasks(
    source: TaskSource,
    defs: list[TaskDef],
    name: str | None,
    args: Mapping[str, Any],
    display: str,
) -> list[ResolvedTask]:
    """Create the tasks of a task file: all of them, or the one named ``name``.

    The file is executed as a module (see ``load_task_module``) and the task functions
    are called with ``args`` while the file's directory is the working directory.
    ``display`` is how error messages name the file.
    """
    selected = _select_defs(defs, name, display)
    module = load_task_module(source)
    functions = [getattr(module, d.function, None) for d in selected]
    factories = [f for f in functions if is_registry_object(f, "task")]
    if name is not None and not factories:
        raise ValueError(f"'{name}' in {display} is not a @task function.")
    with task_directory(source.path.parent):
        return [_create(factory, args, str(source.path)) for factory in factories]


def _select_defs(defs: list[TaskDef], name: str | None, display: str) -> list[TaskDef]:
    """All ``defs``, or the one with task or function name ``name``."""
    if not defs:
        raise ValueError(f"No tasks found in {display}.")
    if name is None:
        return defs
    for task_def in defs:
        if name in (task_def.name, task_def.function):
            return [task_def]
    names = ", ".join(task_def.name for task_def in defs)
    raise ValueError(f"Task '{name}' not found in {display} (tasks: {names})")


def _create(factory: Any, args: Mapping[str, Any], file: str) -> ResolvedTask:
    """Call a ``@task`` function with the args it accepts."""
    name = registry_name(factory)
    task = factory(**task_call_args(factory, args, name))
    if not isinstance(task, Task):
        raise TypeError(f"Task function '{name}' did not return a Task.")
    resolved = ResolvedTask.of(task)
    resolved.file = file
    return resolved
