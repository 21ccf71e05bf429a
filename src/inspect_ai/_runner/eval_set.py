"""``eval_set()``: run every task x model to success, with retries, resumably.

Each attempt is an ordinary eval of the whole set in which every task continues its own
latest log in the log directory: a task whose log succeeded is not run again, one whose
log failed keeps its task id and reuses the samples it completed, and one with no log
starts afresh. Running the same set again on the same directory therefore picks up
where it stopped, and does nothing once everything has succeeded.
"""

import asyncio
import logging
from typing import Any, Literal

from inspect_ai._approval.policy import ApprovalPolicy
from inspect_ai._ids import short_uuid
from inspect_ai._log import filesystem
from inspect_ai._log.buffer.shared import shared_interval
from inspect_ai._log.model.log import EvalLog
from inspect_ai._model.model import Model
from inspect_ai._runner.eval import eval_options, run_coroutine, run_evals, task_identities
from inspect_ai._runner.eval_set_logs import (
    EVAL_SET_FILE,
    SetLog,
    latest_logs,
    read_set_logs,
    remove_superseded,
)
from inspect_ai._runner.previous import PreviousLog
from inspect_ai._sandbox.spec import SandboxEnvironmentType
from inspect_ai._task.epochs import Epochs
from inspect_ai._task.not_given import NOT_GIVEN, NotGiven
from inspect_ai._task.tasks import Tasks

logger = logging.getLogger(__name__)

DEFAULT_RETRY_ATTEMPTS = 10
DEFAULT_RETRY_WAIT = 30.0
DEFAULT_RETRY_CONNECTIONS = 0.5
MAX_RETRY_WAIT = 3600.0
DEFAULT_MAX_CONNECTIONS = 10


