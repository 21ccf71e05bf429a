"""Writing eval logs in either format."""

from typing import Literal

from inspect_ai._log.eval_write import write_eval_file
from inspect_ai._log.format import format_for_writing
from inspect_ai._log.gc_pause import gc_paused
from inspect_ai._log.json_write import write_json_file
from inspect_ai._log.model.info import EvalLogInfo
from inspect_ai._log.model.log import EvalLog


def write_eval_log(
    log: EvalLog,
    location: str | EvalLogInfo | None = None,
    format: Literal["eval", "json", "auto"] = "auto",
) -> None:
    """Write an evaluation log.

    Args:
        log: The log to write.
        location: Where to write it (defaults to ``log.location``).
        format: Format to write (``auto`` writes ``.json`` files as JSON, others as eval).
    """
    target = location.name if isinstance(location, EvalLogInfo) else location
    target = target or log.location
    if not target:
        raise ValueError("write_eval_log: no location given and the log has no location")
    with gc_paused():
        if format_for_writing(target, format) == "eval":
            write_eval_file(log, target)
        else:
            write_json_file(log, target)
    log.location = target
