"""``inspect eval`` options reach the eval: the real console script, checked through its log.

Each run groups several options and checks where each one shows up in the log, so the
whole file needs only a few subprocesses.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from inspect_ai.log import EvalLog, read_eval_log

TASK_FILE = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ModelAPI, ModelOutput, get_model, modelapi
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, TaskState, generate, solver
from inspect_ai._model.api_key import api_key


@modelapi(name="custom")
class Custom(ModelAPI):
    def __init__(self, model_name, base_url=None, config=None, **model_args):
        super().__init__(model_name, base_url, api_key("CUSTOM_API_KEY", "custom"), [], config)

    async def generate(self, input, tools, tool_choice, config):
        return ModelOutput.from_content(model=self.model_name, content=self.api_key)


@solver
def note_grader():
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.metadata["grader"] = str(get_model(role="grader"))
        return await generate(state)

    return solve


@solver
def echo(word: str = "hi", times: int = 1):
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.output.completion = " ".join([word] * times)
        return state

    return solve


@task
def options(n: int = 10, critique: bool = False, label: str = "none"):
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=f"q{i}") for i in range(n)],
        solver=[note_grader()] if critique else [generate()],
        scorer=match(),
    )
"""

SOLVER_FILE = """
from inspect_ai.solver import Generate, TaskState, solver


@solver(name="shout")
def shout_solver(word: str = "hey", times: int = 1):
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.output.completion = " ".join([word.upper()] * times)
        return state

    return solve
"""


