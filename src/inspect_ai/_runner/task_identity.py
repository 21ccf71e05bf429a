"""Which task an eval log is of: the identity eval sets match logs to tasks by."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._model.model import Model
from inspect_ai._registry.params import jsonable_params
from inspect_ai._registry.registry import registry_name
from inspect_ai._runner.spec import relative_task_file
from inspect_ai._task.task import Task


@dataclass(frozen=True)
class TaskIdentity:
    """A task with its arguments, run against a model with its arguments."""

    task: str
    task_file: str | None
    task_args: dict[str, Any]
    model: str
    model_args: dict[str, Any]
    solver: str | None

    @property
    def key(self) -> str:
        """A short hash of the identity (equal identities, equal keys)."""
        data = json.dumps(self.__dict__, sort_keys=True, default=str)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> str:
        """The identity for people: ``task (model)``, with arguments if it has any."""
        args = ", ".join(f"{name}={value!r}" for name, value in sorted(self.task_args.items()))
        return f"{self.task}{f'({args})' if args else ''} ({self.model})"


def spec_identity(spec: EvalSpec) -> TaskIdentity:
    """The identity of the task a log is of."""
    return TaskIdentity(
        task=spec.task_registry_name or spec.task,
        task_file=spec.task_file,
        task_args=_json(spec.task_args),
        model=spec.model,
        model_args=_json(spec.model_args),
        solver=spec.solver,
    )


def run_identity(task: Task, model: Model, solver: Any, working_dir: str) -> TaskIdentity:
    """The identity of a task about to run against ``model`` (as its log will record it)."""
    return TaskIdentity(
        task=task.task_registry_name or task.name,
        task_file=relative_task_file(task.task_file, working_dir),
        task_args=_json(jsonable_params(task.task_args)),
        model=str(model),
        model_args=_json(jsonable_params(model.model_args)),
        solver=registry_name(solver) if solver is not None else None,
    )


def _json(value: dict[str, Any]) -> dict[str, Any]:
    """``value`` as it reads back from a log (tuples become lists, and so on)."""
    result: dict[str, Any] = json.loads(json.dumps(value, default=str))
    return result