def eval_set(
    tasks: Tasks,
    log_dir: str,
    retry_attempts: int | None = None,
    retry_wait: float | None = None,
    retry_connections: float | None = None,
    retry_cleanup: bool | None = None,
    model: str | Model | list[str] | list[Model] | None | NotGiven = NOT_GIVEN,
    model_base_url: str | None = None,
    model_args: dict[str, Any] | str | None = None,
    model_roles: dict[str, str | Model] | None = None,
    task_args: dict[str, Any] | str | None = None,
    sandbox: SandboxEnvironmentType | None = None,
    sandbox_cleanup: bool | None = None,
    solver: Any = None,
    tags: list[str] | None = None,
    metadata: dict[str, Any] | None = None,
    trace: bool | None = None,
    display: str | None = None,
    approval: str | list[ApprovalPolicy] | None = None,
    score: bool = True,
    log_level: str | None = None,
    log_level_transcript: str | None = None,
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
    max_sandboxes: int | None = None,
    log_samples: bool | None = None,
    log_realtime: bool | None = None,
    log_images: bool | None = None,
    log_buffer: int | None = None,
    log_shared: bool | int | None = None,
    bundle_dir: str | None = None,
    bundle_overwrite: bool = False,
    **kwargs: Any,
) -> tuple[bool, list[EvalLog]]:
    """Evaluate a set of tasks, retrying those that fail, resumably.

    Runs every task against every model, then retries the tasks that failed (reusing
    the samples they completed) with exponentially increasing waits and fewer
    connections, until all succeed or ``retry_attempts`` is used up. Run again with the
    same tasks and log directory, it skips what already succeeded and continues the
    rest. A log directory holding logs of a different set of tasks is refused.

    Args:
        tasks: Task(s) to evaluate (as for ``eval()``).
        log_dir: Log directory of the set (required: it is where the set is resumed from).
        retry_attempts: Retries of failed tasks before giving up (default 10).
        retry_wait: Seconds before the first retry, doubled for each one after it
            (default 30; never more than an hour).
        retry_connections: Factor applied to ``max_connections`` at each retry
            (default 0.5).
        retry_cleanup: Remove the logs of failed attempts once a task has succeeded
            (default True).
        model: Model(s) to evaluate (as for ``eval()``).
        model_base_url: Base URL for the model API.
        model_args: Model creation args (a dict, or a JSON/YAML file path).
        model_roles: Named roles for use in ``get_model(role=...)``.
        task_args: Task arguments (a dict, or a JSON/YAML file path).
        sandbox: Sandbox environment type, overriding the tasks' own.
        sandbox_cleanup: Clean up sandbox environments after each sample.
        solver: Solver to use instead of each task's solver.
        tags: Tags for this run.
        metadata: Metadata for this run.
        trace: Show each model call's messages, one sample at a time.
        display: How progress is shown.
        approval: Tool use approval policies.
        score: Score the samples (default True).
        log_level: Console log level.
        log_level_transcript: Level of log messages recorded in the log file.
        log_format: ``eval`` (default) or ``json``.
        limit: Number of samples, or a ``(start, end)`` range.
        sample_id: Sample id(s) to run.
        epochs: Epochs to run (an int, or ``Epochs`` with reducers).
        fail_on_error: As for ``eval()``.
        retry_on_error: Times to retry a sample that errors.
        debug_errors: Raise errors instead of logging them.
        message_limit: Maximum messages per sample.
        token_limit: Maximum tokens per sample.
        time_limit: Maximum clock seconds per sample.
        working_limit: Maximum working seconds per sample.
        max_samples: Samples run at once.
        max_tasks: Tasks run at once.
        max_subprocesses: Child processes at once.
        max_sandboxes: Sandboxes (per provider) run at once.
        log_samples: Log each sample (default True).
        log_realtime: Accepted for compatibility (samples are logged as they end).
        log_images: Log local images as base64 data.
        log_buffer: Samples to buffer between log writes.
        log_shared: Copy live sample data next to the log every ``n`` seconds.
        bundle_dir: Also copy the set's logs (and a ``logs.json`` manifest) here.
        bundle_overwrite: Replace an existing ``bundle_dir``.
        **kwargs: Generation options (``temperature``, ``max_connections``...).

    Returns:
        Whether every task succeeded, and the latest log of each task (headers only).
    """
    call = eval_set_async(
        tasks, log_dir, retry_attempts, retry_wait, retry_connections, retry_cleanup, model,
        model_base_url, model_args, model_roles, task_args, sandbox, sandbox_cleanup, solver,
        tags, metadata, trace, display, approval, score, log_level, log_level_transcript,
        log_format, limit, sample_id, epochs, fail_on_error, retry_on_error, debug_errors,
        message_limit, token_limit, time_limit, working_limit, max_samples, max_tasks,
        max_subprocesses, max_sandboxes, log_samples, log_realtime, log_images, log_buffer,
        log_shared, bundle_dir, bundle_overwrite, **kwargs,
    )  # fmt: skip
    return run_coroutine(call)


