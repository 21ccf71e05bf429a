"""``resolve_tasks()``: every form of ``Tasks`` turned into created tasks."""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from inspect_ai._registry.factory import bound_params
from inspect_ai._registry.registry import is_registry_object, registry_find, registry_name
from inspect_ai._task.args import resolve_task_args, task_call_args
from inspect_ai._task.decorator import function_file
from inspect_ai._task.discover import discover_task_files, parse_task_file
from inspect_ai._task.file_tasks import resolve_source_tasks
from inspect_ai._task.info import TaskInfo
from inspect_ai._task.module import load_task_module
from inspect_ai._task.parse import TaskDef
from inspect_ai._task.resolved import ResolvedTask
from inspect_ai._task.scan import is_task_file
from inspect_ai._task.source import TaskSource
from inspect_ai._task.task import Task, record_task_origin
from inspect_ai._task.tasks import Tasks


def resolve_tasks(
    tasks: Tasks, task_args: Mapping[str, Any] | str | None = None
) -> list[ResolvedTask]:
    """Create the tasks named by ``tasks``, passing them ``task_args``.

    Accepts: None (the tasks under the current directory), a task file (``file.py``,
    ``file.ipynb``), ``file.py@name``, a directory (scanned recursively), a registered task
    name, a ``TaskInfo``, a ``Task``, a task function (decorated with ``@task`` or not), a
    ``Task`` subclass, a ``ResolvedTask``, or a list of these.

    Args:
        tasks: The tasks.
        task_args: Task arguments: a dict, or the path of a JSON or YAML file. Each task
            function receives those it accepts (see ``inspect_ai._task.args``); created
            ``Task`` objects are taken as they are.
    """
    args = resolve_task_args(task_args)
    if tasks is None:
        return _resolve_directory(Path.cwd(), args, "the current directory")
    items: list[Any] = list(tasks) if isinstance(tasks, list | tuple) else [tasks]
    return [resolved for item in items for resolved in _resolve_item(item, args)]


def _resolve_item(item: object, args: Mapping[str, Any]) -> list[ResolvedTask]:
    """The tasks of one item of ``Tasks``."""
    if isinstance(item, ResolvedTask):
        return [item]
    if isinstance(item, Task):
        return [ResolvedTask.of(item)]
    if isinstance(item, TaskInfo):
        return _resolve_file(Path(item.file), item.name, args, item.file)
    if isinstance(item, str):
        return _resolve_string(item, args)
    if callable(item):
        return [_resolve_callable(item, args)]
    raise TypeError(f"Cannot resolve a task from {item!r}.")


def _resolve_string(spec: str, args: Mapping[str, Any]) -> list[ResolvedTask]:
    """A directory, a task file, ``file@name``, or a registered task name."""
    path = Path(spec)
    if path.is_dir():
        return _resolve_directory(path, args, f"directory {spec}")
    if path.is_file():
        return _resolve_file(path, None, args, spec)
    file, separator, name = spec.rpartition("@")
    if separator and Path(file).is_file():
        return _resolve_file(Path(file), name, args, file)
    if is_task_file(Path(file if separator else spec)):
        raise ValueError(f"Task file '{file if separator else spec}' does not exist.")
    factory = registry_find("task", spec)
    if callable(factory):
        return [_resolve_callable(factory, args)]
    raise ValueError(f"No task file, directory or registered task named '{spec}'.")


def _resolve_file(
    path: Path, name: str | None, args: Mapping[str, Any], display: str
) -> list[ResolvedTask]:
    """The tasks of a task file (all, or the one named ``name``)."""
    if not path.is_file():
        raise ValueError(f"Task file '{display}' does not exist.")
    if not is_task_file(path):
        raise ValueError(f"'{display}' is not a task file (.py or .ipynb).")
    source, defs = parse_task_file(path)
    return resolve_source_tasks(source, defs, name, args, display)


def _resolve_directory(
    directory: Path, args: Mapping[str, Any], display: str
) -> list[ResolvedTask]:
    """The tasks of every task file under ``directory``; none found is an error."""
    resolved: list[ResolvedTask] = []
    for source, defs in discover_task_files(directory):
        resolved.extend(resolve_source_tasks(source, defs, None, args, str(source.path)))
    if not resolved:
        raise ValueError(f"No tasks found in {display}.")
    return resolved


def _resolve_callable(factory: Callable[..., Any], args: Mapping[str, Any]) -> ResolvedTask:
    """Call a task function or ``Task`` subclass with the args it accepts.

    A task from an undecorated function or class records the function's name, file and
    arguments, as ``@task`` would.
    """
    decorated = is_registry_object(factory, "task")
    name = registry_name(factory)
    kwargs = task_call_args(factory, args, name)
    task = factory(**kwargs)
    if not isinstance(task, Task):
        raise TypeError(f"Task function '{name}' did not return a Task.")
    if not decorated and task.task_registry_name is None:
        params, passed = bound_params(factory, (), kwargs)
        record_task_origin(
            task, name=name, file=function_file(factory), args=params, args_passed=passed
        )
    return ResolvedTask.of(task)


def load_task_files(tasks: Tasks) -> None:
    """Execute the task files ``tasks`` names, without creating any task.

    This registers what the files define (``@modelapi`` providers, ``@solver``s), so the
    models of an eval can be resolved before its tasks are created.
    """
    items: list[Any] = list(tasks) if isinstance(tasks, list | tuple) else [tasks]
    for item in items:
        if isinstance(item, TaskInfo):
            item = item.file
        if isinstance(item, str):
            for source, _defs in _task_sources(item):
                load_task_module(source)


def _task_sources(spec: str) -> list[tuple[TaskSource, list[TaskDef]]]:
    """The task files a task string refers to (none if it names no file or directory)."""
    path = Path(spec)
    if path.is_dir():
        return discover_task_files(path)
    file, separator, _name = spec.rpartition("@")
    candidate = Path(file) if separator and not path.is_file() else path
    if candidate.is_file() and is_task_file(candidate):
        return [parse_task_file(candidate)]
    return []
