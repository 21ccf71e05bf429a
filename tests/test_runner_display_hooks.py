"""What the runner tells the display: tasks, samples done, live metrics, events, endings."""

import asyncio
import logging
from pathlib import Path

import pytest

from inspect_ai import Task, eval
from inspect_ai._display.display import Display, MetricValue, TaskProfile, TaskView
from inspect_ai._event.event import Event
from inspect_ai._log.model.log import EvalLog
from inspect_ai._model.connections import connection_stats
from inspect_ai._runner import eval as runner_eval
from inspect_ai._runner import live_metrics
from inspect_ai._runner.interrupt import interrupted_logs
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, TaskState, generate, solver


class RecordingView(TaskView):
    wants_events = True
    wants_metrics = True

    def __init__(self, profile: TaskProfile) -> None:
        self.profile = profile
        self.done: list[bool] = []
        self.metric_updates: list[list[MetricValue]] = []
        self.events: list[tuple[int | str, int, str]] = []
        self.log: EvalLog | None = None

    def sample_done(self, errored: bool) -> None:
        self.done.append(errored)

    def metrics(self, values: list[MetricValue]) -> None:
        self.metric_updates.append(values)

    def sample_event(self, sample_id: int | str, epoch: int, event: Event) -> None:
        self.events.append((sample_id, epoch, event.event))

    def finished(self, log: EvalLog) -> None:
        self.log = log


