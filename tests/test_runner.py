"""The runner: eval() over tasks, samples, limits, errors, events and the logs it writes."""

import asyncio
import logging
from pathlib import Path

import pytest

from inspect_ai import Task, eval, task
from inspect_ai.dataset import Sample
from inspect_ai.log import read_eval_log
from inspect_ai.model import ChatMessageUser, GenerateConfig, ModelOutput, get_model
from inspect_ai.solver import Generate, Plan, TaskState, solver
from inspect_ai.util import concurrency, span, store, subprocess, transcript


def samples(n: int) -> list[Sample]:
    return [Sample(input=f"Question {i}", target="x") for i in range(n)]


def run(task: Task, tmp_path: Path, **kwargs: object) -> object:
    logs = eval(task, model=kwargs.pop("model", "mockllm/model"), log_dir=str(tmp_path), **kwargs)
    assert len(logs) == 1
    return logs[0]


def event_names(sample: object) -> list[str]:
    return [e.event for e in sample.events]  # type: ignore[attr-defined]


def test_eval_writes_a_readable_log_with_every_sample(tmp_path: Path) -> None:
    log = run(Task(dataset=samples(5)), tmp_path)
    assert log.status == "success"
    assert log.location and Path(log.location).exists()
    assert [s.id for s in log.samples] == [1, 2, 3, 4, 5]
    read = read_eval_log(log.location)
    assert read.status == "success"
    assert len(read.samples) == 5
    assert read.samples[0].output.completion == "Default output from mockllm/model"
    assert read.eval.model == "mockllm/model"
    assert read.eval.dataset.sample_ids == [1, 2, 3, 4, 5]
    assert read.plan.steps[0].solver == "generate"
    assert read.stats.model_usage["mockllm/model"].total_tokens > 0


def test_sample_events_follow_the_reference_shape(tmp_path: Path) -> None:
    log = run(Task(dataset=samples(1)), tmp_path)
    sample = log.samples[0]
    assert event_names(sample) == [
        "span_begin", "sample_init", "span_end",
        "span_begin", "span_begin", "model", "state", "span_end", "span_end",
    ]  # fmt: skip
    begins = [e for e in sample.events if e.event == "span_begin"]
    assert [(e.type, e.name) for e in begins] == [
        ("init", "init"),
        ("solvers", "solvers"),
        ("solver", "generate"),
    ]
    assert begins[2].parent_id == begins[1].id
    model_event = next(e for e in sample.events if e.event == "model")
    assert model_event.span_id == begins[2].id
    state_event = next(e for e in sample.events if e.event == "state")
    assert any(
        change.path == "/messages/1" and change.op == "add" for change in state_event.changes
    )


def test_json_log_format_and_env_log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECT_LOG_DIR", str(tmp_path / "env-logs"))
    monkeypatch.setenv("INSPECT_LOG_FORMAT", "json")
    log = eval(Task(dataset=samples(2)), model="mockllm/model")[0]
    assert log.location.endswith(".json")
    assert Path(log.location).parent == tmp_path / "env-logs"
    assert read_eval_log(log.location).samples[1].id == 2


def test_model_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECT_EVAL_MODEL", "mockllm/model")
    log = eval(Task(dataset=samples(1)), log_dir=str(tmp_path))[0]
    assert log.eval.model == "mockllm/model"


def test_no_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INSPECT_EVAL_MODEL", raising=False)
    with pytest.raises(ValueError, match="No model specified"):
        eval(Task(dataset=samples(1)), log_dir=str(tmp_path))


def test_unknown_provider_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Unknown model provider 'nosuch'"):
        eval(Task(dataset=samples(1)), model="nosuch/model", log_dir=str(tmp_path))


def test_unknown_generate_option_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="temprature"):
        eval(Task(dataset=samples(1)), model="mockllm/model", log_dir=str(tmp_path), temprature=1)