async def eval_set_async(
    tasks: Tasks,
    log_dir: str,
    retry_attempts: int | None = None,
    retry_wait: float | None = None,
    retry_connections: float | None = None,
    retry_cleanup: bool | None = None,
    model: str | Model | list[str] | list[Model] | None | NotGiven = NOT_GIVEN,
    model_base_url: str | None = None,
    model_args: dict[str, Any] | str | None = None,
    model_roles: dict[str, str | Model] | None = None,
    task_args: dict[str, Any] | str | None = None,
    sandbox: SandboxEnvironmentType | None = None,
    sandbox_cleanup: bool | None = None,
    solver: Any = None,
    tags: list[str] | None = None,
    metadata: dict[str, Any] | None = None,
    trace: bool | None = None,
    display: str | None = None,
    approval: str | list[ApprovalPolicy] | None = None,
    score: bool = True,
    log_level: str | None = None,
    log_level_transcript: str | None = None,
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
    max_sandboxes: int | None = None,
    log_samples: bool | None = None,
    log_realtime: bool | None = None,
    log_images: bool | None = None,
    log_buffer: int | None = None,
    log_shared: bool | int | None = None,
    bundle_dir: str | None = None,
    bundle_overwrite: bool = False,
    **kwargs: Any,
) -> tuple[bool, list[EvalLog]]:
    """Evaluate a set of tasks (async version of ``eval_set()``, same arguments)."""
    attempts = DEFAULT_RETRY_ATTEMPTS if retry_attempts is None else retry_attempts
    wait = DEFAULT_RETRY_WAIT if retry_wait is None else retry_wait
    factor = DEFAULT_RETRY_CONNECTIONS if retry_connections is None else retry_connections
    connections = kwargs.get("max_connections") or DEFAULT_MAX_CONNECTIONS

    def options_for(attempt: int) -> Any:
        generate = dict(kwargs)
        if attempt > 0:
            generate["max_connections"] = max(1, int(connections * factor**attempt))
        return eval_options(
            log_dir, log_format, limit, sample_id, epochs, fail_on_error, retry_on_error,
            debug_errors, message_limit, token_limit, time_limit, working_limit,
            max_samples, max_tasks, max_subprocesses, log_samples, log_images, log_buffer,
            True, score, trace, sandbox, sandbox_cleanup, max_sandboxes, tags, metadata,
            solver, model_base_url, model_args, generate,
        )  # fmt: skip

    identities = task_identities(tasks, model, model_roles, task_args, options_for(0))
    set_logs = await asyncio.to_thread(read_set_logs, log_dir, identities)
    eval_set_id = set_logs.eval_set_id or short_uuid()
    await asyncio.to_thread(set_logs.write_info, eval_set_id, identities)
    if set_logs.complete(identities):
        print(
            f"Eval set complete: all {len(identities)} tasks already succeeded "
            f"(logs in {log_dir}); nothing to do."
        )
        return True, [set_logs.latest[identity.key].header for identity in identities]

    latest = set_logs.latest  # read once here; again after each attempt
    logs: list[EvalLog] = []
    for attempt in range(attempts + 1):
        if attempt > 0:
            delay = min(wait * 2 ** (attempt - 1), MAX_RETRY_WAIT)
            failed = [log for log in logs if log.status != "success"]
            logger.warning(
                "Retrying %d failed task(s) in %.0f s (attempt %d of %d).",
                len(failed), delay, attempt, attempts,
            )  # fmt: skip
            await asyncio.sleep(delay)
        options = options_for(attempt)
        options.eval_set_id = eval_set_id
        options.log_shared = shared_interval(log_shared)
        options.previous_logs = _previous_logs(latest)
        logs = await run_evals(
            tasks, model, model_roles, task_args, options, log_level, display, trace, approval
        )
        if all(log.status == "success" for log in logs):
            break
        latest = await asyncio.to_thread(latest_logs, log_dir, identities)
    success = all(log.status == "success" for log in logs)
    if retry_cleanup is None or retry_cleanup:
        await asyncio.to_thread(remove_superseded, log_dir, identities)
    if bundle_dir is not None:
        await asyncio.to_thread(_bundle, log_dir, bundle_dir, bundle_overwrite)
    return success, logs


def _previous_logs(latest: dict[str, SetLog]) -> dict[str, PreviousLog]:
    """The latest log of each task of the set, as the log each run continues."""
    return {
        key: PreviousLog(log.location, log.header.eval.task_id, log.header.status == "success")
        for key, log in latest.items()
    }


def _bundle(log_dir: str, bundle_dir: str, overwrite: bool) -> None:
    """Copy the set's logs and a ``logs.json`` manifest of them to ``bundle_dir``."""
    from inspect_ai._log.manifest import write_log_dir_manifest

    if filesystem.exists(bundle_dir) and not overwrite:
        raise ValueError(f"Bundle directory '{bundle_dir}' exists (pass bundle_overwrite=True).")
    filesystem.make_dirs(bundle_dir)
    for entry in filesystem.list_files(log_dir, recursive=False):
        name = filesystem.basename(entry.name)
        if name.endswith((".eval", ".json")) or name == EVAL_SET_FILE:
            filesystem.copy_file(entry.name, filesystem.join(bundle_dir, name))
    write_log_dir_manifest(bundle_dir)
