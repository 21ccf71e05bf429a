"""``log_shared``: a copy of the buffer next to the log, for viewers on other machines.

The copy is made with SQLite's backup API into a single self-contained file (no WAL),
then written atomically to ``<log file>.buffer.db`` through ``filesystem`` (so a log dir
on S3 works), every ``log_shared`` seconds; it is removed when the eval ends.
"""

import sqlite3
from pathlib import Path

from inspect_ai._log import filesystem
from inspect_ai._log.buffer.database import remove_database

DEFAULT_SHARED_INTERVAL = 10
"""Seconds between copies when ``log_shared`` is ``True``."""


def shared_interval(value: bool | int | None) -> int | None:
    """Seconds between shared copies for a ``log_shared`` value (None: no copies)."""
    if value is None or value is False:
        return None
    if value is True:
        return DEFAULT_SHARED_INTERVAL
    if isinstance(value, int) and value > 0:
        return value
    raise ValueError(f"log_shared must be True or a number of seconds above 0 (got {value!r}).")


def copy_shared(connection: sqlite3.Connection, work_path: Path, location: str) -> None:
    """Copy the buffer open on ``connection`` to ``location`` (``work_path``: a scratch file)."""
    remove_database(work_path)
    target = sqlite3.connect(work_path)
    try:
        connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    try:
        filesystem.write_bytes_atomic(location, work_path.read_bytes())
    finally:
        remove_database(work_path)


def remove_shared(location: str) -> None:
    """Remove the shared copy at ``location`` (if there is one)."""
    filesystem.remove(location)
