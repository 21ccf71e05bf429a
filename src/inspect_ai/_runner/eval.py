"""``eval()`` and ``eval_async()``: run tasks against models and return their logs."""

import asyncio
import os
import threading
from collections.abc import Coroutine
from typing import Any, Literal, TypeVar

from inspect_ai._approval.config import resolve_approval
from inspect_ai._approval.policy import ApprovalPolicy
from inspect_ai._concurrency.subprocess import set_max_subprocesses
from inspect_ai._display.create import create_display, display_type
from inspect_ai._display.display import Display
from inspect_ai._ids import short_uuid
from inspect_ai._log import filesystem
from inspect_ai._log.buffer.shared import shared_interval
from inspect_ai._log.log_dir import default_log_dir
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.read import read_eval_log
from inspect_ai._model.connections import release_loop_pools
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.get_model import get_model, set_active_model
from inspect_ai._model.model import Model
from inspect_ai._runner.dotenv import load_task_dotenv_files
from inspect_ai._runner.env_defaults import generate_config_defaults, int_option_defaults
from inspect_ai._runner.gc_tuning import eval_gc
from inspect_ai._runner.log_capture import capture_logging
from inspect_ai._runner.models import eval_models, role_models
from inspect_ai._runner.options import EvalOptions
from inspect_ai._runner.previous import PreviousLog
from inspect_ai._runner.run_directory import run_directory
from inspect_ai._runner.task_identity import TaskIdentity, run_identity
from inspect_ai._runner.task_run import TaskRun, run_task
from inspect_ai._sandbox.spec import SandboxEnvironmentType, resolve_sandbox_spec
from inspect_ai._solver.spec import resolve_eval_solver
from inspect_ai._task.args import resolve_task_args
from inspect_ai._task.epochs import Epochs, resolve_epochs
from inspect_ai._task.loader import load_task_files, resolve_tasks
from inspect_ai._task.not_given import NOT_GIVEN, NotGiven
from inspect_ai._task.resolved import ResolvedTask
from inspect_ai._task.tasks import Tasks

T = TypeVar("T")


