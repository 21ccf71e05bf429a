"""Which of the two formats a log file is in: by extension, else by its first bytes."""

import os
from typing import Any, Literal, TypeAlias

from inspect_ai._log import filesystem
from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.model.info import EvalLogInfo

LogFormat: TypeAlias = Literal["eval", "json"]
"""A log file format."""

_ZIP_MAGIC = b"PK\x03\x04"


def log_location(log_file: "str | os.PathLike[str] | EvalLogInfo") -> str:
    """The path or URI of a log given as a string, a path or an ``EvalLogInfo``."""
    if isinstance(log_file, EvalLogInfo):
        return log_file.name
    return os.fspath(log_file)


def require_exists(location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Raise a one-line ``FileNotFoundError`` when there is no file at ``location``."""
    if filesystem.is_local(location):
        path = filesystem.local_path(location)
        if os.path.isdir(path):
            raise LogFormatError(f"{location}: is a directory, not a log file")
        if not os.path.exists(path):
            raise FileNotFoundError(f"Log file not found: {location}")
    elif not filesystem.exists(location, fs_options):
        raise FileNotFoundError(f"Log file not found: {location}")


def detect_format(
    location: str, format: Literal["eval", "json", "auto"] = "auto", fs_options: Any = None
) -> LogFormat:
    """The format of the log at ``location``: given, from its extension, or sniffed."""
    if format != "auto":
        return format
    if location.endswith(".eval"):
        return "eval"
    if location.endswith(".json"):
        return "json"
    with filesystem.open_binary(location, fs_options) as file:
        start = file.read(64)
    if start.startswith(_ZIP_MAGIC):
        return "eval"
    if start.lstrip().startswith(b"{"):
        return "json"
    raise LogFormatError(f"{location}: not an eval log (neither a .eval archive nor JSON)")


def format_for_writing(location: str, format: Literal["eval", "json", "auto"]) -> LogFormat:
    """The format to write ``location`` in (``.json`` files as JSON, otherwise eval)."""
    if format != "auto":
        return format
    return "json" if location.endswith(".json") else "eval"
