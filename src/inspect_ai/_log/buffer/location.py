"""Where sample buffers live: ``<user data dir>/inspect_ai/samplebuffer/<hash>.db``.

``INSPECT_DATA_DIR`` (when set) replaces ``<user data dir>/inspect_ai``. A log's shared
copy (``log_shared``) sits next to the log as ``<log file>.buffer.db``.
"""

import hashlib
import os
import sys
from pathlib import Path

from inspect_ai._log import filesystem

DATA_DIR_VARIABLE = "INSPECT_DATA_DIR"
"""Environment variable overriding the directory of Inspect's data."""

SHARED_SUFFIX = ".buffer.db"
"""Appended to a log's location to name its shared buffer copy."""


def buffer_dir() -> Path:
    """The directory holding the sample buffers of running evals."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    root = Path(override).expanduser() if override else _user_data_dir() / "inspect_ai"
    return root / "samplebuffer"


def buffer_path(log_location: str) -> Path:
    """The sample buffer database of the log at ``log_location``."""
    key = hashlib.sha256(filesystem.absolute(log_location).encode()).hexdigest()[:32]
    return buffer_dir() / f"{key}.db"


def shared_location(log_location: str) -> str:
    """Where ``log_shared`` copies the buffer of the log at ``log_location``."""
    return filesystem.absolute(log_location) + SHARED_SUFFIX


def _user_data_dir() -> Path:
    """The user's data directory: XDG on Linux, ``~/Library/Application Support``, ``%LOCALAPPDATA%``."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else Path.home() / "AppData" / "Local"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