def eval(
    tasks: Tasks = None,
    model: str | Model | list[str] | list[Model] | None | NotGiven = NOT_GIVEN,
    model_base_url: str | None = None,
    model_args: dict[str, Any] | str | None = None,
    model_roles: dict[str, str | Model] | None = None,
    task_args: dict[str, Any] | str | None = None,
    solver: Any = None,
    tags: list[str] | None = None,
    metadata: dict[str, Any] | None = None,
    log_level: str | None = None,
    log_dir: str | None = None,
    log_format: Literal["eval", "json"] | None = None,
    limit: int | tuple[int, int] | None = None,
    sample_id: str | int | list[str] | list[int] | list[str | int] | None = None,
    epochs: int | Epochs | None = None,
    fail_on_error: bool | float | None = None,
    retry_on_error: int | None = None,
    debug_errors: bool | None = None,
    message_limit: int | None = None,
    token_limit: int | None = None,
    time_limit: int | None = None,
    working_limit: int | None = None,
    max_samples: int | None = None,
    max_tasks: int | None = None,
    max_subprocesses: int | None = None,
    log_samples: bool | None = None,
    log_images: bool | None = None,
    log_buffer: int | None = None,
    log_header_only: bool | None = None,
    score: bool = True,
    display: str | None = None,
    trace: bool | None = None,
    approval: str | list[ApprovalPolicy] | None = None,
    sandbox: SandboxEnvironmentType | None = None,
    sandbox_cleanup: bool | None = None,
    max_sandboxes: int | None = None,
    log_shared: bool | int | None = None,
    **kwargs: Any,
) -> list[EvalLog]:
    """Evaluate tasks using a model.

    Runs every task against every model and returns one log per pair, in order. An
    error in one task does not stop the others: its log has status ``error``.

    Args:
        tasks: Task(s): files, ``file.py@name``, directories, notebooks, task functions,
            ``Task`` objects (None: the tasks in the current directory).
        model: Model(s) (default: ``INSPECT_EVAL_MODEL``; None leaves it to the tasks).
        model_base_url: Base URL for the model API.
        model_args: Model creation args (a dict, or a JSON/YAML file path).
        model_roles: Named roles for use in ``get_model(role=...)``.
        task_args: Task arguments (a dict, or a JSON/YAML file path).
        solver: Solver to use instead of each task's solver.
        tags: Tags for this run.
        metadata: Metadata for this run.
        log_level: Console log level (default ``warning``, or ``INSPECT_LOG_LEVEL``).
        log_dir: Log directory (default ``INSPECT_LOG_DIR``, else ``./logs``).
        log_format: ``eval`` (default, or ``INSPECT_LOG_FORMAT``) or ``json``.
        limit: Number of samples, or a ``(start, end)`` range (from 1).
        sample_id: Sample id(s) to run (``task:id`` to pick per task).
        epochs: Epochs to run (an int, or ``Epochs`` with reducers).
        fail_on_error: ``True`` (fail on the first sample error, the default), ``False``,
            a proportion (below 1) or a count of tolerated sample errors.
        retry_on_error: Times to retry a sample that errors.
        debug_errors: Raise errors instead of logging them.
        message_limit: Maximum messages per sample.
        token_limit: Maximum tokens per sample.
        time_limit: Maximum clock seconds per sample.
        working_limit: Maximum working seconds per sample.
        max_samples: Samples run at once (default ``max_connections`` + 1).
        max_tasks: Tasks run at once (default: the number of models).
        max_subprocesses: Child processes at once (default: the number of CPUs).
        log_samples: Log each sample (default True).
        log_images: Log local images as base64 data (default True).
        log_buffer: Samples to buffer between log writes.
        log_header_only: Return logs without their samples (they are still written).
        score: Score the samples (default True).
        display: How progress is shown: ``full`` (default on a terminal),
            ``conversation``, ``rich``, ``plain`` (default otherwise) or ``none``
            (or ``INSPECT_DISPLAY``).
        trace: Show each model call's messages, running one sample at a time.
        approval: Tool use approval policies: a policy file (YAML or JSON), an approver
            name (``human``, ``auto``), or a list of ``ApprovalPolicy`` (overrides the
            tasks' own).
        sandbox: Sandbox environment type (or a str or tuple with a shorthand spec),
            overriding the tasks' own.
        sandbox_cleanup: Clean up sandbox environments after each sample (default True).
        max_sandboxes: Sandboxes (per provider) run at once (default: the provider's).
        log_shared: Copy the live sample buffer next to the log, for viewers on other
            machines: ``True`` every 10 seconds, or every ``n`` seconds (default: no copy).
        **kwargs: Generation options (``temperature``, ``max_tokens``, ``max_connections``...).
    """
    call = eval_async(
        tasks, model, model_base_url, model_args, model_roles, task_args, solver, tags,
        metadata, log_level, log_dir, log_format, limit, sample_id, epochs, fail_on_error,
        retry_on_error, debug_errors, message_limit, token_limit, time_limit, working_limit,
        max_samples, max_tasks, max_subprocesses, log_samples, log_images, log_buffer,
        log_header_only, score, display, trace, approval=approval, sandbox=sandbox,
        sandbox_cleanup=sandbox_cleanup, max_sandboxes=max_sandboxes, log_shared=log_shared,
        **kwargs,
    )  # fmt: skip
    return run_coroutine(call)


async def eval_async(
    tasks: Tasks = None,
    model: str | Model | list[str] | list[Model] | None | NotGiven = NOT_GIVEN,
    model_base_url: str | None = None,
    model_args: dict[str, Any] | str | None = None,
    model_roles: dict[str, str | Model] | None = None,
    task_args: dict[str, Any] | str | None = None,
    solver: Any = None,
    tags: list[str] | None = None,
    metadata: dict[str, Any] | None = None,
    log_level: str | None = None,
    log_dir: str | None = None,
    log_format: Literal["eval", "json"] | None = None,
    limit: int | tuple[int, int] | None = None,
    sample_id: str | int | list[str] | list[int] | list[str | int] | None = None,
    epochs: int | Epochs | None = None,
    fail_on_error: bool | float | None = None,
    retry_on_error: int | None = None,
    debug_errors: bool | None = None,
    message_limit: int | None = None,
    token_limit: int | None = None,
    time_limit: int | None = None,
    working_limit: int | None = None,
    max_samples: int | None = None,
    max_tasks: int | None = None,
    max_subprocesses: int | None = None,
    log_samples: bool | None = None,
    log_images: bool | None = None,
    log_buffer: int | None = None,
    log_header_only: bool | None = None,
    score: bool = True,
    display: str | None = None,
    trace: bool | None = None,
    approval: str | list[ApprovalPolicy] | None = None,
    sandbox: SandboxEnvironmentType | None = None,
    sandbox_cleanup: bool | None = None,
    max_sandboxes: int | None = None,
    log_shared: bool | int | None = None,
    **kwargs: Any,
) -> list[EvalLog]:
    """Evaluate tasks using a model (async version of ``eval()``, same arguments)."""
    load_task_dotenv_files(tasks)
    options = eval_options(
        log_dir, log_format, limit, sample_id, epochs, fail_on_error, retry_on_error,
        debug_errors, message_limit, token_limit, time_limit, working_limit, max_samples,
        max_tasks, max_subprocesses, log_samples, log_images, log_buffer, log_header_only,
        score, trace, sandbox, sandbox_cleanup, max_sandboxes, tags, metadata, solver,
        model_base_url, model_args, kwargs,
    )  # fmt: skip
    options.log_shared = shared_interval(log_shared)
    return await run_evals(
        tasks, model, model_roles, task_args, options, log_level, display, trace, approval
    )


