"""``eval_retry()`` and ``inspect eval-retry``: tasks re-created from their logs, completed
samples reused without calling the model, the rest run into a new log."""

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval, eval_retry
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, read_eval_log, read_eval_log_sample
from inspect_ai.scorer import match

TASK_FILE = '''
import os
from pathlib import Path

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ModelAPI, ModelOutput, ModelUsage, modelapi
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, TaskState, generate, solver


@modelapi(name="counting")
class Counting(ModelAPI):
    """Answers 42 and counts its calls in the file CALLS_FILE names."""

    async def generate(self, input, tools, tool_choice, config):
        calls = os.environ.get("CALLS_FILE")
        if calls:
            with open(calls, "a") as file:
                file.write(input[-1].text + "\\n")
        output = ModelOutput.from_content(self.model_name, "42")
        output.usage = ModelUsage(input_tokens=2, output_tokens=1, total_tokens=3)
        return output


@solver
def flaky():
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        failing = os.environ.get("FAIL_IDS", "").split(",")
        if str(state.sample_id) in failing:
            raise ConnectionError(f"sample {state.sample_id} failed")
        return state

    return solve


@task
def arith(count: int = 6, shuffled: bool = False, explicit_ids: bool = True):
    samples = [
        Sample(input=f"question {i}", target="42", id=i if explicit_ids else None)
        for i in range(1, count + 1)
    ]
    dataset = MemoryDataset(samples)
    if shuffled:
        dataset.shuffle(seed=7)
    return Task(dataset=dataset, solver=[flaky(), generate()], scorer=match())
'''


@pytest.fixture
def task_file(tmp_path: Path) -> Path:
    path = tmp_path / "arith.py"
    path.write_text(TASK_FILE)
    return path


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "calls.txt"
    monkeypatch.setenv("CALLS_FILE", str(path))
    return path


def read_calls(path: Path) -> list[str]:
    lines = path.read_text().splitlines() if path.exists() else []
    path.unlink(missing_ok=True)
    return lines


def failed_eval(
    task_file: Path, log_dir: Path, monkeypatch: pytest.MonkeyPatch, **args: Any
) -> EvalLog:
    monkeypatch.setenv("FAIL_IDS", "3,5")
    [log] = eval(
        str(task_file), model="counting/model", log_dir=str(log_dir), display="none",
        fail_on_error=False, **args,
    )  # fmt: skip
    monkeypatch.delenv("FAIL_IDS")
    assert log.status == "success"  # errors tolerated, but samples 3 and 5 failed
    assert {s.id for s in log.samples or [] if s.error is not None} == {3, 5} & {
        s.id for s in log.samples or []
    }
    return log


