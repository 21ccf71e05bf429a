"""A manifest of a log directory: every log's header, keyed by file name."""

from typing import Any

from inspect_ai._json.encode import data_to_json
from inspect_ai._log import filesystem
from inspect_ai._log.listing import list_eval_logs
from inspect_ai._log.read import read_eval_log
from inspect_ai._log.serialize import header_jsonable


def write_log_dir_manifest(
    log_dir: str,
    filename: str = "logs.json",
    output_dir: str | None = None,
    fs_options: dict[str, Any] | None = None,
) -> None:
    """Write a manifest of a log directory.

    The manifest maps each log's file name (relative to ``log_dir``) to its header
    (the log without samples).

    Args:
        log_dir: Log directory.
        filename: Manifest file name (defaults to ``logs.json``).
        output_dir: Directory to write the manifest to (defaults to ``log_dir``).
        fs_options: Options for the filesystem (e.g. S3 credentials).
    """
    manifest: dict[str, Any] = {}
    for info in list_eval_logs(log_dir, recursive=True, fs_options=fs_options):
        relative = filesystem.relative_path(info.name, log_dir) or info.name
        manifest[relative] = header_jsonable(read_eval_log(info, header_only=True))
    target = filesystem.join(output_dir or log_dir, filename)
    filesystem.write_bytes_atomic(target, data_to_json(manifest, indent=2), fs_options)