def test_limit_range_and_sample_id(tmp_path: Path) -> None:
    dataset = [Sample(input=f"q{i}", id=f"s{i}") for i in range(1, 11)]
    assert [s.id for s in run(Task(dataset=dataset), tmp_path, limit=3).samples] == [
        "s1",
        "s2",
        "s3",
    ]
    ranged = run(Task(dataset=dataset), tmp_path, limit=(4, 6)).samples
    assert [s.id for s in ranged] == ["s4", "s5", "s6"]
    picked = run(
        Task(dataset=dataset, name="pick"), tmp_path, sample_id=["s2", "pick:s7", "other:s9"]
    )
    assert sorted(s.id for s in picked.samples) == ["s2", "s7"]


def test_epochs_run_every_sample_each_epoch(tmp_path: Path) -> None:
    log = run(Task(dataset=samples(3), epochs=2), tmp_path)
    assert sorted((s.id, s.epoch) for s in log.samples) == [
        (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)
    ]  # fmt: skip
    assert log.eval.config.epochs == 2
    assert log.results.total_samples == 6


def test_generate_config_layers(tmp_path: Path) -> None:
    seen: list[GenerateConfig] = []

    def reply(input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        seen.append(config)
        return ModelOutput.from_content("mockllm/model", "ok")

    @solver
    def capped():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            return await generate(state, max_tokens=7)

        return solve

    model = get_model("mockllm/model", custom_outputs=reply, memoize=False)
    task = Task(
        dataset=samples(1),
        solver=[capped()],
        config=GenerateConfig(temperature=0.2, top_p=0.5),
    )
    run(task, tmp_path, model=model, temperature=0.9, seed=3)
    assert seen[0].temperature == 0.9  # eval options over the task's config
    assert seen[0].top_p == 0.5
    assert seen[0].seed == 3
    assert seen[0].max_tokens == 7  # generate() options over both


def test_message_limit_stops_the_sample_and_is_logged(tmp_path: Path) -> None:
    @solver
    def chatty():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            for _ in range(10):
                state.messages.append(ChatMessageUser(content="more"))
                state = await generate(state)
            return state

        return solve

    log = run(Task(dataset=samples(1), solver=chatty(), message_limit=5), tmp_path)
    sample = log.samples[0]
    assert log.status == "success"
    assert sample.limit is not None and sample.limit.type == "message"
    assert sample.limit.limit == 5
    assert "sample_limit" in event_names(sample)
    assert len(sample.messages) <= 6


def test_token_limit(tmp_path: Path) -> None:
    @solver
    def loop():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            for _ in range(50):
                state = await generate(state)
            return state

        return solve

    log = run(Task(dataset=samples(1), solver=loop()), tmp_path, token_limit=40)
    sample = log.samples[0]
    assert sample.limit is not None and sample.limit.type == "token"
    limit_event = next(e for e in sample.events if e.event == "sample_limit")
    assert limit_event.type == "token"


def test_time_limit(tmp_path: Path) -> None:
    @solver
    def slow():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            await asyncio.sleep(5)
            return state

        return solve

    log = run(Task(dataset=samples(1), solver=slow(), time_limit=1), tmp_path)
    assert log.status == "success"
    assert log.samples[0].limit is not None and log.samples[0].limit.type == "time"


@solver
def fails_on(ids: list[int]):  # type: ignore[no-untyped-def]
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        if state.sample_id in ids:
            raise RuntimeError(f"Deliberate failure for sample {state.sample_id}")
        return await generate(state)

    return solve


def test_sample_error_fails_the_eval_by_default(tmp_path: Path) -> None:
    log = run(Task(dataset=samples(20), solver=fails_on([3])), tmp_path, max_samples=1)
    assert log.status == "error"
    assert log.error.message == "RuntimeError('Deliberate failure for sample 3')"
    assert "Traceback" in log.error.traceback
    read = read_eval_log(log.location)
    assert read.status == "error"
    assert len(read.samples) < 20  # the eval stopped


def test_fail_on_error_false_and_thresholds(tmp_path: Path) -> None:
    task = Task(dataset=samples(10), solver=fails_on([3, 5]))
    tolerant = run(task, tmp_path, fail_on_error=False)
    assert tolerant.status == "success"
    errored = [s.id for s in tolerant.samples if s.error is not None]
    assert sorted(errored) == [3, 5]
    assert tolerant.results.completed_samples == 8
    failed_sample = next(s for s in tolerant.samples if s.id == 3)
    assert event_names(failed_sample)[-1] == "error"
    assert run(task, tmp_path, fail_on_error=0.3).status == "success"  # 20% <= 30%
    assert run(task, tmp_path, fail_on_error=0.1, max_samples=1).status == "error"
    assert run(task, tmp_path, fail_on_error=2).status == "success"  # 2 errors <= 2
    assert run(task, tmp_path, fail_on_error=1, max_samples=1).status == "error"


def test_retry_on_error_runs_the_sample_again(tmp_path: Path) -> None:
    attempts: dict[object, int] = {}

    @solver
    def flaky():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            attempts[state.sample_id] = attempts.get(state.sample_id, 0) + 1
            if attempts[state.sample_id] < 3:
                raise RuntimeError("transient")
            return await generate(state)

        return solve

    log = run(Task(dataset=samples(2), solver=flaky()), tmp_path, retry_on_error=2)
    assert log.status == "success"
    assert all(s.error is None for s in log.samples)
    assert all(len(s.error_retries) == 2 for s in log.samples)


def test_error_in_one_task_does_not_stop_the_others(tmp_path: Path) -> None:
    good = Task(dataset=samples(3), name="good")
    bad = Task(dataset=samples(3), solver=fails_on([1]), name="bad")
    logs = eval([bad, good], model="mockllm/model", log_dir=str(tmp_path))
    assert [log.status for log in logs] == ["error", "success"]


def test_debug_errors_raises(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="Deliberate"):
        run(Task(dataset=samples(2), solver=fails_on([1])), tmp_path, debug_errors=True)


def test_plan_finish_runs_after_early_termination(tmp_path: Path) -> None:
    @solver
    def stop():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            state.completed = True
            return state

        return solve

    @solver
    def never():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            raise AssertionError("must not run")

        return solve

    @solver
    def finish_up():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            state.metadata["finished"] = True
            return state

        return solve

    log = run(
        Task(dataset=samples(1), plan=Plan(steps=[stop(), never()], finish=finish_up())), tmp_path
    )
    assert log.status == "success"
    assert log.samples[0].metadata["finished"] is True
    assert [step.solver for step in log.plan.steps] == ["stop", "never"]
    assert log.plan.finish.solver == "finish_up"


def test_setup_and_cleanup(tmp_path: Path) -> None:
    cleaned: list[object] = []

    @solver
    def prepare():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            state.store.set("prepared", True)
            return state

        return solve

    async def cleanup(state: TaskState) -> None:
        cleaned.append(state.sample_id)

    log = run(Task(dataset=samples(2), setup=prepare(), cleanup=cleanup), tmp_path)
    assert sorted(cleaned) == [1, 2]  # type: ignore[type-var]
    assert log.samples[0].store == {"prepared": True}
    assert "store" in event_names(log.samples[0])


def test_transcript_info_span_store_and_logging(tmp_path: Path) -> None:
    @solver
    def noisy():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            transcript().info({"step": 1}, source="noisy")
            async with span("inner"):
                store().set("key", "value")
                logging.getLogger("noisy").warning("careful")
            with transcript().step("legacy"):
                pass
            return state

        return solve

    sample = run(Task(dataset=samples(1), solver=noisy()), tmp_path).samples[0]
    info = next(e for e in sample.events if e.event == "info")
    assert info.data == {"step": 1} and info.source == "noisy"
    inner = next(e for e in sample.events if e.event == "span_begin" and e.name == "inner")
    logger = next(e for e in sample.events if e.event == "logger")
    assert logger.message.message == "careful" and logger.span_id == inner.id
    assert sample.store == {"key": "value"}
    assert any(e.event == "span_begin" and e.name == "legacy" for e in sample.events)


def peak_concurrency(tmp_path: Path, count: int, **options: object) -> int:
    """The most samples that ran at once in an eval of ``count`` samples with ``options``."""
    running = 0
    peak = 0

    @solver
    def track():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.02)
            running -= 1
            return state

        return solve

    run(Task(dataset=samples(count), solver=track()), tmp_path, **options)
    return peak