def test_retry_reuses_completed_samples_and_keeps_the_task_id(
    task_file: Path, tmp_path: Path, calls: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = failed_eval(task_file, tmp_path / "logs", monkeypatch)
    assert len(read_calls(calls)) == 4
    before = Path(original.location).read_bytes()

    [retried] = eval_retry(original, display="none")

    assert read_calls(calls) == ["question 3", "question 5"]  # only the failed ones ran
    assert retried.status == "success"
    assert retried.eval.task_id == original.eval.task_id
    assert retried.eval.eval_id != original.eval.eval_id
    assert retried.location != original.location
    assert Path(original.location).read_bytes() == before  # the original is untouched
    assert Path(retried.location).parent == Path(original.location).parent
    written = read_eval_log(retried.location)
    assert sorted(s.id for s in written.samples or []) == [1, 2, 3, 4, 5, 6]
    assert all(s.error is None for s in written.samples or [])
    assert written.results is not None
    assert written.results.completed_samples == 6
    assert written.results.scores[0].metrics["accuracy"].value == 1.0
    for id in (1, 2, 4, 6):  # reused as they were: same uuid and events
        old, new = (
            read_eval_log_sample(original.location, id),
            read_eval_log_sample(retried.location, id),
        )
        assert new.uuid == old.uuid
        assert new.events == old.events
    assert (
        read_eval_log_sample(retried.location, 3).uuid
        != read_eval_log_sample(original.location, 3).uuid
    )
    usage = written.stats.model_usage["counting/model"]  # reused and new samples' usage
    assert usage.total_tokens == 6 * 3
    assert retried.samples is not None and len(retried.samples) == 6


def test_retry_recreates_args_model_config_and_options(
    task_file: Path, tmp_path: Path, calls: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = failed_eval(
        task_file, tmp_path / "logs", monkeypatch, task_args={"count": 5}, epochs=2,
        temperature=0.25, message_limit=9, log_format="json", limit=4,
    )  # fmt: skip
    read_calls(calls)
    [retried] = eval_retry(original.location, display="none", max_connections=3)
    assert retried.location.endswith(".json")
    spec = retried.eval
    assert spec.task_args["count"] == 5
    assert spec.config.epochs == 2 and spec.config.message_limit == 9 and spec.config.limit == 4
    assert retried.plan.config.temperature == 0.25
    assert retried.plan.config.max_connections == 3
    assert sorted(read_calls(calls)) == ["question 3"] * 2  # sample 3 in both epochs
    assert retried.status == "success"
    assert len(retried.samples or []) == 8
    assert retried.reductions is not None


def test_shuffled_dataset_without_ids_reuses_nothing(
    task_file: Path,
    tmp_path: Path,
    calls: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    original = failed_eval(
        task_file, tmp_path / "logs", monkeypatch,
        task_args={"shuffled": True, "explicit_ids": False},
    )  # fmt: skip
    read_calls(calls)
    with caplog.at_level(logging.WARNING):
        [retried] = eval_retry(original, display="none")
    assert "shuffled" in caplog.text
    assert len(read_calls(calls)) == 6  # every sample ran again
    assert retried.status == "success"


def test_shuffled_dataset_with_ids_is_reused(
    task_file: Path, tmp_path: Path, calls: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = failed_eval(task_file, tmp_path / "logs", monkeypatch, task_args={"shuffled": True})
    read_calls(calls)
    [retried] = eval_retry(original, display="none")
    assert sorted(read_calls(calls)) == ["question 3", "question 5"]
    assert retried.status == "success"


def test_task_not_made_by_a_task_function_cannot_be_retried(tmp_path: Path) -> None:
    task = Task(dataset=[Sample(input="x", target="y")], scorer=match())
    [log] = eval(task, model="mockllm/model", log_dir=str(tmp_path), display="none")
    with pytest.raises(ValueError, match="not created by an @task function"):
        eval_retry(log)


def test_log_without_location_cannot_be_retried(tmp_path: Path) -> None:
    task = Task(dataset=[Sample(input="x", target="y")], scorer=match())
    [log] = eval(task, model="mockllm/model", log_dir=str(tmp_path), display="none")
    log.location = ""
    with pytest.raises(ValueError, match="no location"):
        eval_retry(log)


def run_cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_retry_with_a_provider_defined_in_the_task_file(
    task_file: Path, tmp_path: Path
) -> None:
    # a new process: `counting` is registered only once the task file is loaded
    calls = tmp_path / "cli-calls.txt"
    env = {"CALLS_FILE": str(calls), "INSPECT_DISPLAY": "none"}
    first = run_cli(
        "eval", task_file.name, "--model", "counting/model", "--log-dir", "logs",
        cwd=tmp_path, env={**env, "FAIL_IDS": "2"},
    )  # fmt: skip
    assert first.returncode == 1, first.stderr
    assert "sample 2 failed" in first.stderr
    [log_file] = (tmp_path / "logs").glob("*.eval")
    assert read_eval_log(str(log_file), header_only=True).status == "error"
    read_calls(calls)

    retried = run_cli("eval-retry", str(log_file), cwd=tmp_path, env=env)
    assert retried.returncode == 0, retried.stderr
    logs = sorted((tmp_path / "logs").glob("*.eval"))
    assert len(logs) == 2
    new = next(path for path in logs if path != log_file)
    header = read_eval_log(str(new), header_only=True)
    assert header.status == "success"
    assert header.eval.task_id == read_eval_log(str(log_file), header_only=True).eval.task_id
    # fail_on_error stopped the first run at sample 2: 1 was reused, the rest ran
    assert "question 1" not in read_calls(calls)


def test_cli_retry_of_a_missing_log_is_one_line(tmp_path: Path) -> None:
    result = run_cli("eval-retry", "nope.eval", cwd=tmp_path, env={})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nope.eval" in result.stderr


def test_task_file_is_logged_relative_to_the_launch_directory(
    task_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = tmp_path / "tasks"
    sub.mkdir()
    moved = sub / "arith.py"
    task_file.rename(moved)
    monkeypatch.chdir(tmp_path)
    [log] = eval("tasks/arith.py", model="counting/model", log_dir="logs", display="none")
    assert log.eval.task_file == "tasks/arith.py"
