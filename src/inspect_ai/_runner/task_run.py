"""Running one task against one model: samples concurrently, then results, into one log."""

import asyncio
import contextlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from inspect_ai._approval.config import approval_config, resolve_approval
from inspect_ai._approval.current import set_approval_policies
from inspect_ai._display.display import Display, TaskProfile, TaskView
from inspect_ai._event.error import EvalError
from inspect_ai._ids import short_uuid
from inspect_ai._log import filesystem
from inspect_ai._log.buffer.writer import SampleBufferWriter
from inspect_ai._log.model.log import EvalLog, EvalStatus
from inspect_ai._log.model.results import EvalResults, EvalSampleReductions
from inspect_ai._log.model.sample import EvalRetryError, EvalSample
from inspect_ai._log.model.spec import EvalConfig, EvalDataset, EvalSpec
from inspect_ai._log.model.stats import EvalStats
from inspect_ai._log.names import log_file_name
from inspect_ai._log.recorder.recorder import LogRecorder, open_recorder
from inspect_ai._log.sample_copy import SampleCopy
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.get_model import set_active_model
from inspect_ai._model.model import Model
from inspect_ai._model.usage import ModelUsage
from inspect_ai._runner import scoring
from inspect_ai._runner.errors import eval_error, fails_eval
from inspect_ai._runner.generate import task_generate
from inspect_ai._runner.interrupt import record_interrupted
from inspect_ai._runner.live_metrics import LiveMetrics
from inspect_ai._runner.options import EvalOptions
from inspect_ai._runner.previous import PreviousLog
from inspect_ai._runner.reuse import (
    copy_result,
    copy_sample,
    copy_usage,
    reusable_samples,
    reused_keys,
)
from inspect_ai._runner.sample_run import SampleOutcome, SamplePlan, SampleResult, run_sample
from inspect_ai._runner.samples import SampleRun, sample_runs, select_samples, with_ids
from inspect_ai._runner.spec import eval_plan, eval_spec
from inspect_ai._sandbox.task import task_sandbox, task_sandboxes
from inspect_ai._scorer.intermediate import set_task_scorers
from inspect_ai._task.resolved import ResolvedTask
from inspect_ai._task.task import Task


@dataclass
class TaskRun:
    """A task to run against a model, with the options of the eval."""

    resolved: ResolvedTask
    model: Model
    options: EvalOptions
    roles: dict[str, Model] = field(default_factory=dict)
    display: Display = field(default_factory=Display)
    previous: PreviousLog | None = None
    """An earlier log of the task this run continues (see ``PreviousLog``)."""


class _Progress:
    """What the task keeps of its finished samples (their results and usage, and the
    samples themselves only when the log is returned with them), whether errors have
    failed the eval, and what the display is told as they come in."""

    def __init__(
        self,
        total: int,
        fail_on_error: bool | float | None,
        view: TaskView,
        live_metrics: LiveMetrics,
        keep_samples: bool,
    ) -> None:
        self.total = total
        self.fail_on_error = fail_on_error
        self.view = view
        self.live_metrics = live_metrics
        self.keep_samples = keep_samples
        self.results: list[SampleResult] = []
        self.samples: list[EvalSample] = []
        self.usage: dict[str, ModelUsage] = {}
        self.errors = 0
        self.failure: EvalError | None = None
        self.buffer: SampleBufferWriter | None = None

    def add(self, outcome: SampleOutcome) -> None:
        self.results.append(outcome.result())
        if self.buffer is not None:
            self.buffer.sample_done(outcome.sample)
        if self.keep_samples:
            self.samples.append(outcome.sample)
        self._add_usage(outcome.sample.model_usage)
        if outcome.error is not None:
            self.errors += 1
            if self.failure is None and fails_eval(self.fail_on_error, self.errors, self.total):
                self.failure = outcome.error
        self.view.sample_done(outcome.error is not None)
        self.live_metrics.update(self.results, self.view, force=len(self.results) == self.total)

    def add_copy(self, copy: SampleCopy, location: str) -> None:
        """Add a sample an earlier log completed (reused by a retry)."""
        self.results.append(copy_result(copy))
        if self.keep_samples:
            self.samples.append(copy_sample(copy, location))
        self._add_usage(copy_usage(copy))
        self.view.sample_done(False)
        self.live_metrics.update(self.results, self.view, force=len(self.results) == self.total)

    def _add_usage(self, sample_usage: dict[str, ModelUsage]) -> None:
        for model, usage in sample_usage.items():
            self.usage[model] = self.usage[model] + usage if model in self.usage else usage


