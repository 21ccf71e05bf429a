"""Which files of a directory tree are scanned for tasks."""

import os
from pathlib import Path

from inspect_ai._task.source import TASK_FILE_SUFFIXES

SKIPPED_DIRS = frozenset({"env", "venv", "tests"})
"""Directories never scanned for tasks."""


def scan_task_files(directory: Path) -> list[Path]:
    """Candidate task files (``.py``, ``.ipynb``) under ``directory``.

    Each directory's files come first (sorted by name), then its subdirectories (sorted,
    each scanned the same way). Names starting with ``.`` or ``_`` are skipped, as are directories named ``env``,
    ``venv`` and ``tests``.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(name for name in dirs if _scanned_dir(name))
        found.extend(Path(root, name) for name in sorted(files) if _scanned_file(name))
    return found


def is_task_file(path: Path) -> bool:
    """Whether ``path`` has the suffix of a task file."""
    return path.suffix.lower() in TASK_FILE_SUFFIXES


def _scanned_dir(name: str) -> bool:
    return not _hidden(name) and name not in SKIPPED_DIRS


def _scanned_file(name: str) -> bool:
    return not _hidden(name) and is_task_file(Path(name))


def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))
