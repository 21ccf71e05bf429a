"""Writing ``.json`` logs: the whole ``EvalLog`` as one indented JSON document."""

from typing import Any

from inspect_ai._json.encode import data_to_json
from inspect_ai._log import filesystem
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.serialize import header_jsonable, reductions_jsonable, sample_jsonable


def json_log_bytes(log: EvalLog) -> bytes:
    """The JSON document of ``log`` (indent 2, samples with long content attached)."""
    document: dict[str, Any] = header_jsonable(log)
    if log.samples is not None:
        document["samples"] = [sample_jsonable(sample) for sample in log.samples]
    if log.reductions is not None:
        document["reductions"] = reductions_jsonable(log.reductions)
    return data_to_json(document, indent=2)


def write_json_file(log: EvalLog, location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Write ``log`` as a ``.json`` document at ``location`` (atomically)."""
    filesystem.write_bytes_atomic(location, json_log_bytes(log), fs_options)
