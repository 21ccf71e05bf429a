"""Nothing is lost: a 1,000-sample eval killed with SIGKILL (a real subprocess) leaves a
readable ``started`` log holding every flushed sample, which ``retryable_eval_logs``,
``inspect log list --retryable`` and ``inspect eval-retry`` pick up; Ctrl+C likewise."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from inspect_ai.log import (
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample_summaries,
    read_eval_log_samples,
    retryable_eval_logs,
)

TASK_FILE = """
import asyncio
import os

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ModelAPI, ModelOutput, modelapi
from inspect_ai.scorer import includes
from inspect_ai.solver import generate


@modelapi(name="steady")
class Steady(ModelAPI):
    async def generate(self, input, tools, tool_choice, config):
        await asyncio.sleep(float(os.environ.get("STEADY_DELAY", "0")))
        with open(os.environ["CALLS_FILE"], "a") as file:
            file.write(input[-1].text + "\\n")
        return ModelOutput.from_content(self.model_name, "yes")


@task
def thousand():
    return Task(
        dataset=[Sample(id=i, input=f"q{i}", target="yes") for i in range(1, 1001)],
        solver=generate(),
        scorer=includes(),
    )
"""


def inspect_process(tmp_path: Path, *args: str, delay: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "CALLS_FILE": str(tmp_path / "calls.txt"),
        "STEADY_DELAY": delay,
        "INSPECT_DISPLAY": "none",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "inspect_ai._cli.main", *args],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def flushed(log_dir: Path) -> int:
    """Samples in the log file on disk so far (0 while there is none)."""
    files = list(log_dir.glob("*.eval"))
    if not files:
        return 0
    try:
        return len(read_eval_log_sample_summaries(str(files[0])))
    except Exception:
        return 0


def wait_for_samples(log_dir: Path, count: int) -> None:
    deadline = time.monotonic() + 90
    while flushed(log_dir) < count:
        assert time.monotonic() < deadline, "the eval wrote no samples"
        time.sleep(0.05)


def calls(tmp_path: Path) -> list[str]:
    path = tmp_path / "calls.txt"
    lines = path.read_text().splitlines() if path.exists() else []
    path.unlink(missing_ok=True)
    return lines


def start_thousand(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    (tmp_path / "thousand.py").write_text(TASK_FILE)
    logs = tmp_path / "logs"
    process = inspect_process(
        tmp_path, "eval", "thousand.py", "--model", "steady/model", "--log-dir", "logs",
        "--max-connections", "10", delay="0.02",
    )  # fmt: skip
    return process, logs


def test_kill_9_leaves_a_readable_log_that_eval_retry_finishes(tmp_path: Path) -> None:
    process, logs = start_thousand(tmp_path)
    wait_for_samples(logs, 50)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    [log_file] = list(logs.glob("*.eval"))
    header = read_eval_log(str(log_file), header_only=True)
    assert header.status == "started"
    samples = list(read_eval_log_samples(str(log_file), all_samples_required=False))
    kept = {sample.id for sample in samples}
    assert 50 <= len(kept) < 1000
    assert all(sample.scores and sample.output.completion == "yes" for sample in samples)

    listed = list_eval_logs(str(logs))
    assert [info.name for info in retryable_eval_logs(listed)] == [listed[0].name]
    retryable = subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", "log", "list", "--retryable",
         "--log-dir", "logs"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert retryable.returncode == 0, retryable.stderr
    assert log_file.name in retryable.stdout

    ran_before = len(calls(tmp_path))
    assert ran_before >= len(kept)
    retry = inspect_process(tmp_path, "eval-retry", str(log_file), delay="0")
    _, stderr = retry.communicate(timeout=120)
    assert retry.returncode == 0, stderr
    ran = calls(tmp_path)
    assert len(ran) == 1000 - len(kept)  # the flushed samples were reused
    assert not kept & {int(line[1:]) for line in ran}
    new_file = next(path for path in logs.glob("*.eval") if path != log_file)
    finished = read_eval_log(str(new_file))
    assert finished.status == "success"
    assert finished.eval.task_id == header.eval.task_id
    assert len(finished.samples or []) == 1000
    assert finished.results is not None
    assert finished.results.scores[0].metrics["accuracy"].value == 1.0
    # once finished, the killed log is no longer retryable
    assert retryable_eval_logs(list_eval_logs(str(logs))) == []


def test_ctrl_c_keeps_completed_samples_for_retry(tmp_path: Path) -> None:
    process, logs = start_thousand(tmp_path)
    wait_for_samples(logs, 30)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    [log_file] = list(logs.glob("*.eval"))
    assert stderr.splitlines() == [f"Log: {log_file}"]
    header = read_eval_log(str(log_file), header_only=True)
    assert header.status == "cancelled"
    samples = list(read_eval_log_samples(str(log_file), all_samples_required=False))
    completed = len(calls(tmp_path))
    # every sample whose model call returned was kept (none was lost in a buffer)
    assert 30 <= len(samples) and completed - len(samples) <= 10