def run_inspect(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``inspect`` command line in a fresh process (no INSPECT_ variables)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def write_task(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "options_task.py"
    path.write_text(TASK_FILE)
    return path


def only_log(log_dir: Path, suffix: str = ".eval") -> EvalLog:
    [path] = list(log_dir.glob(f"*{suffix}"))
    return read_eval_log(str(path))


def assert_ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""


def test_task_sample_log_and_generate_options(tmp_path: Path) -> None:
    task = write_task(tmp_path)
    (tmp_path / "task.yaml").write_text("n: 8\nlabel: from-file\n")
    (tmp_path / "model.yaml").write_text("size: big\n")
    logs = tmp_path / "logs"
    result = run_inspect(
        "eval", str(task), "--model", "mockllm/model", "--log-dir", str(logs),
        "--display", "none", "--task-config", str(tmp_path / "task.yaml"),
        "-T", "critique=true", "-T", "label=42", "--limit", "5",
        "--epochs", "3", "--epochs-reducer", "max,mean", "--model-role", "grader=mockllm/grader",
        "-M", "flavour=1", "--model-config", str(tmp_path / "model.yaml"),
        "--model-base-url", "http://localhost:1", "--tags", "a,b", "--metadata", "x=1",
        "--message-limit", "7", "--token-limit", "1000", "--max-samples", "2",
        "--max-tasks", "1", "--log-buffer", "3", "--no-log-images", "--fail-on-error", "0.5",
        "--retry-on-error", "--log-format", "json",
        "--max-tokens", "10", "--temperature", "0.5", "--seed", "7", "--stop-seqs", "x,y",
        "--logprobs", "--no-parallel-tool-calls", "--cache-prompt", "auto",
        "--reasoning-effort", "low", "--logit-bias", "42=1.5",
    )  # fmt: skip
    assert_ok(result)
    log = only_log(logs, ".json")
    assert log.status == "success"
    # -T beats --task-config; -T values stay strings for str parameters
    assert log.eval.task_args == {"n": 8, "critique": True, "label": "42"}
    assert len(log.samples or []) == 5 * 3
    assert {s.metadata["grader"] for s in log.samples or []} == {"mockllm/grader"}
    assert log.eval.config.epochs == 3 and log.eval.config.epochs_reducer == ["max", "mean"]
    assert log.results is not None
    assert [score.reducer for score in log.results.scores] == ["max", "mean"]
    assert log.eval.model_args == {"size": "big", "flavour": 1}
    assert log.eval.model_base_url == "http://localhost:1"
    assert log.eval.tags == ["a", "b"] and log.eval.metadata == {"x": 1}
    _assert_config(log.eval.config.model_dump(), message_limit=7, token_limit=1000,
                   max_samples=2, max_tasks=1, log_buffer=3, log_images=False,
                   fail_on_error=0.5, retry_on_error=1)  # fmt: skip
    _assert_config(log.eval.model_generate_config.model_dump(), max_tokens=10,
                   temperature=0.5, seed=7, stop_seqs=["x", "y"], logprobs=True,
                   parallel_tool_calls=False, cache_prompt="auto", reasoning_effort="low",
                   logit_bias={"42": 1.5})  # fmt: skip
    assert log.eval.model_roles is not None
    assert log.eval.model_roles["grader"].model == "mockllm/grader"


def test_solver_sample_id_and_no_score_options(tmp_path: Path) -> None:
    task = write_task(tmp_path)
    (tmp_path / "solvers.py").write_text(SOLVER_FILE)
    logs = tmp_path / "logs"
    result = run_inspect(
        "eval", f"{task}@options", "--model", "mockllm/model", "--log-dir", str(logs),
        "--display", "none", "--sample-id", "q1,q3", "--no-log-samples",
        "--solver", f"{tmp_path / 'solvers.py'}@shout", "-S", "word=yo", "-S", "times=2",
        "--retry-on-error", "3", "--no-score", "--no-fail-on-error", "--max-connections", "3",
        "--max-retries", "2", "--timeout", "30", "--time-limit", "100",
        "--working-limit", "100", "--max-subprocesses", "2", "--log-level", "info",
    )  # fmt: skip
    assert_ok(result)
    log = only_log(logs)
    assert log.status == "success" and not log.samples
    assert log.eval.dataset.sample_ids == ["q1", "q3"]
    assert log.eval.solver == "shout"
    [step] = log.plan.steps
    assert step.solver == "shout" and step.params == {"word": "yo", "times": 2}
    assert log.results is None or not log.results.scores
    _assert_config(log.eval.config.model_dump(), retry_on_error=3, fail_on_error=False,
                   time_limit=100, working_limit=100, max_subprocesses=2,
                   log_samples=False)  # fmt: skip
    _assert_config(log.eval.model_generate_config.model_dump(), max_connections=3,
                   max_retries=2, timeout=30)  # fmt: skip


def test_options_from_environment_variables(tmp_path: Path) -> None:
    task = write_task(tmp_path)
    logs = tmp_path / "env-logs"
    env = {
        "INSPECT_EVAL_MODEL": "mockllm/model", "INSPECT_EVAL_LOG_DIR": str(logs),
        "INSPECT_EVAL_DISPLAY": "none", "INSPECT_EVAL_LIMIT": "2",
        "INSPECT_EVAL_NO_SCORE": "true", "INSPECT_EVAL_TASK_ARG": "n=4 label=env",
        "INSPECT_EVAL_MAX_TOKENS": "12", "INSPECT_EVAL_FAIL_ON_ERROR": "3",
        "INSPECT_EVAL_LOG_FORMAT": "json", "INSPECT_EVAL_TAGS": "x,y",
        "INSPECT_EVAL_SOLVER": "echo", "INSPECT_EVAL_SOLVER_ARG": "word=env times=2",
    }  # fmt: skip
    assert_ok(run_inspect("eval", str(task), env=env))
    log = only_log(logs, ".json")
    assert log.eval.task_args == {"n": 4, "critique": False, "label": "env"}
    assert len(log.samples or []) == 2 and not any(s.scores for s in log.samples or [])
    assert {s.output.completion for s in log.samples or []} == {"env env"}
    assert log.eval.model_generate_config.max_tokens == 12
    assert log.eval.config.fail_on_error == 3 and log.eval.tags == ["x", "y"]


def test_options_from_dotenv_file_with_api_key(tmp_path: Path) -> None:
    project = tmp_path / "project"
    task = write_task(project / "tasks")
    (project / ".env").write_text(
        "INSPECT_LOG_DIR=./dotenv-logs\nINSPECT_EVAL_MODEL=custom/x\nCUSTOM_API_KEY=sekret\n"
        "INSPECT_EVAL_LIMIT=1\nINSPECT_EVAL_EPOCHS=2\nINSPECT_EVAL_DISPLAY=none\n"
    )
    assert_ok(run_inspect("eval", str(task.relative_to(project)), cwd=project))
    log = only_log(project / "dotenv-logs")
    assert log.eval.model == "custom/x" and log.eval.config.epochs == 2
    assert [s.output.completion for s in log.samples or []] == ["sekret", "sekret"]


def _assert_config(config: dict[str, Any], **expected: Any) -> None:
    assert {name: config[name] for name in expected} == expected
