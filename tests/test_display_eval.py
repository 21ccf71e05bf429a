"""Real evals through each display, checking what reaches standard output."""

import logging
from pathlib import Path

import pytest

from inspect_ai import Task, eval
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, Solver, TaskState, generate, solver


@solver
def warn() -> Solver:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        if state.sample_id == 2:
            logging.getLogger("display_test").warning("sample two is odd")
        return state

    return solve


@solver
def fail() -> Solver:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        raise RuntimeError("asked to fail")

    return solve


def arith(samples: int = 3) -> Task:
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=i) for i in range(1, samples + 1)],
        solver=[warn(), generate()],
        scorer=match(),
        name="arith",
    )


@pytest.fixture(autouse=True)
def _no_display_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("INSPECT_DISPLAY", raising=False)
    monkeypatch.chdir(tmp_path)


def run(display: str | None, task: Task | None = None) -> None:
    eval(task or arith(), model="mockllm/model", display=display, log_dir="logs")


def test_plain(capsys: pytest.CaptureFixture[str]) -> None:
    run("plain")
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "arith (mockllm/model): started (3 samples, scorer: match)"
    assert lines[1] == "arith (3 samples) -----"
    assert "total time:" in out and "tokens [" in out and "accuracy: 0.000" in out
    assert lines[-1].startswith("Log: ./logs/") and lines[-1].endswith(".eval")
    assert len(lines) <= 8


def test_plain_is_the_default_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    run(None)
    assert capsys.readouterr().out.startswith("arith (mockllm/model): started")


def test_rich(capsys: pytest.CaptureFixture[str]) -> None:
    run("rich")
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # no escape codes off a terminal
    assert out.count("arith (3 samples)") == 2  # the task panel, then the results
    assert "mockllm/model" in out and "scorer: match" in out
    assert "accuracy: 0.000" in out and "tokens [" in out
    assert "WARNING" in out and "sample two is odd" in out  # logging through the console
    assert out.splitlines()[-1].startswith("Log: ./logs/")
    assert max(len(line) for line in out.splitlines()) <= 80


def test_full_off_a_terminal_degrades_to_static_panels(capsys: pytest.CaptureFixture[str]) -> None:
    run("full")
    out = capsys.readouterr().out
    assert out.count("arith (3 samples)") == 2 and "Log: ./logs/" in out


def test_conversation(capsys: pytest.CaptureFixture[str]) -> None:
    run("conversation")
    out = capsys.readouterr().out
    for sample in (1, 2, 3):
        assert f"arith · sample {sample} · epoch 1 · mockllm/model" in out
        assert f"{sample}+{sample}?" in out
    assert out.count("Default output from mockllm/model") == 3
    assert "Log: ./logs/" in out


def test_none_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    run("none")
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("display", ["plain", "rich"])
def test_errors_are_short(display: str, capsys: pytest.CaptureFixture[str]) -> None:
    task = Task(dataset=[Sample(input="x", target="y")], solver=[fail()], scorer=match())
    run(display, task)
    out = capsys.readouterr().out
    assert "Error: RuntimeError('asked to fail')" in out
    assert "traceback is in the log file" in out
    assert "Traceback (most recent call last)" not in out
    assert "Log: ./logs/" in out