class RecordingDisplay(Display):
    def __init__(self) -> None:
        self.views: list[RecordingView] = []
        self.records: list[str] = []
        self.running_now = False

    def task_started(self, profile: TaskProfile) -> TaskView:
        assert self.running_now
        view = RecordingView(profile)
        self.views.append(view)
        return view

    def log_handler(self) -> logging.Handler:
        display = self

        class Handler(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                display.records.append(record.getMessage())

        return Handler()

    def running(self):  # type: ignore[no-untyped-def]
        import contextlib

        @contextlib.contextmanager
        def span():  # type: ignore[no-untyped-def]
            self.running_now = True
            yield
            self.running_now = False

        return span()


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> RecordingDisplay:
    recording = RecordingDisplay()
    monkeypatch.setattr(runner_eval, "create_display", lambda kind: recording)
    return recording


def dataset(n: int) -> list[Sample]:
    return [Sample(input=f"q{i}", target="Default output from mockllm/model") for i in range(n)]


def test_the_display_hears_of_each_task_sample_event_and_ending(
    display: RecordingDisplay, tmp_path: Path
) -> None:
    task = Task(dataset=dataset(4), solver=generate(), scorer=match(), name="hooks")
    [log] = eval(task, model="mockllm/model", log_dir=str(tmp_path), epochs=2)
    [view] = display.views
    assert view.profile.name == "hooks"
    assert view.profile.model == "mockllm/model"
    assert view.profile.samples == 4 and view.profile.epochs == 2 and view.profile.steps == 8
    assert view.profile.scorers == ["match"]
    assert view.profile.log_location == log.location
    assert view.done == [False] * 8
    # the last sample always brings the final metrics
    assert view.metric_updates[-1] == [
        MetricValue("match", "accuracy", 1.0),
        MetricValue("match", "stderr", 0.0),
    ]
    assert {(sample_id, epoch) for sample_id, epoch, _ in view.events} == {
        (i, e) for i in range(1, 5) for e in (1, 2)
    }
    assert [name for _, _, name in view.events].count("model") == 8
    assert view.log is not None and view.log.status == "success" and view.log.samples is None


def test_live_metrics_wait_between_updates(
    display: RecordingDisplay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_metrics, "MIN_INTERVAL", 3600.0)
    task = Task(dataset=dataset(20), solver=generate(), scorer=match())
    eval(task, model="mockllm/model", log_dir=str(tmp_path))
    assert len(display.views[0].metric_updates) == 1  # only the final one


def test_errored_samples_are_reported_as_such(display: RecordingDisplay, tmp_path: Path) -> None:
    @solver
    def fail_second() -> object:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            if state.sample_id == 2:
                raise RuntimeError("no")
            return state

        return solve

    task = Task(dataset=dataset(3), solver=fail_second(), fail_on_error=False)
    eval(task, model="mockllm/model", log_dir=str(tmp_path), max_samples=1)
    assert display.views[0].done == [False, True, False]


def test_logging_goes_through_the_display_handler(
    display: RecordingDisplay, tmp_path: Path
) -> None:
    @solver
    def chatty() -> object:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            logging.getLogger("chatty").warning("careful: %s", state.sample_id)
            return state

        return solve

    eval(Task(dataset=dataset(1), solver=chatty()), model="mockllm/model", log_dir=str(tmp_path))
    assert display.records == ["careful: 1"]


def test_trace_runs_one_sample_at_a_time(display: RecordingDisplay, tmp_path: Path) -> None:
    running = 0
    most = 0

    @solver
    def overlap() -> object:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            nonlocal running, most
            running += 1
            most = max(most, running)
            await asyncio.sleep(0.01)
            running -= 1
            return state

        return solve

    [log] = eval(
        Task(dataset=dataset(5), solver=overlap()),
        model="mockllm/model",
        log_dir=str(tmp_path),
        trace=True,
    )
    assert most == 1
    assert log.eval.config.max_samples == 1


def test_connection_pools_are_labelled_with_the_model_not_the_key() -> None:
    async def main() -> list[str]:
        from inspect_ai.model import get_model

        model = get_model("mockllm/model", api_key="sk-secret")
        await model.generate("hi")
        return [f"{pool.label} {pool.in_use}/{pool.max}" for pool in connection_stats()]

    labels = asyncio.run(main())
    assert any(label.startswith("mockllm/model 0/") for label in labels)
    assert not any("sk-secret" in label for label in labels)


def test_a_cancelled_eval_records_its_log(tmp_path: Path) -> None:
    @solver
    def slow() -> object:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            await asyncio.sleep(30)
            return state

        return solve

    async def main() -> None:
        from inspect_ai import eval_async

        run = asyncio.create_task(
            eval_async(
                Task(dataset=dataset(2), solver=slow(), name="slowpoke"),
                model="mockllm/model",
                log_dir=str(tmp_path),
                display="none",
            )
        )
        await asyncio.sleep(0.5)
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run

    before = len(interrupted_logs())
    asyncio.run(main())
    [location] = interrupted_logs()[before:]
    assert "slowpoke" in location and Path(location).exists()


def test_log_level_http_shows_retries_and_counts_rate_limits(
    display: RecordingDisplay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools

    from inspect_ai._model import model as model_module
    from inspect_ai._model.retry import call_with_retry
    from inspect_ai.model import GenerateConfig, Model, ModelAPI, ModelOutput

    class RateLimited(Exception):
        pass

    class Flaky(ModelAPI):
        calls = 0

        async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
            Flaky.calls += 1
            if Flaky.calls == 1:
                raise RateLimited("429 slow down")
            return ModelOutput.from_content("flaky", "ok")

        def should_retry(self, ex: BaseException) -> bool:
            return isinstance(ex, RateLimited)

        def is_rate_limit(self, ex: BaseException) -> bool:
            return isinstance(ex, RateLimited)

    monkeypatch.setattr(
        model_module, "call_with_retry", functools.partial(call_with_retry, wait=lambda n: 0.01)
    )
    model = Model(Flaky("x", config=GenerateConfig()), GenerateConfig(), "flaky")
    task = Task(dataset=dataset(1), solver=generate())
    eval(task, model=model, log_dir=str(tmp_path), log_level="warning")
    assert not any("retrying" in record for record in display.records)
    Flaky.calls = 0
    eval(task, model=model, log_dir=str(tmp_path), log_level="http")
    assert any("retrying" in r and "rate limit" in r for r in display.records)
