"""Running one sample in one epoch: init, solvers, scorers, and the sample's log entry."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from inspect_ai._dataset.sample import Sample
from inspect_ai._event.error import ErrorEvent, EvalError
from inspect_ai._event.event import Event
from inspect_ai._event.sample import SampleInitEvent, SampleLimitEvent
from inspect_ai._ids import short_uuid
from inspect_ai._log.model.sample import EvalSample, EvalSampleLimit
from inspect_ai._model.message import ChatMessage, ChatMessageUser
from inspect_ai._model.model import Model
from inspect_ai._runner.errors import eval_error
from inspect_ai._runner.images import embed_images
from inspect_ai._sample.context import SampleContext, set_sample_context
from inspect_ai._sample.limits import LimitExceededError
from inspect_ai._sandbox.sample import SampleSandboxes
from inspect_ai._sandbox.task import TaskSandbox
from inspect_ai._scorer.score import Score
from inspect_ai._solver.run import remember_snapshots, run_solver
from inspect_ai._solver.snapshot import state_json
from inspect_ai._solver.solver import Generate, Solver
from inspect_ai._solver.state import TaskState
from inspect_ai._store.current import set_store
from inspect_ai._store.store import Store
from inspect_ai._transcript.span import span
from inspect_ai._transcript.transcript import Transcript, set_transcript

ScoreFunction = Callable[[TaskState], Awaitable[dict[str, Score]]]


@dataclass
class SamplePlan:
    """What runs on every sample of a task: solvers, cleanup, limits and scoring."""

    model: Model
    generate: Generate
    steps: list[Solver]
    setup: Solver | None = None
    finish: Solver | None = None
    cleanup: Callable[[TaskState], Awaitable[None]] | None = None
    score: ScoreFunction | None = None
    message_limit: int | None = None
    token_limit: int | None = None
    time_limit: int | None = None
    working_limit: int | None = None
    raise_errors: bool = False
    log_images: bool = True
    sandbox: TaskSandbox | None = None
    """Where samples get their sandboxes (None: the task uses none)."""
    on_event: Callable[[int | str, int, Event], None] | None = None
    """Called with each event a sample records (for displays that show conversations)."""
    on_start: Callable[[int | str, int, list[Event]], None] | None = None
    """Called as a sample (or a retry of it) starts, with the list its events go to (the
    live sample buffer reads them from there)."""


@dataclass
class SampleOutcome:
    """A sample's log entry, its scores, and its error (if it failed)."""

    sample: EvalSample
    scores: dict[str, Score] = field(default_factory=dict)
    error: EvalError | None = None

    def result(self) -> "SampleResult":
        """What the task's results need of this sample."""
        return SampleResult(
            id=self.sample.id,
            metadata=self.sample.metadata,
            scores=self.scores,
            failed=self.error is not None,
        )


@dataclass(frozen=True)
class SampleResult:
    """What a task's results need of a finished sample, kept once the sample is released."""

    id: int | str
    metadata: dict[str, Any]
    scores: dict[str, Score]
    failed: bool


async def run_sample(
    plan: SamplePlan, sample: Sample, sample_id: int | str, epoch: int
) -> SampleOutcome:
    """Run ``sample`` through the plan and score it; errors are caught and recorded."""
    async with SampleSandboxes(plan.sandbox, sample) as sandboxes:
        return await _run_sample(plan, sample, sample_id, epoch, sandboxes)