def eval_options(
    log_dir: str | None,
    log_format: str | None,
    limit: int | tuple[int, int] | None,
    sample_id: str | int | list[str] | list[int] | list[str | int] | None,
    epochs: int | Epochs | None,
    fail_on_error: bool | float | None,
    retry_on_error: int | None,
    debug_errors: bool | None,
    message_limit: int | None,
    token_limit: int | None,
    time_limit: int | None,
    working_limit: int | None,
    max_samples: int | None,
    max_tasks: int | None,
    max_subprocesses: int | None,
    log_samples: bool | None,
    log_images: bool | None,
    log_buffer: int | None,
    log_header_only: bool | None,
    score: bool,
    trace: bool | None,
    sandbox: SandboxEnvironmentType | None,
    sandbox_cleanup: bool | None,
    max_sandboxes: int | None,
    tags: list[str] | None,
    metadata: dict[str, Any] | None,
    solver: Any,
    model_base_url: str | None,
    model_args: dict[str, Any] | str | None,
    generate: dict[str, Any],
) -> EvalOptions:
    """The options of an eval from ``eval()``'s arguments, the environment filling gaps.

    ``generate`` holds the generation options (``temperature``, ``max_connections``...).
    """
    if "max_messages" in generate:  # the older name of message_limit
        max_messages = generate.pop("max_messages")
        message_limit = max_messages if message_limit is None else message_limit
    config = _generate_config(generate)
    ints = int_option_defaults(
        dict(
            max_samples=max_samples, max_tasks=max_tasks, max_subprocesses=max_subprocesses,
            message_limit=message_limit, token_limit=token_limit, time_limit=time_limit,
            working_limit=working_limit, retry_on_error=retry_on_error, log_buffer=log_buffer,
            epochs=epochs if isinstance(epochs, int) else None, max_sandboxes=max_sandboxes,
        )
    )  # fmt: skip
    return EvalOptions(
        log_dir=log_dir or default_log_dir(),
        log_format=_log_format(log_format),
        limit=limit,
        sample_id=sample_id,  # type: ignore[arg-type]
        epochs=resolve_epochs(epochs if isinstance(epochs, Epochs) else ints["epochs"]),
        fail_on_error=fail_on_error,
        retry_on_error=ints["retry_on_error"],
        debug_errors=bool(debug_errors),
        message_limit=ints["message_limit"],
        token_limit=ints["token_limit"],
        time_limit=ints["time_limit"],
        working_limit=ints["working_limit"],
        max_samples=1 if trace else ints["max_samples"],
        max_tasks=1 if trace else ints["max_tasks"],
        max_subprocesses=ints["max_subprocesses"],
        max_sandboxes=ints["max_sandboxes"],
        sandbox=resolve_sandbox_spec(sandbox),
        sandbox_cleanup=sandbox_cleanup,
        log_samples=True if log_samples is None else log_samples,
        log_images=True if log_images is None else log_images,
        log_buffer=ints["log_buffer"],
        log_header_only=bool(log_header_only),
        score=score,
        tags=tags,
        metadata=metadata,
        solver=solver,
        model_base_url=model_base_url,
        model_args=resolve_task_args(model_args),
        generate_config=config,
        run_id=short_uuid(),
    )


async def run_evals(
    tasks: Tasks,
    model: str | Model | list[str] | list[Model] | None | NotGiven,
    model_roles: dict[str, str | Model] | None,
    task_args: dict[str, Any] | str | None,
    options: EvalOptions,
    log_level: str | None,
    display: str | None,
    trace: bool | None,
    approval: str | list[ApprovalPolicy] | None,
) -> list[EvalLog]:
    """Run every task against every model with ``options``; the logs, in order."""
    set_max_subprocesses(options.max_subprocesses)
    level = log_level or os.environ.get("INSPECT_LOG_LEVEL") or "warning"
    screen = create_display(display_type(display, bool(trace)))
    with capture_logging(level, screen.log_handler()), eval_gc():
        load_task_files(tasks)
        options.solver = resolve_eval_solver(options.solver)  # after task files: may name theirs
        options.approval = resolve_approval(approval)  # likewise for approvers
        config = options.generate_config
        models = eval_models(model, options.model_base_url, options.model_args, config)
        roles = role_models(model_roles)
        runs = task_runs(tasks, task_args, models, roles, options, screen)
        options.log_dir = filesystem.absolute(options.log_dir)
        try:
            with run_directory([run.resolved.task.task_file for run in runs]), screen.running():
                logs = await _run_all(runs, options.max_tasks or len(models or []) or 1)
        finally:
            release_loop_pools()
    return logs


