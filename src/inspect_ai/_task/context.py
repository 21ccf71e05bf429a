"""Running code from a task file's directory (as cwd and on ``sys.path``)."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def task_directory(directory: Path) -> Iterator[None]:
    """Make ``directory`` the working directory and the first ``sys.path`` entry meanwhile.

    Relative paths in task code (``json_dataset("security_guide.jsonl")``) then resolve
    against the task file's directory, and the file can import its sibling modules.
    """
    entry = str(directory)
    previous = os.getcwd()
    added = entry not in sys.path
    if added:
        sys.path.insert(0, entry)
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)
        if added and entry in sys.path:
            sys.path.remove(entry)
