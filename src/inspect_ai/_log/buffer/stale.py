"""Removing the buffers of evals whose process died (killed, crashed) without cleaning up."""

import os
import socket
import sqlite3
import sys
import time
from pathlib import Path

from inspect_ai._log.buffer.database import connect_reader, read_meta, remove_database

UNREADABLE_AGE = 3600.0
"""Seconds after which a buffer whose owner cannot be read is removed."""


def buffer_meta(pid: int | None = None) -> dict[str, str]:
    """The ``meta`` rows identifying the writing process (this one by default)."""
    return {"pid": str(os.getpid() if pid is None else pid), "host": socket.gethostname()}


def writer_alive(meta: dict[str, str]) -> bool | None:
    """Whether the process that writes a buffer is running (None: cannot tell from here)."""
    if meta.get("host") != socket.gethostname() or sys.platform == "win32":
        return None
    try:
        os.kill(int(meta.get("pid", "")), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except ValueError:
        return None
    return True


def remove_stale_buffers(directory: Path, keep: Path) -> list[Path]:
    """Remove the buffers in ``directory`` whose writer died; returns the removed paths."""
    removed: list[Path] = []
    for path in directory.glob("*.db"):
        if path != keep and _is_stale(path):
            remove_database(path)
            removed.append(path)
    return removed


def _is_stale(path: Path) -> bool:
    try:
        connection = connect_reader(path)
        try:
            meta = read_meta(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        try:
            return time.time() - path.stat().st_mtime > UNREADABLE_AGE
        except FileNotFoundError:
            return False
    return writer_alive(meta) is False
