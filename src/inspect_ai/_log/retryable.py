"""Finding the logs of evals that did not finish and were not finished since."""

from inspect_ai._log.model.info import EvalLogInfo
from inspect_ai._log.read import read_eval_log

RETRYABLE_STATUSES = ("error", "cancelled", "started")


def retryable_eval_logs(logs: list[EvalLogInfo]) -> list[EvalLogInfo]:
    """The logs that can be retried.

    A log is retryable when its status is ``error`` or ``cancelled`` (or ``started``,
    for a process that was killed) and no log of the same task id succeeded. For each
    task id only the most recent such log is returned.

    Args:
        logs: Logs to examine (e.g. from ``list_eval_logs()``).
    """
    statuses = {log.name: read_eval_log(log, header_only=True).status for log in logs}
    succeeded = {log.task_id for log in logs if statuses[log.name] == "success"}
    latest: dict[str, EvalLogInfo] = {}
    for log in logs:
        if statuses[log.name] not in RETRYABLE_STATUSES or log.task_id in succeeded:
            continue
        key = log.task_id or log.name
        current = latest.get(key)
        if current is None or (log.mtime or 0.0) > (current.mtime or 0.0):
            latest[key] = log
    return [log for log in logs if latest.get(log.task_id or log.name) is log]
