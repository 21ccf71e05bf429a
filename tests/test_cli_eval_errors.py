"""``inspect eval`` exit codes: 2 and one ``Error:`` line for bad usage, 1 for a failed
task, 130 for Ctrl+C; through the real console script."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspect_ai.log import read_eval_log
from tests.test_cli_eval_options import TASK_FILE, run_inspect, write_task

FAILING_TASK = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.solver import Generate, TaskState, solver


@solver
def explode():
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        raise RuntimeError("asked to fail")

    return solve


@task
def failing():
    return Task(dataset=[Sample(input="x")], solver=[explode()])
"""

SLOW_TASK = """
import asyncio
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ModelAPI, ModelOutput, modelapi


@modelapi(name="slow")
class Slow(ModelAPI):
    async def generate(self, input, tools, tool_choice, config):
        await asyncio.sleep(0.05)
        return ModelOutput.from_content(model=self.model_name, content="done")


@task
def slow():
    return Task(dataset=[Sample(input=f"q{i}") for i in range(2000)])
"""


def assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and needle in line, line


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--limit", "abc"], "'abc' is not a count (N) or a range (A-B)"),
        (["-T", "x"], "'x' should be key=value"),
        (["--log-level", "loud"], "'loud' is not one of"),
        (["--fail-on-error", "lots"], "'lots' is not a proportion"),
        (["--fail-on-error=2.5"], "'2.5' is not a proportion"),
        (["--epochs", "0"], "--epochs"),
        (["--epochs-reducer", "max"], "--epochs-reducer needs --epochs"),
        (["-S", "a=1"], "-S (solver arguments) needs --solver"),
        (["--no-such-option"], "No such option '--no-such-option'"),
        (["--model-config", "missing.yaml"], "file 'missing.yaml' does not exist"),
    ],
)
def test_bad_option_values(tmp_path: Path, args: list[str], needle: str) -> None:
    task = write_task(tmp_path)
    result = run_inspect("eval", str(task), "--model", "mockllm/model", *args, cwd=tmp_path)
    assert_one_line_error(result, needle)


def test_bad_value_from_environment(tmp_path: Path) -> None:
    result = run_inspect("eval", "task.py", cwd=tmp_path, env={"INSPECT_EVAL_LIMIT": "1-x"})
    assert_one_line_error(result, "'1-x' is not a count")


@pytest.mark.parametrize(
    ("task", "args", "needle"),
    [
        ("{task}@nope", [], "Task 'nope' not found in"),
        ("broken.py", [], "Syntax error in"),
        ("missing.py", [], "Task file 'missing.py' does not exist"),
        ("{task}", ["--model", "nope/x"], "Unknown model provider 'nope'"),
        (
            "{task}",
            ["--model", "custom/x"],
            "No API key for 'custom': set CUSTOM_API_KEY (in the environment or a .env file).",
        ),
        ("{task}", ["--solver", "nope"], "Unknown solver 'nope'"),
        ("{task}", ["--solver", "{task}@nope"], "Solver 'nope' not found in"),
    ],
)
def test_bad_usage_found_by_eval(tmp_path: Path, task: str, args: list[str], needle: str) -> None:
    path = write_task(tmp_path)
    (tmp_path / "broken.py").write_text("from inspect_ai import task\n@task\ndef x(:\n")
    args = [arg.format(task=path) for arg in args]
    model = [] if "--model" in args else ["--model", "mockllm/model"]
    result = run_inspect(
        "eval", task.format(task=path), *model, *args, "--log-dir", str(tmp_path / "logs"),
        cwd=tmp_path,
    )  # fmt: skip
    assert_one_line_error(result, needle)
    assert not (tmp_path / "logs").exists()


def test_debug_errors_shows_the_traceback(tmp_path: Path) -> None:
    task = write_task(tmp_path)
    result = run_inspect("eval", f"{task}@nope", "--model", "mockllm/model", "--debug-errors")
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "Task 'nope' not found" in result.stderr


def test_failed_task_exits_1_with_one_line_per_task(tmp_path: Path) -> None:
    (tmp_path / "failing.py").write_text(FAILING_TASK)
    (tmp_path / "passing.py").write_text(TASK_FILE)
    result = run_inspect(
        "eval", "failing.py", "passing.py", "--model", "mockllm/model", "--limit", "1",
        "--log-dir", str(tmp_path / "logs"), "--display", "none", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: failing (mockllm/model): RuntimeError('asked to fail')"
    ]
    statuses = sorted(read_eval_log(str(p)).status for p in (tmp_path / "logs").iterdir())
    assert statuses == ["error", "success"]


def test_ctrl_c_exits_130_and_names_the_cancelled_log(tmp_path: Path) -> None:
    (tmp_path / "slow.py").write_text(SLOW_TASK)
    logs = tmp_path / "logs"
    process = subprocess.Popen(
        [sys.executable, "-m", "inspect_ai._cli.main", "eval", "slow.py", "--model", "slow/x",
         "--log-dir", str(logs), "--display", "none", "--max-connections", "2"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not list(logs.glob("*.eval")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    [log_file] = list(logs.glob("*.eval"))
    assert stdout == ""
    assert stderr.splitlines() == [f"Log: {log_file}"]
    assert read_eval_log(str(log_file), header_only=True).status == "cancelled"