async def run_task(run: TaskRun) -> EvalLog:
    """Run a task against a model and write its log; returns the log (with samples)."""
    task, options = run.resolved.task, run.options
    config = task.config.merge(options.generate_config)
    set_active_model(run.model, run.roles)
    samples = select_samples(
        with_ids(list(task.dataset)), options.limit, options.sample_id, task.name
    )
    epochs = options.epochs or task.epochs
    epoch_count = epochs.epochs if epochs is not None else 1
    reducers = scoring.resolve_reducers(epochs.reducer if epochs is not None else None)
    runs = sample_runs(samples, epoch_count)
    steps = [options.solver] if options.solver is not None else task.plan_steps
    finish = None if options.solver is not None else task.plan_finish
    named_scorers = scoring.named_scorers(task.scorer)
    fail_on_error = _first(options.fail_on_error, task.fail_on_error)
    previous = run.previous
    task_id = previous.task_id if previous is not None else short_uuid()
    plan = SamplePlan(
        model=run.model, generate=task_generate(run.model, config), steps=steps,
        setup=task.setup, finish=finish, cleanup=task.cleanup,
        score=scoring.score_function(named_scorers) if options.score and named_scorers else None,
        message_limit=_first(options.message_limit, task.message_limit),
        token_limit=_first(options.token_limit, task.token_limit),
        time_limit=_first(options.time_limit, task.time_limit),
        working_limit=_first(options.working_limit, task.working_limit),
        raise_errors=options.debug_errors,
        log_images=options.log_images,
        sandbox=task_sandbox(
            task.name, options.sandbox or task.sandbox, task.task_file,
            options.sandbox_cleanup, options.max_sandboxes,
        ),
    )  # fmt: skip
    spec = eval_spec(
        task, run.model, options, task_id,
        EvalDataset(
            name=task.dataset.name, location=task.dataset.location, samples=len(task.dataset),
            sample_ids=[sample_id for sample_id, _ in samples], shuffled=task.dataset.shuffled,
        ),
        _eval_config(options, plan, epoch_count, reducers, fail_on_error),
        scoring.scorer_specs(named_scorers, task.metrics) if named_scorers else None,
        run.roles,
    )  # fmt: skip
    spec.metrics = scoring.metric_definitions(task.metrics)
    spec.sandbox = options.sandbox or task.sandbox
    approval = options.approval
    if approval is None:
        task_dir = os.path.dirname(task.task_file) if task.task_file else None
        approval = resolve_approval(task.approval, task_dir)
    spec.config.approval = approval_config(approval)
    set_approval_policies(approval)  # run_task runs in a task of its own: this is its context
    set_task_scorers(named_scorers if named_scorers else None)
    location = _log_location(spec, str(run.model), options)
    if previous is not None:  # a retry keeps the task id, so its name may be taken
        location = await asyncio.to_thread(_unused_location, spec, str(run.model), options)
    view = run.display.task_started(
        TaskProfile(
            name=task.name, model=str(run.model), dataset=task.dataset.name or "",
            scorers=[name for name, _ in named_scorers], samples=len(samples),
            epochs=epoch_count, log_location=location,
        )
    )  # fmt: skip
    if view.wants_events:
        plan.on_event = view.sample_event
    recorder = open_recorder(location, options.log_format, options.log_buffer)
    await asyncio.to_thread(recorder.start, spec, eval_plan(steps, finish, config))
    live_metrics = LiveMetrics(named_scorers if plan.score else [], task.metrics, len(runs))
    keep_samples = options.log_samples and not options.log_header_only
    progress = _Progress(len(runs), fail_on_error, view, live_metrics, keep_samples)
    progress.buffer = buffer = SampleBufferWriter(location, options.log_shared).start()
    plan.on_start = buffer.sample_started
    max_samples = options.max_samples or default_max_samples(config, run.model)
    status: EvalStatus = "started"
    error: EvalError | None = None
    try:
        to_run = runs
        if previous is not None:
            to_run = await _reuse_samples(previous.location, runs, task, progress, recorder)
        async with task_sandboxes(plan.sandbox, [sample for _, sample in samples]):
            await _run_samples(plan, to_run, max_samples, options, progress, recorder)
        status, error = ("error", progress.failure) if progress.failure else ("success", None)
    except asyncio.CancelledError:
        await _finish(recorder, run, progress, "cancelled", None, spec.created, None, None)
        record_interrupted(location)
        raise
    except Exception as ex:
        if options.debug_errors:
            raise
        status, error = "error", eval_error(ex)
    finally:
        await asyncio.shield(asyncio.to_thread(buffer.close))
    results, reductions = (None, None)
    if status == "success" and plan.score is not None:
        results, reductions = scoring.eval_results(
            progress.results, named_scorers, task.metrics, reducers, len(runs)
        )
    elif status == "success":
        completed = sum(1 for result in progress.results if not result.failed)
        results = EvalResults(total_samples=len(runs), completed_samples=completed)
    return await _finish(recorder, run, progress, status, error, spec.created, results, reductions)


def default_max_samples(config: GenerateConfig, model: Model) -> int:
    """Samples run at once when ``max_samples`` is not given: one more than the model's
    connections (``max_connections``, else the provider's default), so that a sample is
    always ready when a connection frees up."""
    return (config.max_connections or model.api.max_connections()) + 1