def test_max_samples_limits_concurrency(tmp_path: Path) -> None:
    assert peak_concurrency(tmp_path, 20, max_samples=3) == 3


@pytest.mark.parametrize(
    ("options", "expected"),
    [({}, 11), ({"max_connections": 4}, 5), ({"max_connections": 4, "max_samples": 2}, 2)],
)
def test_max_samples_defaults_to_one_more_than_max_connections(
    tmp_path: Path, options: dict[str, int], expected: int
) -> None:
    assert peak_concurrency(tmp_path, 30, **options) == expected  # default max_connections: 10


def test_the_default_max_samples_follows_the_providers_own_connections() -> None:
    from inspect_ai._runner.task_run import default_max_samples
    from inspect_ai.model import GenerateConfig, ModelAPI, get_model, modelapi

    @modelapi(name="wide")
    class Wide(ModelAPI):
        async def generate(self, *args: object, **kwargs: object) -> object:
            raise NotImplementedError

        def max_connections(self) -> int:
            return 32

    model = get_model("wide/model")
    assert default_max_samples(GenerateConfig(), model) == 33
    assert default_max_samples(GenerateConfig(max_connections=3), model) == 4


def test_concurrency_and_subprocess(tmp_path: Path) -> None:
    running = 0
    peak = 0

    @solver
    def limited():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            nonlocal running, peak
            async with concurrency("api", 2):
                running += 1
                peak = max(peak, running)
                result = await subprocess(["echo", str(state.sample_id)])
                running -= 1
            state.metadata["echo"] = result.stdout.strip()
            return state

        return solve

    log = run(Task(dataset=samples(6), solver=limited()), tmp_path, max_subprocesses=1)
    assert peak <= 2
    assert sorted(s.metadata["echo"] for s in log.samples) == ["1", "2", "3", "4", "5", "6"]


