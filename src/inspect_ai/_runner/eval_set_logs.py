"""The log directory of an eval set: ``eval-set.json``, and the latest log of each task."""

import json
from dataclasses import dataclass, field

from inspect_ai._log import filesystem
from inspect_ai._log.listing import list_eval_logs
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.read import read_eval_log
from inspect_ai._runner.task_identity import TaskIdentity, spec_identity

EVAL_SET_FILE = "eval-set.json"
"""The file describing the set, in its log directory."""


@dataclass(frozen=True)
class SetLog:
    """A log in the set's directory, with its header and the identity of its task."""

    location: str
    header: EvalLog
    identity: TaskIdentity
    mtime: float


@dataclass
class SetLogs:
    """What the set's log directory holds."""

    log_dir: str
    eval_set_id: str | None = None
    latest: dict[str, SetLog] = field(default_factory=dict)
    """The latest log of each task of the set, by identity key."""

    def complete(self, identities: list[TaskIdentity]) -> bool:
        """Whether every task of the set has a log that succeeded."""
        return all(
            identity.key in self.latest and self.latest[identity.key].header.status == "success"
            for identity in identities
        )

    def write_info(self, eval_set_id: str, identities: list[TaskIdentity]) -> None:
        """Write ``eval-set.json``: the set's id and its tasks."""
        info = {
            "eval_set_id": eval_set_id,
            "tasks": [
                {
                    "name": identity.task,
                    "task_file": identity.task_file,
                    "task_args": identity.task_args,
                    "model": identity.model,
                    "model_args": identity.model_args,
                    "solver": identity.solver,
                    "key": identity.key,
                }
                for identity in identities
            ],
        }
        data = json.dumps(info, indent=2).encode("utf-8")
        filesystem.make_dirs(self.log_dir)
        filesystem.write_bytes_atomic(filesystem.join(self.log_dir, EVAL_SET_FILE), data)


def read_set_logs(log_dir: str, identities: list[TaskIdentity]) -> SetLogs:
    """The set's log directory, refused if it holds a different set of tasks.

    Raises:
        ValueError: ``eval-set.json`` lists other tasks, or a log in the directory is of
            a task that is not in the set (naming the difference).
    """
    wanted = {identity.key: identity for identity in identities}
    set_logs = SetLogs(log_dir)
    info_file = filesystem.join(log_dir, EVAL_SET_FILE)
    if filesystem.exists(info_file):
        info = json.loads(filesystem.read_bytes(info_file))
        set_logs.eval_set_id = info.get("eval_set_id")
        listed = {task["key"]: _describe(task) for task in info.get("tasks", [])}
        _refuse_other_tasks(log_dir, listed, wanted)
    logs = _set_logs(log_dir)
    strangers = {log.identity.key: log.identity.describe() for log in logs}
    strangers = {key: name for key, name in strangers.items() if key not in wanted}
    if strangers:
        raise ValueError(
            f"Log dir '{log_dir}' holds logs of tasks that are not in this eval set: "
            f"{', '.join(sorted(strangers.values()))} (use another log dir for a different set)."
        )
    set_logs.latest = _latest(logs)
    return set_logs


def latest_logs(log_dir: str, identities: list[TaskIdentity]) -> dict[str, SetLog]:
    """The latest log of each task of the set (a successful one if it has one)."""
    keys = {identity.key for identity in identities}
    return {key: log for key, log in _latest(_set_logs(log_dir)).items() if key in keys}


def remove_superseded(log_dir: str, identities: list[TaskIdentity]) -> None:
    """Remove the logs of failed attempts of the tasks that have since succeeded."""
    logs = _set_logs(log_dir)
    latest = _latest(logs)
    keys = {identity.key for identity in identities}
    for log in logs:
        best = latest.get(log.identity.key)
        if (
            log.identity.key in keys
            and best is not None
            and best.header.status == "success"
            and log.location != best.location
            and log.header.status != "success"
        ):
            filesystem.remove(log.location)


def _set_logs(log_dir: str) -> list[SetLog]:
    """Every log directly in ``log_dir``, with its header."""
    if not filesystem.exists(log_dir):
        return []
    logs: list[SetLog] = []
    for info in list_eval_logs(log_dir, recursive=False):
        location = filesystem.absolute(info.name)  # a plain path for local logs
        header = read_eval_log(location, header_only=True)
        logs.append(SetLog(location, header, spec_identity(header.eval), info.mtime or 0.0))
    return logs


def _latest(logs: list[SetLog]) -> dict[str, SetLog]:
    """Per task: its most recent successful log, else its most recent log."""
    latest: dict[str, SetLog] = {}
    for log in logs:
        current = latest.get(log.identity.key)
        if current is None or _rank(log) > _rank(current):
            latest[log.identity.key] = log
    return latest


def _rank(log: SetLog) -> tuple[bool, str, float]:
    return log.header.status == "success", log.header.eval.created, log.mtime


def _refuse_other_tasks(
    log_dir: str, listed: dict[str, str], wanted: dict[str, TaskIdentity]
) -> None:
    missing = [name for key, name in listed.items() if key not in wanted]
    added = [identity.describe() for key, identity in wanted.items() if key not in listed]
    if not missing and not added:
        return
    parts = []
    if missing:
        parts.append(f"not in this set: {', '.join(sorted(missing))}")
    if added:
        parts.append(f"not in the log dir's set: {', '.join(sorted(added))}")
    raise ValueError(
        f"Log dir '{log_dir}' holds an eval set of different tasks ({'; '.join(parts)}); "
        "use another log dir for a different set."
    )


def _describe(task: dict[str, object]) -> str:
    identity = TaskIdentity(
        task=str(task.get("name")),
        task_file=None,
        task_args=dict(task.get("task_args") or {}),  # type: ignore[call-overload]
        model=str(task.get("model")),
        model_args={},
        solver=None,
    )
    return identity.describe()