def task_runs(
    tasks: Tasks,
    task_args: dict[str, Any] | str | None,
    models: list[Model] | None,
    roles: dict[str, Model],
    options: EvalOptions,
    screen: Display,
) -> list[TaskRun]:
    """Every task against every model (a task naming its own model runs once, with it).

    Tasks are created once per model, with that model active, so solvers and scorers
    that call ``get_model()`` when they are created get the model being evaluated.
    """
    runs: list[TaskRun] = []
    for index, model in enumerate(models or [None]):
        set_active_model(model, roles)
        for item in resolve_tasks(tasks, task_args):
            if index > 0 and item.task.model is not None:
                continue  # a task with its own model runs once
            task_roles = {**role_models(item.task.model_roles), **roles}
            model_for = _model_for(item, model, options)
            run = TaskRun(item, model_for, options, task_roles, screen)
            run.previous = _previous_log(run, options)
            runs.append(run)
    set_active_model(None)
    return runs


def task_identities(
    tasks: Tasks,
    model: str | Model | list[str] | list[Model] | None | NotGiven,
    model_roles: dict[str, str | Model] | None,
    task_args: dict[str, Any] | str | None,
    options: EvalOptions,
) -> list[TaskIdentity]:
    """The identity of every task x model an eval with ``options`` would run (the tasks
    are created, but nothing runs)."""
    load_task_files(tasks)
    solver = resolve_eval_solver(options.solver)
    config = options.generate_config
    models = eval_models(model, options.model_base_url, options.model_args, config)
    runs = task_runs(tasks, task_args, models, role_models(model_roles), options, Display())
    return [run_identity(run.resolved.task, run.model, solver, options.working_dir) for run in runs]


def _previous_log(run: TaskRun, options: EvalOptions) -> PreviousLog | None:
    """The earlier log a run continues: the retried one, or its own in an eval set."""
    if options.previous is not None or options.previous_logs is None:
        return options.previous
    identity = run_identity(run.resolved.task, run.model, options.solver, options.working_dir)
    return options.previous_logs.get(identity.key)


def _model_for(item: ResolvedTask, model: Model | None, options: EvalOptions) -> Model:
    own = item.task.model
    if own is not None:
        return get_model(own, config=options.generate_config) if isinstance(own, str) else own
    if model is not None:
        return model
    raise ValueError(
        f"No model specified for task '{item.task.name}' "
        "(pass model=..., use --model, or set INSPECT_EVAL_MODEL)."
    )


async def _run_all(runs: list[TaskRun], max_tasks: int) -> list[EvalLog]:
    """Run the task runs, ``max_tasks`` at a time, keeping their order."""
    limit = asyncio.Semaphore(max(1, max_tasks))

    async def run_one(run: TaskRun) -> EvalLog:
        if run.previous is not None and run.previous.succeeded:  # done already
            return await asyncio.to_thread(read_eval_log, run.previous.location, header_only=True)
        async with limit:
            return await run_task(run)

    return list(await asyncio.gather(*(asyncio.create_task(run_one(run)) for run in runs)))


def _generate_config(kwargs: dict[str, Any]) -> GenerateConfig:
    unknown = sorted(set(kwargs) - set(GenerateConfig.model_fields))
    if unknown:
        raise TypeError(f"eval() got unexpected keyword argument(s): {', '.join(unknown)}")
    return GenerateConfig(**generate_config_defaults(kwargs))


def _log_format(log_format: str | None) -> Literal["eval", "json"]:
    value = log_format or os.environ.get("INSPECT_LOG_FORMAT") or "eval"
    if value not in ("eval", "json"):
        raise ValueError(f"Log format must be 'eval' or 'json' (got '{value}').")
    return "json" if value == "json" else "eval"


def run_coroutine(call: Coroutine[Any, Any, T]) -> T:
    """Run ``call`` to completion, in a new thread when an event loop is already running."""
    result: list[T] = []

    async def main() -> None:
        # the logs are handed back through `result`, not as the task's result: asyncio
        # may repr the finished main task, and the repr of every log is slow
        result.append(await call)

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(main())
        return result[0]
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(main())
        except BaseException as ex:
            failure.append(ex)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]
