"""``eval_retry()``: finish evals that failed or were interrupted, reusing their samples."""

import os
from typing import Any, Literal

from inspect_ai._approval.config import create_approver
from inspect_ai._approval.policy import ApprovalPolicy
from inspect_ai._log import filesystem
from inspect_ai._log.buffer.shared import shared_interval
from inspect_ai._log.format import detect_format
from inspect_ai._log.model.info import EvalLogInfo
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.spec import EvalSpec
from inspect_ai._log.read import read_eval_log
from inspect_ai._model.get_model import get_model
from inspect_ai._model.model import Model
from inspect_ai._registry.registry import registry_find
from inspect_ai._runner.eval import eval_options, run_coroutine, run_evals
from inspect_ai._runner.previous import PreviousLog
from inspect_ai._solver.spec import SolverSpec
from inspect_ai._task.decorator import function_file
from inspect_ai._task.epochs import Epochs
from inspect_ai._task.loader import load_task_files

RetryLogs = str | EvalLogInfo | EvalLog | list[str] | list[EvalLogInfo] | list[EvalLog]
"""Logs to retry: paths, ``EvalLogInfo``s or ``EvalLog``s."""


def eval_retry(
    tasks: RetryLogs,
    log_level: str | None = None,
    log_level_transcript: str | None = None,
    log_dir: str | None = None,
    log_format: Literal["eval", "json"] | None = None,
    max_samples: int | None = None,
    max_tasks: int | None = None,
    max_subprocesses: int | None = None,
    max_sandboxes: int | None = None,
    sandbox_cleanup: bool | None = None,
    trace: bool | None = None,
    display: str | None = None,
    fail_on_error: bool | float | None = None,
    retry_on_error: int | None = None,
    debug_errors: bool | None = None,
    log_samples: bool | None = None,
    log_realtime: bool | None = None,
    log_images: bool | None = None,
    log_buffer: int | None = None,
    log_shared: bool | int | None = None,
    score: bool = True,
    score_display: bool | None = None,
    max_retries: int | None = None,
    timeout: int | None = None,
    max_connections: int | None = None,
    log_header_only: bool | None = None,
) -> list[EvalLog]:
    """Retry evals that failed or were interrupted, from their logs.

    Each task is created again as its log records it (task file or registered name,
    task arguments, model, model arguments and roles, generation config, solver and
    options). Samples the log completed are reused without calling the model again;
    the rest are run, into a new log with the original's ``task_id``.

    Args:
        tasks: Log files (paths, ``EvalLogInfo``s or ``EvalLog``s) of the tasks to retry.
        log_level: Console log level (default ``warning``).
        log_level_transcript: Level of log messages recorded in the log file.
        log_dir: Directory for the new logs (default: the directory of each log).
        log_format: Format of the new logs (default: that of each log).
        max_samples: Samples run at once (default: as in the log).
        max_tasks: Tasks run at once.
        max_subprocesses: Child processes at once.
        max_sandboxes: Sandboxes (per provider) run at once.
        sandbox_cleanup: Clean up sandbox environments after each sample.
        trace: Show each model call's messages, one sample at a time.
        display: How progress is shown (``full``, ``conversation``, ``rich``, ``plain``,
            ``none``).
        fail_on_error: ``True`` to fail on the first sample error, ``False`` never, or a
            proportion or count of tolerated errors (default: as in the log).
        retry_on_error: Times to retry a sample that errors (default: as in the log).
        debug_errors: Raise errors instead of logging them.
        log_samples: Log each sample (default: as in the log).
        log_realtime: Accepted for compatibility (samples are always logged as they end).
        log_images: Log local images as base64 data (default: as in the log).
        log_buffer: Samples to buffer between log writes.
        log_shared: Copy live sample data next to the log every ``n`` seconds (``True``:
            every 10 seconds).
        score: Score the samples (default True).
        score_display: Accepted for compatibility (live metrics are always shown).
        max_retries: Retries of a model API call.
        timeout: Model API call timeout (seconds).
        max_connections: Concurrent model API connections.
        log_header_only: Return logs without their samples (they are still written).
    """
    call = eval_retry_async(
        tasks, log_level, log_level_transcript, log_dir, log_format, max_samples, max_tasks,
        max_subprocesses, max_sandboxes, sandbox_cleanup, trace, display, fail_on_error,
        retry_on_error, debug_errors, log_samples, log_realtime, log_images, log_buffer,
        log_shared, score, score_display, max_retries, timeout, max_connections,
        log_header_only,
    )  # fmt: skip
    return run_coroutine(call)


