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
        from inspect_ai._log.read import read_eval_log

        infos = [info for info in infos if filter(read_eval_log(info, header_only=True))]
    return infos


def _as_uri(entry: filesystem.FileEntry) -> filesystem.FileEntry:
    if "://" in entry.name:
        return entry
    return filesystem.FileEntry(
        name="file://" + os.path.abspath(entry.name), size=entry.size, mtime=entry.mtime
    )