async def _run_samples(
    plan: SamplePlan,
    runs: list[SampleRun],
    max_samples: int,
    options: EvalOptions,
    progress: _Progress,
    recorder: LogRecorder[Any],
) -> None:
    """Run every sample, ``max_samples`` at a time, stopping once errors fail the eval.

    Buffered samples are written from a thread; a write that fails fails the task (its
    error is raised once the samples stop), so samples are never lost silently.
    """
    queue = iter(runs)
    writes: set[asyncio.Task[None]] = set()
    write_errors: list[BaseException] = []

    def write_done(write: asyncio.Task[None]) -> None:
        writes.discard(write)
        if not write.cancelled() and write.exception() is not None:
            write_errors.append(write.exception())  # type: ignore[arg-type]

    async def worker() -> None:
        for item in queue:
            if progress.failure is not None:
                return
            outcome = await asyncio.create_task(
                _run_with_retries(plan, item, options.retry_on_error or 0)
            )
            progress.add(outcome)
            if options.log_samples:
                recorder.buffer_sample(outcome.sample)
                if recorder.flush_due() and not writes and not write_errors:
                    write = asyncio.create_task(asyncio.to_thread(recorder.flush))
                    writes.add(write)
                    write.add_done_callback(write_done)

    workers = [asyncio.create_task(worker()) for _ in range(min(max_samples, len(runs)) or 1)]
    try:
        await asyncio.gather(*workers)
    finally:
        for pending in workers:
            pending.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*workers, return_exceptions=True)
        if writes:
            await asyncio.gather(*writes, return_exceptions=True)
    if write_errors:
        raise write_errors[0]


async def _reuse_samples(
    location: str,
    runs: list[SampleRun],
    task: Task,
    progress: _Progress,
    recorder: LogRecorder[Any],
) -> list[SampleRun]:
    """Reuse the samples the earlier log at ``location`` completed; the runs left to do.

    The reused samples are written to the new log straight away.
    """
    copies = await asyncio.to_thread(reusable_samples, location, runs, task.dataset)
    for copy in copies:
        progress.add_copy(copy, location)
        recorder.buffer_copy(copy)
    if copies:
        await asyncio.to_thread(recorder.flush)
    reused = reused_keys(copies)
    return [run for run in runs if (run.id, run.epoch) not in reused]


async def _run_with_retries(plan: SamplePlan, item: SampleRun, retries: int) -> SampleOutcome:
    """Run a sample, running it again (up to ``retries`` times) when it errors."""
    failed: list[EvalRetryError] = []
    while True:
        outcome = await run_sample(plan, item.sample, item.id, item.epoch)
        if outcome.error is None or len(failed) >= retries:
            break
        failed.append(EvalRetryError(**outcome.error.model_dump(), events=outcome.sample.events))
    if failed:
        outcome.sample.error_retries = failed
    return outcome


async def _finish(
    recorder: LogRecorder[Any],
    run: TaskRun,
    progress: _Progress,
    status: EvalStatus,
    error: EvalError | None,
    started_at: str,
    results: EvalResults | None,
    reductions: list[EvalSampleReductions] | None,
) -> EvalLog:
    stats = EvalStats(
        started_at=started_at,
        completed_at=datetime.now(UTC).isoformat(timespec="seconds"),
        model_usage=progress.usage,
    )
    header = await asyncio.shield(
        asyncio.to_thread(recorder.finish, status, stats, results, reductions, error)
    )
    progress.view.finished(header)
    samples = progress.samples if progress.keep_samples else None
    return header.model_copy(update={"samples": samples})


def _log_location(spec: EvalSpec, model: str, options: EvalOptions) -> str:
    """Where the log of ``spec`` is written."""
    name = log_file_name(spec.created, spec.task, spec.task_id, model, options.log_format)
    return filesystem.join(options.log_dir, name)


def _unused_location(spec: EvalSpec, model: str, options: EvalOptions) -> str:
    """Where the log of ``spec`` is written, its creation time moved on a second at a time
    while that name is taken (retrying within a second of the original would reuse it)."""
    location = _log_location(spec, model, options)
    while filesystem.exists(location):
        created = datetime.fromisoformat(spec.created) + timedelta(seconds=1)
        spec.created = created.isoformat(timespec="seconds")
        location = _log_location(spec, model, options)
    return location


def _first(*values: int | float | bool | None) -> Any:
    """The first value that is not None."""
    return next((value for value in values if value is not None), None)


def _eval_config(
    options: EvalOptions,
    plan: SamplePlan,
    epochs: int,
    reducers: list[object] | None,
    fail_on_error: bool | float | None,
) -> EvalConfig:
    return EvalConfig(
        limit=options.limit,
        sample_id=options.sample_id,
        epochs=epochs,
        epochs_reducer=scoring.reducer_names(reducers),
        fail_on_error=True if fail_on_error is None else fail_on_error,
        continue_on_fail=False,
        retry_on_error=options.retry_on_error,
        score_on_error=False,
        message_limit=plan.message_limit,
        token_limit=plan.token_limit,
        time_limit=plan.time_limit,
        working_limit=plan.working_limit,
        max_samples=options.max_samples,
        max_tasks=options.max_tasks,
        max_subprocesses=options.max_subprocesses,
        max_sandboxes=options.max_sandboxes,
        sandbox_cleanup=True if options.sandbox_cleanup is None else options.sandbox_cleanup,
        log_samples=options.log_samples,
        log_images=options.log_images,
        log_buffer=options.log_buffer,
        score_display=True,
    )
