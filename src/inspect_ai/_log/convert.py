"""Converting logs between the ``.eval`` and ``.json`` formats."""

from typing import Literal

from inspect_ai._log import filesystem
from inspect_ai._log.listing import list_eval_logs
from inspect_ai._log.read import read_eval_log
from inspect_ai._log.write import write_eval_log


def convert_eval_logs(
    path: str, to: Literal["eval", "json"], output_dir: str, overwrite: bool = False
) -> None:
    """Convert a log file, or every log in a directory, to another format.

    Files already in the target format are copied. The directory layout below ``path``
    is kept in ``output_dir``.

    Args:
        path: A log file or a directory of logs.
        to: Format to convert to.
        output_dir: Directory to write the converted logs to.
        overwrite: Replace existing files (otherwise an existing file is an error).
    """
    if to not in ("eval", "json"):
        raise ValueError(f"Cannot convert logs to '{to}' (use 'eval' or 'json').")
    if filesystem.is_dir(path):
        for info in list_eval_logs(path, recursive=True):
            relative = filesystem.relative_path(info.name, path) or filesystem.basename(info.name)
            _convert_file(info.name, to, filesystem.join(output_dir, relative), overwrite)
    else:
        _convert_file(path, to, filesystem.join(output_dir, filesystem.basename(path)), overwrite)


def _convert_file(source: str, to: Literal["eval", "json"], target: str, overwrite: bool) -> None:
    stem = target.rsplit(".", 1)[0] if "." in filesystem.basename(target) else target
    destination = f"{stem}.{to}"
    if filesystem.exists(destination) and not overwrite:
        raise FileExistsError(
            f"{destination} already exists (pass overwrite=True / --overwrite to replace it)"
        )
    filesystem.make_dirs(filesystem.dirname(destination))
    if source.endswith(f".{to}"):
        filesystem.copy_file(source, destination)
        return
    write_eval_log(read_eval_log(source), destination, format=to)
