"""``eval_set()`` and ``inspect eval-set``: every task x model run to success with retries,
resumable from the log dir, refusing a log dir of a different set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspect_ai import eval_set
from inspect_ai.log import list_eval_logs, read_eval_log

TASKS = '''
import os
from pathlib import Path

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, generate, solver


def dataset(name):
    return [Sample(id=i, input=f"{name} {i}", target="mockllm") for i in range(1, 5)]


@solver
def flaky():
    """Sample 4 fails on its first two attempts (per model); every run is counted."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        counts = Path(os.environ["FLAKY_DIR"])
        model = str(state.model).replace("/", "-")
        with open(counts / f"runs-{model}.txt", "a") as file:
            file.write(f"{state.sample_id}\\n")
        if state.sample_id == 4:
            attempts = counts / f"attempts-{model}.txt"
            count = int(attempts.read_text()) if attempts.exists() else 0
            attempts.write_text(str(count + 1))
            if count < 2:
                raise ConnectionError(f"attempt {count + 1} failed")
        return state

    return solve


@task
def alpha():
    return Task(dataset=dataset("alpha"), solver=generate(), scorer=includes())


@task
def beta():
    return Task(dataset=dataset("beta"), solver=generate(), scorer=includes())


@task
def gamma():
    return Task(dataset=dataset("gamma"), solver=[flaky(), generate()], scorer=includes())
'''

MODELS = ["mockllm/model", "mockllm/other"]


@pytest.fixture
def tasks_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tasks.py"
    path.write_text(TASKS)
    flaky = tmp_path / "flaky"
    flaky.mkdir()
    monkeypatch.setenv("FLAKY_DIR", str(flaky))
    return path


def runs(tmp_path: Path, model: str) -> list[int]:
    path = tmp_path / "flaky" / f"runs-{model.replace('/', '-')}.txt"
    return [int(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_flaky_task_succeeds_on_retry_and_rerun_does_nothing(
    tasks_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_dir = tmp_path / "logs"
    success, logs = eval_set(
        str(tasks_file), log_dir=str(log_dir), model=MODELS, retry_wait=0.01, display="none"
    )
    assert success
    assert len(logs) == 6
    assert all(log.status == "success" for log in logs)
    assert sorted((log.eval.task, log.eval.model) for log in logs) == sorted(
        (task, model) for task in ("alpha", "beta", "gamma") for model in MODELS
    )
    info = json.loads((log_dir / "eval-set.json").read_text())
    assert len(info["tasks"]) == 6
    assert {log.eval.eval_set_id for log in logs} == {info["eval_set_id"]}
    for model in MODELS:
        # samples 1-3 ran once (then were reused); sample 4 ran on each of 3 attempts
        assert sorted(runs(tmp_path, model)) == [1, 2, 3, 4, 4, 4]
        [gamma] = [log for log in logs if log.eval.task == "gamma" and log.eval.model == model]
        written = read_eval_log(gamma.location)
        assert len(written.samples or []) == 4
        assert written.results is not None and written.results.completed_samples == 4
    # failed attempts were cleaned up: one log per task x model
    assert len(list_eval_logs(str(log_dir))) == 6
    capsys.readouterr()

    again, again_logs = eval_set(
        str(tasks_file), log_dir=str(log_dir), model=MODELS, retry_wait=0.01, display="none"
    )
    assert again
    assert "nothing to do" in capsys.readouterr().out
    assert sorted(log.location for log in again_logs) == sorted(log.location for log in logs)
    assert sorted(runs(tmp_path, MODELS[0])) == [1, 2, 3, 4, 4, 4]  # nothing ran
    assert len(list_eval_logs(str(log_dir))) == 6


def test_gives_up_after_retry_attempts_and_resumes_later(tasks_file: Path, tmp_path: Path) -> None:
    log_dir = str(tmp_path / "logs")
    success, logs = eval_set(
        f"{tasks_file}@gamma", log_dir=log_dir, model="mockllm/model", retry_attempts=0,
        display="none",
    )  # fmt: skip
    assert not success
    [failed] = logs
    assert failed.status == "error"
    # run again: the failed log is continued (same task id, completed samples reused)
    success, logs = eval_set(
        f"{tasks_file}@gamma", log_dir=log_dir, model="mockllm/model", retry_wait=0,
        display="none",
    )  # fmt: skip
    assert success
    assert logs[0].eval.task_id == failed.eval.task_id
    assert sorted(runs(tmp_path, "mockllm/model")) == [1, 2, 3, 4, 4, 4]


def test_retry_cleanup_false_keeps_failed_logs(tasks_file: Path, tmp_path: Path) -> None:
    log_dir = str(tmp_path / "logs")
    success, _ = eval_set(
        f"{tasks_file}@gamma", log_dir=log_dir, model="mockllm/model", retry_wait=0,
        retry_cleanup=False, display="none",
    )  # fmt: skip
    assert success
    statuses = sorted(
        read_eval_log(info, header_only=True).status for info in list_eval_logs(log_dir)
    )
    assert statuses == ["error", "error", "success"]


def test_refuses_a_log_dir_of_a_different_set(tasks_file: Path, tmp_path: Path) -> None:
    log_dir = str(tmp_path / "logs")
    success, _ = eval_set(
        f"{tasks_file}@alpha", log_dir=log_dir, model="mockllm/model", display="none"
    )
    assert success
    with pytest.raises(ValueError, match=r"different tasks.*not in this set: alpha.*beta"):
        eval_set(f"{tasks_file}@beta", log_dir=log_dir, model="mockllm/model", display="none")


def test_refuses_a_log_dir_with_logs_of_other_tasks(tasks_file: Path, tmp_path: Path) -> None:
    from inspect_ai import eval

    log_dir = str(tmp_path / "logs")
    eval(f"{tasks_file}@beta", model="mockllm/model", log_dir=log_dir, display="none")
    with pytest.raises(ValueError, match="not in this eval set: beta"):
        eval_set(f"{tasks_file}@alpha", log_dir=log_dir, model="mockllm/model", display="none")


def test_cli_eval_set_runs_and_resumes(tasks_file: Path, tmp_path: Path) -> None:
    command = [
        sys.executable, "-m", "inspect_ai._cli.main", "eval-set", "tasks.py", "--model",
        "mockllm/model", "--log-dir", "logs", "--retry-wait", "0", "--display", "none",
    ]  # fmt: skip
    env = {**os.environ}
    first = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert len(list_eval_logs(str(tmp_path / "logs"))) == 3
    second = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert "nothing to do" in second.stdout


def test_cli_eval_set_needs_a_log_dir(tasks_file: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", "eval-set", "tasks.py", "--model",
         "mockllm/model"],
        cwd=tmp_path, capture_output=True, text=True,
        env={k: v for k, v in os.environ.items() if k != "INSPECT_LOG_DIR"},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Error: inspect eval-set needs --log-dir (where the set is resumed from)."
    )
