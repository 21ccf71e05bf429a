"""Log file names: building them for new logs and parsing them into ``EvalLogInfo``."""

import os
import re
from datetime import datetime

from inspect_ai._log.filesystem import FileEntry, basename
from inspect_ai._log.model.info import EvalLogInfo

LOG_EXTENSIONS = (".eval", ".json")
DEFAULT_FILE_PATTERN = "{task}_{id}"
FILE_PATTERN_VARIABLE = "INSPECT_EVAL_LOG_FILE_PATTERN"

_TIMESTAMP = re.compile(
    r"^(\d{4}-\d{2}-\d{2}T\d{2}[-:]\d{2}[-:]\d{2}(?:[-+]\d{2}[-:]?\d{2}|Z)?)_(.+)$"
)
_TASK_ID = re.compile(r"^(.*)_([A-Za-z0-9]{22})(-.*)?$")
_UNSAFE = re.compile(r"[_/:+\\ ]")


def safe_name(text: str) -> str:
    """``text`` with the characters not used in log file names replaced by ``-``."""
    return _UNSAFE.sub("-", text)


def log_file_name(
    created: str, task: str, task_id: str, model: str, extension: str, pattern: str | None = None
) -> str:
    """The file name of a new log: ``{created}_{task}_{task_id}.{eval|json}`` by default.

    ``INSPECT_EVAL_LOG_FILE_PATTERN`` (or ``pattern``) may change the part after the
    timestamp, using the placeholders ``{task}``, ``{id}`` and ``{model}``.
    """
    timestamp = safe_name(datetime.fromisoformat(created).isoformat(timespec="seconds"))
    template = pattern or os.environ.get(FILE_PATTERN_VARIABLE) or DEFAULT_FILE_PATTERN
    rest = template.format(task=safe_name(task), id=task_id, model=safe_name(model))
    return f"{timestamp}_{rest}.{extension.lstrip('.')}"


def is_log_file_name(name: str) -> bool:
    """Whether a file name is that of a log: any ``.eval``, or a ``.json`` with a timestamp."""
    base = basename(name)
    if base.endswith(".eval"):
        return True
    return base.endswith(".json") and _TIMESTAMP.match(base) is not None


def log_info(entry: FileEntry) -> EvalLogInfo:
    """``EvalLogInfo`` for a listed log file, with task, task id and suffix from its name."""
    task, task_id, suffix = parse_log_file_name(entry.name)
    return EvalLogInfo(
        name=entry.name,
        type="file",
        size=entry.size,
        mtime=entry.mtime,
        task=task,
        task_id=task_id,
        suffix=suffix,
    )


def parse_log_file_name(name: str) -> tuple[str, str, str | None]:
    """The task, task id and suffix encoded in a log file name (``""`` when absent)."""
    stem = basename(name)
    for extension in LOG_EXTENSIONS:
        if stem.endswith(extension):
            stem = stem[: -len(extension)]
            break
    timestamped = _TIMESTAMP.match(stem)
    if timestamped is None:
        return stem, "", None
    rest = timestamped.group(2)
    with_id = _TASK_ID.match(rest)
    if with_id is None:
        return rest, "", None
    return with_id.group(1), with_id.group(2), with_id.group(3) or None