async def _run_sample(
    plan: SamplePlan, sample: Sample, sample_id: int | str, epoch: int, sandboxes: SampleSandboxes
) -> SampleOutcome:
    started_at = datetime.now(UTC)
    started = time.monotonic()
    listener = plan.on_event
    active = Transcript(
        started, None if listener is None else lambda event: listener(sample_id, epoch, event)
    )
    set_transcript(active)
    if plan.on_start is not None:
        plan.on_start(sample_id, epoch, active.events)
    context = SampleContext(plan.message_limit, plan.token_limit, plan.working_limit, epoch=epoch)
    set_sample_context(context)
    store = Store()
    set_store(store)
    state = TaskState(
        model=str(plan.model), sample_id=sample_id, epoch=epoch, input=sample.input,
        messages=_input_messages(sample.input), target=sample.target, choices=sample.choices,
        message_limit=plan.message_limit, token_limit=plan.token_limit,
        metadata=dict(sample.metadata or {}), store=store,
    )  # fmt: skip
    async with span("init", type="init"):
        initial = state_json(state)
        active._event(SampleInitEvent(sample=_init_sample(sample, sample_id), state=initial))
        remember_snapshots(state, initial, {})
    limit: EvalSampleLimit | None = None
    error: EvalError | None = None
    scores: dict[str, Score] = {}
    try:
        await sandboxes.start()
        state = await _solve(plan, state)
    except LimitExceededError as ex:
        limit = _record_limit(active, ex)
    except Exception as ex:
        if plan.raise_errors:
            raise
        error = eval_error(ex)
        active._event(ErrorEvent(error=error))
    if error is None and plan.score is not None:
        try:
            async with span("scorers", type="scorers"):
                scores = await plan.score(state)
        except Exception as ex:
            if plan.raise_errors:
                raise
            error = eval_error(ex)
            active._event(ErrorEvent(error=error))
            scores = {}
    if plan.log_images:
        embed_images(state.messages)
        if not isinstance(sample.input, str):
            embed_images(sample.input)
    logged = EvalSample(
        id=sample_id, epoch=epoch, input=sample.input, choices=sample.choices,
        target=sample.target, sandbox=sample.sandbox,
        files=list(sample.files) if sample.files else None, setup=sample.setup,
        messages=state.messages, output=state.output, scores=scores or None,
        metadata=state.metadata, store=dict(store.as_dict()), events=active.events,
        model_usage=context.model_usage, role_usage=context.role_usage,
        started_at=started_at.isoformat(), completed_at=datetime.now(UTC).isoformat(),
        total_time=round(time.monotonic() - started, 3),
        working_time=round(active.working_time(), 3), uuid=short_uuid(), error=error,
        limit=limit, message_limit=plan.message_limit, token_limit=plan.token_limit,
        time_limit=plan.time_limit,
    )  # fmt: skip
    return SampleOutcome(sample=logged, scores=scores, error=error)


async def _solve(plan: SamplePlan, state: TaskState) -> TaskState:
    """Run setup, the solver steps and the finish step (under the time limit), then cleanup."""
    deadline = asyncio.timeout(plan.time_limit)
    try:
        async with deadline:
            async with span("solvers", type="solvers"):
                state = await _run_steps(plan, state)
    except TimeoutError as ex:
        if plan.time_limit is None or not deadline.expired():
            raise
        raise LimitExceededError(
            "time", value=plan.time_limit, limit=plan.time_limit,
            message=f"Time limit exceeded. limit: {plan.time_limit} seconds",
        ) from ex  # fmt: skip
    finally:
        if plan.cleanup is not None:
            await plan.cleanup(state)
    return state


async def _run_steps(plan: SamplePlan, state: TaskState) -> TaskState:
    if plan.setup is not None:
        state = await run_solver(plan.setup, state, plan.generate)
    for step in plan.steps:
        state = await run_solver(step, state, plan.generate)
        if state.completed:
            break
    if plan.finish is not None:
        state = await run_solver(plan.finish, state, plan.generate)
    return state


def _record_limit(active: Transcript, ex: LimitExceededError) -> EvalSampleLimit:
    if ex.type != "context":  # the model's context window: recorded on the sample only
        active._event(SampleLimitEvent(type=ex.type, message=ex.message, limit=ex.limit))
    return EvalSampleLimit(type=ex.type, limit=ex.limit, reason=ex.message)


def _input_messages(input: str | list[ChatMessage]) -> list[ChatMessage]:
    if isinstance(input, str):
        return [ChatMessageUser(content=input, source="input")]
    return [message.model_copy(deep=True) for message in input]


def _init_sample(sample: Sample, sample_id: int | str) -> Sample:
    update: dict[str, Any] = {} if sample.id == sample_id else {"id": sample_id}
    if sample.files:  # names only: values may be long contents or local paths
        update["files"] = {name: "" for name in sample.files}
    return sample.model_copy(update=update) if update else sample