async def eval_retry_async(
    tasks: RetryLogs,
    log_level: str | None = None,
    log_level_transcript: str | None = None,
    log_dir: str | None = None,
    log_format: Literal["eval", "json"] | None = None,
    max_samples: int | None = None,
    max_tasks: int | None = None,
    max_subprocesses: int | None = None,
    max_sandboxes: int | None = None,
    sandbox_cleanup: bool | None = None,
    trace: bool | None = None,
    display: str | None = None,
    fail_on_error: bool | float | None = None,
    retry_on_error: int | None = None,
    debug_errors: bool | None = None,
    log_samples: bool | None = None,
    log_realtime: bool | None = None,
    log_images: bool | None = None,
    log_buffer: int | None = None,
    log_shared: bool | int | None = None,
    score: bool = True,
    score_display: bool | None = None,
    max_retries: int | None = None,
    timeout: int | None = None,
    max_connections: int | None = None,
    log_header_only: bool | None = None,
) -> list[EvalLog]:
    """Retry evals from their logs (async version of ``eval_retry()``, same arguments)."""
    logs: list[EvalLog] = []
    for location in _locations(tasks):
        header = read_eval_log(location, header_only=True)
        spec, config = header.eval, header.eval.config
        task = _retry_task(spec, location)
        generate = header.plan.config.model_dump(exclude_none=True)
        overrides = dict(max_retries=max_retries, timeout=timeout, max_connections=max_connections)
        generate.update({key: value for key, value in overrides.items() if value is not None})
        options = eval_options(
            log_dir or filesystem.dirname(filesystem.absolute(location)),
            log_format or detect_format(location), config.limit,
            config.sample_id, Epochs(config.epochs or 1, config.epochs_reducer),
            _given(fail_on_error, config.fail_on_error),
            _given(retry_on_error, config.retry_on_error), debug_errors, config.message_limit,
            config.token_limit, config.time_limit, config.working_limit,
            _given(max_samples, config.max_samples), _given(max_tasks, config.max_tasks),
            _given(max_subprocesses, config.max_subprocesses),
            _given(log_samples, config.log_samples), _given(log_images, config.log_images),
            _given(log_buffer, config.log_buffer), log_header_only, score and spec.scorers is not None,
            trace, spec.sandbox, _given(sandbox_cleanup, config.sandbox_cleanup),
            _given(max_sandboxes, config.max_sandboxes), spec.tags, spec.metadata,
            SolverSpec(spec.solver, spec.solver_args or {}) if spec.solver else None,
            spec.model_base_url, spec.model_args, generate,
        )  # fmt: skip
        options.eval_set_id = spec.eval_set_id
        options.log_shared = shared_interval(log_shared)
        options.previous = PreviousLog(location, spec.task_id)
        roles = _role_models(spec)
        approval = _approval(spec)
        retried = await run_evals(
            task, spec.model, roles, spec.task_args, options, log_level, display, trace, approval
        )
        logs.extend(retried)
    return logs


def _locations(tasks: RetryLogs) -> list[str]:
    """The location of each log to retry."""
    items: list[Any] = list(tasks) if isinstance(tasks, list) else [tasks]
    locations: list[str] = []
    for item in items:
        if isinstance(item, EvalLog):
            if not item.location:
                raise ValueError(
                    f"The log of task '{item.eval.task}' has no location, so it cannot be "
                    "retried (write it with write_eval_log() first)."
                )
            locations.append(item.location)
        elif isinstance(item, EvalLogInfo):
            locations.append(item.name)
        else:
            locations.append(os.fspath(item))
    return locations


def _retry_task(spec: EvalSpec, location: str) -> Any:
    """The task to create again: its registered function, or ``file.py@name``."""
    name = spec.task_registry_name
    if not name:
        raise ValueError(
            f"Task '{spec.task}' ({location}) was not created by an @task function, so it "
            "cannot be re-created for a retry."
        )
    task_file = spec.task_file
    factory = registry_find("task", name)
    if callable(factory) and (task_file is None or _same_file(function_file(factory), task_file)):
        return factory
    if task_file is None:
        raise ValueError(f"Task '{name}' ({location}) is not registered in this process.")
    if not os.path.isfile(task_file):
        raise ValueError(
            f"Task file '{task_file}' of {location} was not found (retry from the "
            "directory the eval ran in)."
        )
    load_task_files(task_file)  # so its @modelapi providers exist before models are made
    return f"{task_file}@{name}"


def _same_file(path: str | None, other: str) -> bool:
    return path is not None and os.path.abspath(path) == os.path.abspath(other)


def _role_models(spec: EvalSpec) -> dict[str, str | Model] | None:
    """The models of the eval's roles, with their config, base URL and arguments."""
    if not spec.model_roles:
        return None
    roles: dict[str, str | Model] = {}
    for role, config in spec.model_roles.items():
        if isinstance(config, list):
            raise ValueError(
                f"Role '{role}' of task '{spec.task}' has several models, which a retry "
                "cannot re-create."
            )
        roles[role] = get_model(
            config.model, config=config.config, base_url=config.base_url, **config.args
        )
    return roles


def _approval(spec: EvalSpec) -> list[ApprovalPolicy] | None:
    """The eval's approval policies, created again from the log."""
    config = spec.config.approval
    if config is None:
        return None
    return [
        ApprovalPolicy(create_approver(approver.name, approver.params), approver.tools)
        for approver in config.approvers
    ]


def _given(value: Any, logged: Any) -> Any:
    """The value given to ``eval_retry()``, else the one the log records."""
    return logged if value is None else value