def test_subprocess_timeout_and_failure() -> None:
    async def main() -> None:
        timed_out = await subprocess(["sleep", "5"], timeout=1)
        assert not timed_out.success and "timed out" in timed_out.stderr
        failed = await subprocess("exit 3")
        assert not failed.success and failed.returncode == 3

    asyncio.run(main())


def test_cancelled_eval_keeps_completed_samples(tmp_path: Path) -> None:
    @solver
    def hang_on_five():  # type: ignore[no-untyped-def]
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            if state.sample_id == 5:
                await asyncio.sleep(60)
            return await generate(state)

        return solve

    from inspect_ai import eval_async

    async def main() -> None:
        job = asyncio.create_task(
            eval_async(
                Task(dataset=samples(5), solver=hang_on_five()),
                model="mockllm/model",
                log_dir=str(tmp_path),
                max_samples=5,
                log_buffer=1,
            )  # fmt: skip
        )
        await asyncio.sleep(1.0)
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job

    asyncio.run(main())
    [log_file] = list(tmp_path.glob("*.eval"))
    log = read_eval_log(str(log_file))
    assert log.status == "cancelled"
    assert sorted(s.id for s in log.samples) == [1, 2, 3, 4]


def test_task_file_model_api_and_task_model(tmp_path: Path) -> None:
    task_file = tmp_path / "custom_task.py"
    task_file.write_text(
        "from inspect_ai import Task, task\n"
        "from inspect_ai.dataset import Sample\n"
        "from inspect_ai.model import ModelAPI, ModelOutput, modelapi\n"
        "\n"
        "@modelapi(name='custom')\n"
        "class CustomModelAPI(ModelAPI):\n"
        "    def __init__(self, model_name, base_url=None, config=None, **model_args):\n"
        "        super().__init__(model_name, base_url, config=config)\n"
        "\n"
        "    async def generate(self, input, tools, tool_choice, config):\n"
        "        return ModelOutput.from_content(self.model_name, 'custom says hi')\n"
        "\n"
        "@task\n"
        "def uses_eval_model():\n"
        "    return Task(dataset=[Sample(input='hi')])\n"
        "\n"
        "@task\n"
        "def has_own_model():\n"
        "    return Task(dataset=[Sample(input='hi')], model='custom/own')\n"
    )
    logs = eval(
        [f"{task_file}@uses_eval_model", f"{task_file}@has_own_model"],
        model="custom/name-of-model",
        log_dir=str(tmp_path / "logs"),
    )
    assert [log.eval.model for log in logs] == ["custom/name-of-model", "custom/own"]
    assert logs[0].samples[0].output.completion == "custom says hi"
    assert logs[0].eval.task_file is not None and logs[0].eval.task_file.endswith("custom_task.py")


