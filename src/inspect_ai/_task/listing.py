"""``list_tasks()``: the tasks defined in files and directories, found without running them."""

import os
from collections.abc import Callable
from pathlib import Path

from inspect_ai._task.discover import discover_task_files, parse_task_file
from inspect_ai._task.info import TaskInfo
from inspect_ai._task.parse import TaskDef
from inspect_ai._task.source import TaskSource


def list_tasks(
    path: str | list[str] | None = None,
    filter: Callable[[TaskInfo], bool] | None = None,
    absolute: bool = False,
    root_dir: str | None = None,
) -> list[TaskInfo]:
    """List the tasks defined in files and directories (scanned recursively).

    Files are parsed, not executed. Task names and attributes come from the ``@task``
    decorators (``name=`` and keyword arguments with literal values). Directories are
    scanned as ``eval()`` scans them (names starting with ``.`` or ``_`` and directories
    ``env``, ``venv`` and ``tests`` are skipped). Each directory's files are listed
    sorted by name before its subdirectories; tasks are in source order.

    Args:
        path: File(s) or directory(ies) to list (relative to ``root_dir``); defaults to
            ``root_dir``.
        filter: Keep only the tasks for which this returns True.
        absolute: Give absolute file paths (otherwise relative to ``root_dir``).
        root_dir: Base directory (defaults to the current working directory).
    """
    root = Path(root_dir if root_dir is not None else os.getcwd()).resolve()
    targets = [path] if isinstance(path, str) else (path or ["."])
    infos: list[TaskInfo] = []
    for target in targets:
        for source, defs in _task_files(root / target, target):
            file = str(source.path) if absolute else os.path.relpath(source.path, root)
            infos.extend(_task_info(file, task_def) for task_def in defs)
    return [info for info in infos if filter is None or filter(info)]


def _task_files(path: Path, display: str) -> list[tuple[TaskSource, list[TaskDef]]]:
    """The task files of a directory, or the given file."""
    if path.is_dir():
        return discover_task_files(path)
    if path.is_file():
        return [parse_task_file(path)]
    raise ValueError(f"Path '{display}' does not exist.")


def _task_info(file: str, task_def: TaskDef) -> TaskInfo:
    return TaskInfo(file=file, name=task_def.name, attribs=dict(task_def.attribs))
