"""``inspect score``: logs written with ``--no-score`` scored later, where the scored log
goes (``-scored``, ``--overwrite``, ``--output-file``, the prompt) and one-line errors."""

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspect_ai import Task, eval
from inspect_ai._cli.main import inspect
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, read_eval_log
from inspect_ai.scorer import match
from tests.test_cli_eval_options import run_inspect

ANSWER = "Default output from mockllm/model"

TASK_FILE = f"""
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Score, Target, mean, metric, scorer


@metric
def total():
    def compute(scores):
        return sum(item.score.as_float() for item in scores)

    return compute


@scorer(metrics=[mean()])
def says(word: str = "Default"):
    async def score(state, target: Target):
        return Score(value=1.0 if word in state.output.completion else 0.0)

    return score


@scorer(metrics=[mean()])
def explode():
    async def score(state, target: Target):
        raise RuntimeError("scorer bug")

    return score


@task
def popularity():
    return Task(
        dataset=[Sample(input=f"q{{i}}", target="{ANSWER}", id=i) for i in range(3)],
        scorer=says("output"),
        metrics=[total()],
    )
"""


def invoke(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(inspect, list(args), input=input, auto_envvar_prefix="INSPECT")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory with the task file, as the working directory."""
    (tmp_path / "popularity.py").write_text(TASK_FILE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def no_score_log(project: Path, *extra: str) -> Path:
    """Run ``inspect eval popularity.py --no-score`` and return its log file."""
    result = invoke(
        "eval", "popularity.py", "--model", "mockllm/model", "--no-score",
        "--log-dir", "logs", "--display", "none", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [path] = [p for p in (project / "logs").iterdir() if "-scored" not in p.name]
    return path.relative_to(project)


def metric_values(log: EvalLog) -> dict[str, float]:
    assert log.results is not None
    return {
        f"{entry.name}/{name}": metric.value
        for entry in log.results.scores
        for name, metric in entry.metrics.items()
    }


def test_no_score_log_has_no_scores_and_is_scored_with_the_task_scorers(project: Path) -> None:
    path = no_score_log(project)
    unscored = read_eval_log(str(path))
    assert all(sample.scores is None for sample in unscored.samples or [])
    assert unscored.results is not None and unscored.results.scores == []
    assert unscored.reductions is None

    result = invoke("score", str(path), "--no-overwrite", "--display", "none")

    assert result.exit_code == 0, result.output
    scored_path = path.with_name(path.stem + "-scored.eval")
    scored = read_eval_log(str(scored_path))
    assert [s.scores["says"].value for s in scored.samples or [] if s.scores] == [1.0] * 3
    # the task's own scorer and its task-level metric, created again from the log
    assert metric_values(scored) == {"says/total": 3.0}
    assert (scored.eval.scorers or [])[0].options == {"word": "output"}
    assert scored.reductions is not None and len(scored.reductions[0].samples) == 3
    # --no-overwrite: the original is untouched
    assert read_eval_log(str(path)).results == unscored.results


def test_the_log_is_overwritten_by_default(project: Path) -> None:
    path = no_score_log(project)
    result = invoke("score", str(path), "--display", "none")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (project / "logs").iterdir()] == [path.name]
    assert metric_values(read_eval_log(str(path))) == {"says/total": 3.0}


def test_a_scored_file_is_overwritten_not_suffixed_again(project: Path) -> None:
    path = no_score_log(project)
    assert invoke("score", str(path), "--no-overwrite", "--display", "none").exit_code == 0
    scored_path = path.with_name(path.stem + "-scored.eval")
    result = invoke(
        "score", str(scored_path), "--scorer", "includes", "--no-overwrite", "--display", "none"
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "logs").iterdir()) == sorted(
        [path.name, scored_path.name]
    )
    scored = read_eval_log(str(scored_path))
    assert all(sorted(s.scores or {}) == ["includes", "says"] for s in scored.samples or [])


def test_overwrite_and_output_file_keep_the_format(project: Path) -> None:
    path = no_score_log(project, "--log-format", "json")
    assert path.suffix == ".json"
    result = invoke(
        "score", str(path), "--scorer", "includes", "-S", "ignore_case=false",
        "--action", "overwrite", "--overwrite", "--display", "none",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert path.read_text().lstrip().startswith("{")
    scored = read_eval_log(str(path))
    assert [spec.options for spec in scored.eval.scorers or []] == [{"ignore_case": False}]
    assert metric_values(scored)["includes/accuracy"] == 1.0

    result = invoke("score", str(path), "--output-file", "out/other.json", "--display", "none")
    assert result.exit_code == 0, result.output
    # the log's scorers are now `includes`: scored again with it, written as JSON
    assert Path("out/other.json").read_text().lstrip().startswith("{")
    assert metric_values(read_eval_log("out/other.json"))["includes/accuracy"] == 1.0


def test_task_file_alone_scores_its_latest_log(project: Path) -> None:
    path = no_score_log(project)
    result = invoke("score", "popularity.py", "--no-overwrite", "--display", "none")
    assert result.exit_code == 0, result.output
    assert read_eval_log(str(path.with_name(path.stem + "-scored.eval"))).results is not None

    result = invoke("score", "popularity.py", "--log-dir", "elsewhere", "--display", "none")
    assert result.exit_code == 2
    assert "No log of a task in popularity.py" in result.output


def test_scorer_from_a_file(project: Path) -> None:
    path = no_score_log(project)
    result = invoke(
        "score", str(path), "--scorer", "popularity.py@says", "-S", "word=nothing",
        "--overwrite", "--display", "none",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    scored = read_eval_log(str(path))
    assert metric_values(scored) == {"says/mean": 0.0}


def test_plain_display_shows_the_results_and_the_output_file(project: Path) -> None:
    path = no_score_log(project)
    result = invoke("score", str(path), "--no-overwrite", "--display", "plain")
    assert result.exit_code == 0, result.output
    assert "total: 3.000" in result.output
    assert f"Log: ./{path.with_name(path.stem + '-scored.eval')}" in result.output


def test_bad_input_is_one_line_with_exit_code_2(project: Path) -> None:
    (project / "corrupt.eval").write_bytes(b"not a zip")
    path = no_score_log(project)
    cases = [
        (["missing.eval"], "Log file not found: missing.eval"),
        (["corrupt.eval"], "corrupt.eval"),
        ([str(path), "--scorer", "nosuch"], "Unknown scorer 'nosuch'"),
        ([str(path), "-S", "a=1"], "-S scorer arguments need a --scorer"),
        ([str(path), "--overwrite", "--output-file", "x.eval"], "not both"),
        ([str(path), "--scorer", "includes", "-S", "nope=1"], "could not be created"),
    ]
    for args, needle in cases:
        result = invoke("score", *args)
        assert result.exit_code == 2, (args, result.output)
        assert needle in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_log_without_samples_is_a_usage_error(project: Path) -> None:
    log = eval(
        Task(dataset=[Sample(input="x", target="y")], scorer=match()),
        model="mockllm/model", log_dir=str(project / "plain"), log_samples=False, display="none",
    )[0]  # fmt: skip
    result = invoke("score", log.location)
    assert result.exit_code == 2
    assert "no samples to score" in result.output


def test_a_failing_scorer_is_one_line_with_exit_code_1(project: Path) -> None:
    path = no_score_log(project)
    result = invoke("score", str(path), "--scorer", "popularity.py@explode", "--display", "none")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: Scoring sample 0 (epoch 1) failed: scorer bug"
    ]


def test_the_console_script_scores_a_no_score_log(tmp_path: Path) -> None:
    (tmp_path / "popularity.py").write_text(TASK_FILE)
    common = ["--display", "none"]
    ran = run_inspect(
        "eval", "popularity.py", "--model", "mockllm/model", "--no-score", "--log-dir", "logs",
        *common, cwd=tmp_path,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    [path] = list((tmp_path / "logs").iterdir())
    scored = run_inspect("score", str(path), *common, cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    log = read_eval_log(str(path))  # overwritten, as the guide says
    assert metric_values(log) == {"says/total": 3.0}
    missing = run_inspect("score", "nope.eval", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (2, "Error: Log file not found: nope.eval\n")
