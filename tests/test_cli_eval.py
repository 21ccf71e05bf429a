"""``inspect eval``: options reach eval(), bad input is one line, exit codes say how it went."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from inspect_ai._cli.main import inspect
from inspect_ai.log import read_eval_log

TASK_FILE = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, TaskState, generate, solver


@solver
def maybe_fail(fail: bool):
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        if fail:
            raise RuntimeError("asked to fail")
        return await generate(state)

    return solve


@task
def arith(n: int = 4, fail: bool = False):
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=f"q{i}") for i in range(n)],
        solver=[maybe_fail(fail)],
        scorer=match(),
    )
"""


@pytest.fixture
def task_file(tmp_path: Path) -> Path:
    path = tmp_path / "arith.py"
    path.write_text(TASK_FILE)
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> object:
    return CliRunner().invoke(inspect, list(args), env=env, auto_envvar_prefix="INSPECT")


def test_eval_runs_the_task_and_prints_the_log(task_file: Path, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    result = invoke(
        "eval", f"{task_file}@arith", "--model", "mockllm/model", "--log-dir", str(logs),
        "-T", "n=3", "--limit", "2", "--temperature", "0.5", "--epochs", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [log_file] = list(logs.glob("*.eval"))
    assert str(log_file) in result.output
    log = read_eval_log(str(log_file))
    assert log.eval.task_args == {"n": 3, "fail": False}
    assert log.eval.model_generate_config.temperature == 0.5
    assert log.eval.config.epochs == 2
    assert len(log.samples) == 4
    assert "match/accuracy" in result.output


def test_options_from_environment(task_file: Path, tmp_path: Path) -> None:
    env = {"INSPECT_EVAL_MODEL": "mockllm/model", "INSPECT_EVAL_LIMIT": "1",
           "INSPECT_EVAL_LOG_DIR": str(tmp_path / "env")}  # fmt: skip
    result = invoke("eval", str(task_file), env=env)
    assert result.exit_code == 0, result.output
    [log_file] = list((tmp_path / "env").glob("*.eval"))
    assert len(read_eval_log(str(log_file)).samples) == 1


def test_failed_eval_exits_1_with_its_reason(task_file: Path, tmp_path: Path) -> None:
    result = invoke(
        "eval", str(task_file), "--model", "mockllm/model", "--log-dir", str(tmp_path),
        "-T", "fail=true", "--display", "none",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "RuntimeError('asked to fail')" in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--limit", "abc"], 2, "is not a count"),
        (["-T", "oops"], 2, "should be key=value"),
        (["--model", "nosuch/x"], 1, "Unknown model provider 'nosuch'"),
    ],
)
def test_bad_input_is_one_line(
    task_file: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    base = ["eval", str(task_file), "--log-dir", str(tmp_path)]
    if "--model" not in args:
        base += ["--model", "mockllm/model"]
    result = invoke(*base, *args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_unknown_task_and_syntax_error(task_file: Path, tmp_path: Path) -> None:
    missing = invoke("eval", f"{task_file}@nosuch", "--model", "mockllm/model")
    assert missing.exit_code == 1 and "Task 'nosuch' not found" in missing.output
    broken = tmp_path / "broken.py"
    broken.write_text("from inspect_ai import task\n@task\ndef x(:\n")
    result = invoke("eval", str(broken), "--model", "mockllm/model")
    assert result.exit_code == 1
    assert "broken.py" in result.output and "Traceback" not in result.output
