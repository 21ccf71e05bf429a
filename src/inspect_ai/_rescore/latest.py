"""The latest log of a task file (``inspect score task.py`` scores the last eval)."""

from pathlib import Path

from inspect_ai._log.listing import list_eval_logs
from inspect_ai._log.model.log import EvalLog


def latest_task_log(task_file: str, log_dir: str | None) -> str:
    """The most recent log in ``log_dir`` written by a task of ``task_file``.

    Raises:
        ValueError: No log in ``log_dir`` comes from that file.
    """
    wanted = Path(task_file).resolve()

    def from_task_file(log: EvalLog) -> bool:
        recorded = log.eval.task_file
        return recorded is not None and Path(recorded).resolve() == wanted

    logs = list_eval_logs(log_dir, filter=from_task_file)
    if not logs:
        raise ValueError(f"No log of a task in {task_file} found in {log_dir or './logs'}.")
    return logs[0].name
