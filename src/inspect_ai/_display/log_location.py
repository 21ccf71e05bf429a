"""How the displays name a log file: relative to the working directory, with a link."""

import os
from pathlib import Path

from inspect_ai._log import filesystem


def display_location(location: str) -> str:
    """``./logs/x.eval`` for a log inside the working directory, else the path or URI."""
    if not filesystem.is_local(location):
        return location
    path = os.path.realpath(os.path.expanduser(filesystem.local_path(location)))
    cwd = os.path.realpath(os.getcwd())
    try:
        inside = os.path.commonpath([path, cwd]) == cwd
    except ValueError:  # different drives
        inside = False
    return f".{os.sep}{os.path.relpath(path, cwd)}" if inside else path


def location_link(location: str) -> str | None:
    """A ``file://`` URI for a local log (terminals make it clickable); ``None`` otherwise."""
    if not filesystem.is_local(location):
        return None
    path = os.path.abspath(os.path.expanduser(filesystem.local_path(location)))
    return Path(path).as_uri()
