"""``Task``: a dataset, the solvers that run on each sample, and how outputs are scored."""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from inspect_ai._dataset.dataset import Dataset
from inspect_ai._dataset.sample import Sample
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._sandbox.spec import (
    SandboxEnvironmentSpec,
    SandboxEnvironmentType,
    resolve_sandbox_spec,
)
from inspect_ai._solver.plan import Plan
from inspect_ai._solver.solver import Solver
from inspect_ai._solver.state import TaskState
from inspect_ai._task.epochs import Epochs, resolve_epochs
from inspect_ai._task.normalise import (
    SolverArg,
    resolve_dataset,
    resolve_scorer,
    resolve_setup,
    resolve_solver,
    solver_steps,
)

DEFAULT_TASK_NAME = "task"
"""Name of a task that has no explicit name and was not made by a ``@task`` function."""

_DEPRECATED_ALIASES = {"plan": "solver", "max_messages": "message_limit"}


class Task:
    """Evaluation task.

    Tasks are the basis for defining and running evaluations.

    Args:
        dataset: Dataset to evaluate (a ``Dataset`` or a list of samples). Defaults to one
            sample with the input "prompt".
        setup: Setup step (always run even when the main ``solver`` is replaced).
        solver: Solver, list of solvers (run in order) or ``Plan``. Defaults to
            ``generate()``, a normal call to the model.
        cleanup: Called after all solvers have run for each sample (including if an
            exception occurs during the run).
        scorer: Scorer (or list of scorers) used to evaluate model output.
        metrics: Alternative metrics (overrides the metrics provided by the scorer).
        model: Default model for the task (defaults to the eval model).
        config: Model generation config for the default model (not for model roles).
        model_roles: Named roles for use in ``get_model()``.
        sandbox: Sandbox environment type (or a str or tuple with a shorthand spec).
        approval: Tool use approval policies (a config file path or a list of policies).
        epochs: Epochs to repeat samples for and optional score reducers to combine
            sample scores (defaults to "mean").
        fail_on_error: ``True`` to fail on the first sample error, ``False`` never to
            fail, a proportion (0 to 1) or a count (above 1) of failed samples to fail at.
        message_limit: Limit on total messages used for each sample.
        token_limit: Limit on total tokens used for each sample.
        time_limit: Limit on clock time (in seconds) for samples.
        working_limit: Limit on working time (in seconds) for samples.
        name: Task name. Defaults to the ``@task`` name, else "task".
        version: Version of the task (to distinguish evolutions of the task spec).
        metadata: Additional metadata to associate with the task.
        **kwargs: Deprecated arguments: ``plan`` (alias of ``solver``) and
            ``max_messages`` (alias of ``message_limit``).

    Besides the arguments above (normalised: ``dataset`` is a ``Dataset``, ``solver`` a
    single solver, ``scorer`` a list or None, ``epochs`` an ``Epochs`` or None, ``sandbox``
    a ``SandboxEnvironmentSpec`` or None), a task made by a ``@task`` function carries
    ``task_registry_name``, ``task_file``, ``attribs``, ``task_args`` and
    ``task_args_passed``. The solver's steps, as the log's plan records them, are
    ``plan_steps``, ``plan_finish`` and ``plan_name``.
    """

    def __init__(
        self,
        dataset: Dataset | Sequence[Sample] | None = None,
        setup: Solver | Sequence[Solver] | None = None,
        solver: SolverArg | None = None,
        cleanup: Callable[[TaskState], Awaitable[None]] | None = None,
        scorer: Any = None,
        metrics: Any = None,
        model: Any = None,
        config: GenerateConfig | None = None,
        model_roles: dict[str, Any] | None = None,
        sandbox: SandboxEnvironmentType | None = None,
        approval: Any = None,
        epochs: int | Epochs | None = None,
        fail_on_error: bool | float | None = None,
        message_limit: int | None = None,
        token_limit: int | None = None,
        time_limit: int | None = None,
        working_limit: int | None = None,
        name: str | None = None,
        version: int | str = 0,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        deprecated = _deprecated_args(kwargs, solver=solver, message_limit=message_limit)
        self.dataset: Dataset = resolve_dataset(dataset)
        self.setup: Solver | None = resolve_setup(setup)
        self.solver: Solver = resolve_solver(deprecated.get("solver", solver))
        self.cleanup = cleanup
        self.scorer: list[Any] | None = resolve_scorer(scorer)
        self.metrics: Any = metrics
        self.model: Any = model
        self.config: GenerateConfig = config if config is not None else GenerateConfig()
        self.model_roles: dict[str, Any] | None = model_roles
        self.sandbox: SandboxEnvironmentSpec | None = resolve_sandbox_spec(sandbox)
        self.approval: Any = approval
        self.epochs: Epochs | None = resolve_epochs(epochs)
        self.fail_on_error = fail_on_error
        self.message_limit: int | None = deprecated.get("message_limit", message_limit)
        self.token_limit = token_limit
        self.time_limit = time_limit
        self.working_limit = working_limit
        self.version: int | str = version
        self.metadata: dict[str, Any] | None = metadata
        self._name = name
        self._default_name: str | None = None
        self.task_registry_name: str | None = None
        """Name of the ``@task`` function that made the task (None if none did)."""
        self.task_file: str | None = None
        """Absolute path of the file defining the task function (None if unknown)."""
        self.attribs: dict[str, Any] = {}
        """Attributes given to ``@task`` (e.g. ``light=True``)."""
        self.task_args: dict[str, Any] = {}
        """Arguments of the task function call, defaults applied."""
        self.task_args_passed: dict[str, Any] = {}
        """Arguments explicitly passed to the task function."""

    @property
    def name(self) -> str:
        """Task name: the explicit name, else the ``@task`` (or function) name, else "task"."""
        return self._name or self._default_name or DEFAULT_TASK_NAME

    @name.setter
    def name(self, name: str | None) -> None:
        self._name = name

    @property
    def has_explicit_name(self) -> bool:
        """Whether the task was given a name (rather than taking its function's)."""
        return self._name is not None

    @property
    def plan_steps(self) -> list[Solver]:
        """The solver's steps: a plan's or chain's solvers, else the solver itself."""
        return solver_steps(self.solver)

    @property
    def plan_finish(self) -> Solver | None:
        """The ``finish`` step of a ``Plan`` solver (None for other solvers)."""
        return self.solver.finish if isinstance(self.solver, Plan) else None

    @property
    def plan_name(self) -> str:
        """Name of the plan: a ``Plan`` solver's name, else "plan"."""
        return self.solver.name if isinstance(self.solver, Plan) else "plan"

    def __repr__(self) -> str:
        return f"Task(name={self.name!r})"


def _deprecated_args(
    kwargs: dict[str, Any], *, solver: object, message_limit: object
) -> dict[str, Any]:
    """Current names and values of the deprecated arguments in ``kwargs``.

    Raises ``TypeError`` for an unknown argument, or for a deprecated argument given
    together with the argument it is an alias of.
    """
    unknown = [key for key in kwargs if key not in _DEPRECATED_ALIASES]
    if unknown:
        names = ", ".join(repr(key) for key in unknown)
        raise TypeError(f"Task() got unexpected keyword argument(s): {names}")
    current = {"solver": solver, "message_limit": message_limit}
    translated: dict[str, Any] = {}
    for old, new in _DEPRECATED_ALIASES.items():
        if old not in kwargs:
            continue
        if current[new] is not None:
            raise TypeError(f"Task() got both '{new}' and its deprecated alias '{old}'.")
        translated[new] = kwargs[old]
    return translated


def record_task_origin(
    task: Task,
    *,
    name: str | None,
    registry_name: str | None = None,
    file: str | None = None,
    attribs: dict[str, Any] | None = None,
    args: dict[str, Any] | None = None,
    args_passed: dict[str, Any] | None = None,
) -> None:
    """Record on ``task`` the function that made it: its name, file, attributes and args.

    ``name`` becomes the task's name unless the task was given one explicitly.
    """
    task._default_name = name
    task.task_registry_name = registry_name
    task.task_file = file
    task.attribs = dict(attribs or {})
    task.task_args = dict(args or {})
    task.task_args_passed = dict(args_passed or {})