def test_dotenv_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspect_ai._runner import dotenv

    (tmp_path / ".env").write_text("INSPECT_EVAL_MODEL=mockllm/model\nINSPECT_LOG_DIR=./env-logs\n")
    monkeypatch.chdir(tmp_path)
    for name in ("INSPECT_EVAL_MODEL", "INSPECT_LOG_DIR"):  # unset again afterwards
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setattr(dotenv, "_loaded", set())
    log = eval(Task(dataset=samples(1)))[0]
    assert log.eval.model == "mockllm/model"
    assert Path(log.location).parent == tmp_path / "env-logs"
    monkeypatch.delenv("INSPECT_EVAL_MODEL", raising=False)
    monkeypatch.delenv("INSPECT_LOG_DIR", raising=False)


def test_task_decorator_records_args(tmp_path: Path) -> None:
    @task
    def parametrised(n: int = 2, flag: bool = False) -> Task:
        return Task(dataset=samples(n))

    log = run(parametrised(n=3), tmp_path)
    assert log.eval.task == "parametrised"
    assert log.eval.task_args == {"n": 3, "flag": False}
    assert log.eval.task_args_passed == {"n": 3}
    assert len(log.samples) == 3


def test_eval_from_running_event_loop(tmp_path: Path) -> None:
    async def main() -> str:
        return eval(Task(dataset=samples(1)), model="mockllm/model", log_dir=str(tmp_path))[
            0
        ].status

    assert asyncio.run(main()) == "success"


def test_dotenv_beside_the_task_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspect_ai._runner import dotenv

    project = tmp_path / "project"
    project.mkdir()
    (project / "hello.py").write_text(
        "from inspect_ai import Task, task\n"
        "from inspect_ai.dataset import Sample\n\n"
        "@task\ndef hello():\n    return Task(dataset=[Sample(input='hi')])\n"
    )
    (project / ".env").write_text("INSPECT_EVAL_MODEL=mockllm/model\nINSPECT_LOG_DIR=./logs\n")
    monkeypatch.chdir(tmp_path)
    for name in ("INSPECT_EVAL_MODEL", "INSPECT_LOG_DIR"):  # unset again afterwards
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setattr(dotenv, "_loaded", set())
    [log] = eval(str(project / "hello.py"), display="none")
    assert log.eval.model == "mockllm/model"
    assert Path(log.location).parent == project / "logs"
    monkeypatch.delenv("INSPECT_EVAL_MODEL", raising=False)
    monkeypatch.delenv("INSPECT_LOG_DIR", raising=False)


def test_log_header_only_returns_results_without_keeping_samples(tmp_path: Path) -> None:
    from inspect_ai.scorer import match

    dataset = [Sample(input=f"q{i}", target="Default output from mockllm/model") for i in range(6)]
    task = Task(dataset=dataset, scorer=match())
    log = run(task, tmp_path, log_header_only=True, epochs=2)
    assert log.samples is None
    assert log.results is not None and log.results.completed_samples == 12
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert log.stats.model_usage["mockllm/model"].total_tokens > 0
    read = read_eval_log(log.location)
    assert read.samples is not None and len(read.samples) == 12
    assert read.stats.model_usage == log.stats.model_usage


def test_a_failed_log_write_fails_the_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspect_ai._log.recorder.eval_recorder import EvalRecorder

    def disk_full(self: object, header: object, samples: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(EvalRecorder, "_write_samples", disk_full)
    log = run(Task(dataset=samples(8)), tmp_path, log_buffer=2, max_samples=1)
    assert log.status == "error"
    assert "No space left on device" in log.error.message
    assert read_eval_log(log.location).status == "error"
