"""Running samples in the directory of the task file, as relative paths there expect."""

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def run_directory(task_files: list[str | None]) -> Iterator[None]:
    """Work in the task files' directory while the block runs, if they all share one.

    Paths in a task (images, templates, sandbox files) are relative to its file. The
    working directory belongs to the whole process, so it changes only when every task
    of the eval comes from the same directory; otherwise it stays as it is.
    """
    directories = {os.path.dirname(file) for file in task_files if file is not None}
    if len(directories) != 1 or None in task_files:
        yield
        return
    previous = os.getcwd()
    os.chdir(directories.pop())
    try:
        yield
    finally:
        os.chdir(previous)
