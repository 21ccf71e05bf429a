"""The plain display: a start line, a bounded number of progress lines, the results."""

import re

import pytest

from inspect_ai._display.display import MetricValue, TaskProfile
from inspect_ai._display.plain import PlainDisplay
from inspect_ai._display.results import TaskResults, results_lines


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr("inspect_ai._display.plain._now", fake)
    return fake


def profile(samples: int) -> TaskProfile:
    return TaskProfile("arith", "mockllm/model", "arith_data", ["match"], samples, 1, "x.eval")


def test_start_line(capsys: pytest.CaptureFixture[str], clock: Clock) -> None:
    PlainDisplay().task_started(profile(500))
    assert capsys.readouterr().out == (
        "arith (mockllm/model): started (500 samples, dataset: arith_data, scorer: match)\n"
    )


def test_a_slow_eval_prints_about_ten_progress_lines(
    capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    view = PlainDisplay().task_started(profile(500))
    view.metrics([MetricValue("match", "accuracy", 0.5)])
    for index in range(500):
        clock.now += 1.0  # a second per sample: every 10% is due
        view.sample_done(errored=index % 100 == 0)
    lines = capsys.readouterr().out.splitlines()[1:]
    assert 8 <= len(lines) <= 10
    assert lines[0] == "arith (mockllm/model): 50/500 (10%), 1 errors, 0:00:50, accuracy: 0.500"


def test_a_fast_eval_prints_no_progress_lines(
    capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    view = PlainDisplay().task_started(profile(500))
    for _ in range(500):
        clock.now += 0.001
        view.sample_done(errored=False)
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_progress_waits_for_both_time_and_samples(
    capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    view = PlainDisplay().task_started(profile(10_000))
    for _ in range(10_000):
        clock.now += 0.01  # 100 s in all: a line every 5 s at most (every 500 samples)
        view.sample_done(errored=False)
    lines = capsys.readouterr().out.splitlines()[1:]
    assert 8 <= len(lines) <= 10
    counts = [int(re.search(r": ([\d,]+)/", line).group(1).replace(",", "")) for line in lines]  # type: ignore[union-attr]
    assert all(later - earlier >= 1000 for earlier, later in zip(counts, counts[1:], strict=False))


def test_results_lines_follow_the_guide() -> None:
    summary = TaskResults(
        title="security_guide (16 samples)", model="openai/gpt-4", dataset="security_guide",
        scorers=["model_graded_fact"], status="success", duration="0:00:25",
        usage=[("openai/gpt-4", "18,944 tokens [10,210 + 8,734]")],
        scores=[("model_graded_fact", [MetricValue("model_graded_fact", "accuracy", 0.8125)])],
        completed=None, error=None, location="./logs/x.json", link=None,
    )  # fmt: skip
    lines = results_lines(summary)
    assert lines[0] == "security_guide (16 samples) -----"
    assert re.fullmatch(r"total time:\s{4,}0:00:25\s{4,}openai/gpt-4", lines[1])
    assert re.fullmatch(
        r"openai/gpt-4\s{4,}18,944 tokens \[10,210 \+ 8,734\]\s{4,}dataset: security_guide",
        lines[2],
    )
    assert re.fullmatch(r"\s+scorer: model_graded_fact", lines[3])
    assert lines[2].index("dataset") == lines[3].index("scorer") == lines[1].index("openai")
    assert lines[4:] == ["accuracy: 0.812", "Log: ./logs/x.json"]


def test_error_results_lines() -> None:
    summary = TaskResults(
        title="t (1 sample)", model="m/x", dataset="", scorers=[], status="error",
        duration=None, usage=[], scores=[], completed=None, error="RuntimeError('boom')",
        location="/logs/x.eval", link=None,
    )  # fmt: skip
    assert results_lines(summary) == [
        "t (1 sample) (error) -----",
        "m/x",
        "Error: RuntimeError('boom')",
        "(the traceback is in the log file)",
        "Log: /logs/x.eval",
    ]
