"""Task files and the ``@task`` functions they define, found without executing them."""

from pathlib import Path

from inspect_ai._task.parse import TaskDef, task_defs
from inspect_ai._task.scan import scan_task_files
from inspect_ai._task.source import TaskSource, read_task_source


def parse_task_file(path: Path) -> tuple[TaskSource, list[TaskDef]]:
    """The code of a task file and its ``@task`` functions (source order)."""
    source = read_task_source(path)
    return source, task_defs(source.parse())


def discover_task_files(directory: Path) -> list[tuple[TaskSource, list[TaskDef]]]:
    """The files under ``directory`` that define tasks, in ``scan_task_files`` order."""
    found: list[tuple[TaskSource, list[TaskDef]]] = []
    for path in scan_task_files(directory):
        source, defs = parse_task_file(path)
        if defs:
            found.append((source, defs))
    return found
