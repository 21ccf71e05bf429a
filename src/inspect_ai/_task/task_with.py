"""``task_with()``: a task adapted with alternate values for some of its options."""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from inspect_ai._dataset.dataset import Dataset
from inspect_ai._dataset.sample import Sample
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._sandbox.spec import SandboxEnvironmentType, resolve_sandbox_spec
from inspect_ai._solver.solver import Solver
from inspect_ai._solver.state import TaskState
from inspect_ai._task.epochs import Epochs, resolve_epochs
from inspect_ai._task.normalise import (
    SolverArg,
    resolve_dataset,
    resolve_scorer,
    resolve_setup,
    resolve_solver,
)
from inspect_ai._task.not_given import NOT_GIVEN, NotGiven
from inspect_ai._task.task import Task

_NORMALISERS: dict[str, Callable[[Any], Any]] = {
    "dataset": resolve_dataset,
    "setup": resolve_setup,
    "solver": resolve_solver,
    "scorer": resolve_scorer,
    "sandbox": resolve_sandbox_spec,
    "epochs": resolve_epochs,
}


def task_with(
    task: Task,
    *,
    dataset: Dataset | Sequence[Sample] | None | NotGiven = NOT_GIVEN,
    setup: Solver | Sequence[Solver] | None | NotGiven = NOT_GIVEN,
    solver: SolverArg | NotGiven = NOT_GIVEN,
    cleanup: Callable[[TaskState], Awaitable[None]] | None | NotGiven = NOT_GIVEN,
    scorer: Any | NotGiven = NOT_GIVEN,
    metrics: Any | NotGiven = NOT_GIVEN,
    model: Any | NotGiven = NOT_GIVEN,
    config: GenerateConfig | NotGiven = NOT_GIVEN,
    model_roles: dict[str, Any] | None | NotGiven = NOT_GIVEN,
    sandbox: SandboxEnvironmentType | None | NotGiven = NOT_GIVEN,
    approval: Any | NotGiven = NOT_GIVEN,
    epochs: int | Epochs | None | NotGiven = NOT_GIVEN,
    fail_on_error: bool | float | None | NotGiven = NOT_GIVEN,
    message_limit: int | None | NotGiven = NOT_GIVEN,
    token_limit: int | None | NotGiven = NOT_GIVEN,
    time_limit: int | None | NotGiven = NOT_GIVEN,
    working_limit: int | None | NotGiven = NOT_GIVEN,
    name: str | None | NotGiven = NOT_GIVEN,
    version: int | str | NotGiven = NOT_GIVEN,
    metadata: dict[str, Any] | None | NotGiven = NOT_GIVEN,
) -> Task:
    """Task adapted with alternate values for one or more options.

    This function modifies the passed task in place and returns it. To create several
    variations of one task, create the underlying task several times. Options not given
    keep their values; values are normalised as ``Task()`` normalises them. ``name=None``
    drops an explicit name (the task takes its ``@task`` name again).

    Args:
        task: Task to adapt.
        dataset: Dataset to evaluate.
        setup: Setup step (always run even when the main ``solver`` is replaced).
        solver: Solver, list of solvers or ``Plan``.
        cleanup: Cleanup function called after the solvers of each sample.
        scorer: Scorer(s) used to evaluate model output.
        metrics: Alternative metrics (overrides the metrics provided by the scorer).
        model: Default model for the task.
        config: Model generation config for the default model.
        model_roles: Named roles for use in ``get_model()``.
        sandbox: Sandbox environment type (or shorthand spec).
        approval: Tool use approval policies.
        epochs: Epochs to repeat samples for and optional score reducers.
        fail_on_error: Failure threshold for sample errors.
        message_limit: Limit on total messages used for each sample.
        token_limit: Limit on total tokens used for each sample.
        time_limit: Limit on clock time (in seconds) for samples.
        working_limit: Limit on working time (in seconds) for samples.
        name: Task name.
        version: Version of the task.
        metadata: Additional metadata to associate with the task.
    """
    changes: dict[str, Any] = {
        "dataset": dataset,
        "setup": setup,
        "solver": solver,
        "cleanup": cleanup,
        "scorer": scorer,
        "metrics": metrics,
        "model": model,
        "config": config,
        "model_roles": model_roles,
        "sandbox": sandbox,
        "approval": approval,
        "epochs": epochs,
        "fail_on_error": fail_on_error,
        "message_limit": message_limit,
        "token_limit": token_limit,
        "time_limit": time_limit,
        "working_limit": working_limit,
        "name": name,
        "version": version,
        "metadata": metadata,
    }
    for key, value in changes.items():
        if not isinstance(value, NotGiven):
            setattr(task, key, _normalise(key, value))
    return task


def _normalise(key: str, value: Any) -> Any:
    """``value`` for the option ``key`` in the form ``Task`` stores it."""
    normaliser = _NORMALISERS.get(key)
    return normaliser(value) if normaliser is not None else value
