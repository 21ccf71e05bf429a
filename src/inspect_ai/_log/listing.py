"""Listing the logs of a log directory."""

import os
from collections.abc import Callable
from typing import Any, Literal

from inspect_ai._log import filesystem
from inspect_ai._log.log_dir import default_log_dir
from inspect_ai._log.model.info import EvalLogInfo
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.names import is_log_file_name, log_info


def list_eval_logs(
    log_dir: str | None = None,
    formats: list[Literal["eval", "json"]] | None = None,
    filter: Callable[[EvalLog], bool] | None = None,
    recursive: bool = True,
    descending: bool = True,
    fs_options: dict[str, Any] | None = None,
) -> list[EvalLogInfo]:
    """List the eval logs in a directory.

    Args:
        log_dir: Directory to list (defaults to ``INSPECT_LOG_DIR``, else ``./logs``).
        formats: Formats to list (defaults to both).
        filter: Keep only logs for which this returns True (it is given the log header).
        recursive: List subdirectories too.
        descending: Most recently modified first.
        fs_options: Options for the filesystem (e.g. S3 credentials).

    Returns:
        File information for each log (``name`` is a ``file://``, ``s3://``, ... URI).
    """
    directory = log_dir or default_log_dir()
    extensions = tuple(f".{fmt}" for fmt in (formats or ["eval", "json"]))
    infos = [
        log_info(_as_uri(entry))
        for entry in filesystem.list_files(directory, recursive, fs_options)
        if entry.name.endswith(extensions) and is_log_file_name(entry.name)
    ]
    infos.sort(key=lambda info: (info.mtime or 0.0, info.name), reverse=descending)
    if filter is not None:
        infos = [info for info in infos if filter(_read_header(info.name, fs_options))]
    return infos


def _read_header(location: str, fs_options: dict[str, Any] | None) -> EvalLog:
    """The header of the log at ``location``, read with the listing's filesystem options."""
    from inspect_ai._log.eval_read import read_eval_file
    from inspect_ai._log.format import detect_format
    from inspect_ai._log.json_read import read_json_file

    if detect_format(location, "auto", fs_options) == "eval":
        return read_eval_file(location, header_only=True, fs_options=fs_options)
    return read_json_file(location, header_only=True, fs_options=fs_options)


def _as_uri(entry: filesystem.FileEntry) -> filesystem.FileEntry:
    if "://" in entry.name:
        return entry
    return filesystem.FileEntry(
        name="file://" + os.path.abspath(entry.name), size=entry.size, mtime=entry.mtime
    )
