"""``eval_retry()`` and ``eval_set()`` with logs on S3 (a moto server on 127.0.0.1)."""

from pathlib import Path

import pytest

from inspect_ai import eval, eval_retry, eval_set
from inspect_ai.log import list_eval_logs, read_eval_log, read_eval_log_samples

from .s3_fixture import s3_server_fixture

s3_server = s3_server_fixture()

TASK_FILE = """
import os

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, generate, solver


@solver
def flaky():
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        if os.environ.get("FAIL_ID") == str(state.sample_id):
            raise ConnectionError("down")
        return state

    return solve


@task
def remote():
    return Task(
        dataset=[Sample(id=i, input=f"q{i}", target="mockllm") for i in range(1, 6)],
        solver=[flaky(), generate()],
        scorer=includes(),
    )
"""


@pytest.fixture
def task_file(tmp_path: Path) -> Path:
    path = tmp_path / "remote.py"
    path.write_text(TASK_FILE)
    return path


def test_eval_retry_on_s3(s3_server: str, task_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log_dir = "s3://logs/retry"
    monkeypatch.setenv("FAIL_ID", "4")
    [failed] = eval(str(task_file), model="mockllm/model", log_dir=log_dir, display="none")
    assert failed.status == "error"
    assert failed.location.startswith("s3://logs/retry/")
    monkeypatch.delenv("FAIL_ID")
    kept = {
        s.uuid
        for s in read_eval_log_samples(failed.location, all_samples_required=False)
        if s.error is None
    }
    [retried] = eval_retry(failed.location, display="none")
    assert retried.status == "success"
    assert retried.location.startswith("s3://logs/retry/")
    assert retried.eval.task_id == failed.eval.task_id
    samples = list(read_eval_log_samples(retried.location))
    assert len(samples) == 5
    assert kept and kept <= {s.uuid for s in samples}  # reused as they were


def test_eval_set_on_s3_resumes(
    s3_server: str,
    task_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    log_dir = "s3://logs/set"
    monkeypatch.setenv("FAIL_ID", "2")
    success, logs = eval_set(
        str(task_file), log_dir=log_dir, model="mockllm/model", retry_attempts=0, display="none"
    )
    assert not success
    monkeypatch.delenv("FAIL_ID")
    success, logs = eval_set(str(task_file), log_dir=log_dir, model="mockllm/model", display="none")
    assert success
    assert [info.name.rsplit("/", 1)[-1] for info in list_eval_logs(log_dir)] == [
        logs[0].location.rsplit("/", 1)[-1]
    ]  # the failed attempt was cleaned up
    assert read_eval_log(logs[0].location).results is not None
    capsys.readouterr()
    success, _ = eval_set(str(task_file), log_dir=log_dir, model="mockllm/model", display="none")
    assert success and "nothing to do" in capsys.readouterr().out
