"""``inspect eval`` in process: each option reaches ``eval()`` with the right type, and
``SolverSpec``, ``api_key`` and the option types work on their own.

The real console script is driven in ``test_cli_eval_options.py`` (options, through the
log) and ``test_cli_eval_errors.py`` (exit codes and error lines).
"""

import subprocess
import sys
from inspect import signature
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

import inspect_ai._runner.eval as runner_eval
from inspect_ai._cli.eval import eval_command
from inspect_ai._cli.eval_options import fill_optional_values
from inspect_ai._cli.main import inspect
from inspect_ai._model.api_key import PrerequisiteError, api_key
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._registry.registry import registry_info, registry_params
from inspect_ai._solver.chain import Chain
from inspect_ai._solver.spec import resolve_eval_solver, resolve_solver_spec
from inspect_ai._task.epochs import Epochs
from inspect_ai._task.not_given import NOT_GIVEN
from inspect_ai.log import read_eval_log
from inspect_ai.solver import SolverSpec, chain_of_thought, generate

TASK_FILE = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import generate


@task
def arith(n: int = 4):
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=f"q{i}") for i in range(n)],
        solver=[generate()],
        scorer=match(),
    )
"""


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(inspect, list(args), env=env, auto_envvar_prefix="INSPECT")


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The keyword arguments of each ``eval()`` call (which runs nothing)."""
    recorded: list[dict[str, Any]] = []

    def fake_eval(**kwargs: Any) -> list[Any]:
        recorded.append(kwargs)
        return []

    monkeypatch.setattr(runner_eval, "eval", fake_eval)
    return recorded


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {"tasks": ["t.py"], "model": NOT_GIVEN, "score": True, "display": None}),
        (["--model", "a/b,c/d", "--model-base-url", "u"], {"model": "a/b,c/d", "model_base_url": "u"}),
        (["-M", "x=1", "-M", "y=s"], {"model_args": {"x": 1, "y": "s"}}),
        (["--model-role", "grader=a/b"], {"model_roles": {"grader": "a/b"}}),
        (["-T", "x=1", "-T", "s=a=b"], {"task_args": {"x": "1", "s": "a=b"}}),
        (["--solver", "s", "-S", "k=2"], {"solver": SolverSpec("s", {"k": 2})}),
        (["--tags", "a, b", "--metadata", "m=true"], {"tags": ["a", "b"], "metadata": {"m": True}}),
        (["--limit", "5"], {"limit": 5}),
        (["--approval", "human", "--sandbox", "local", "--max-sandboxes", "3"],
         {"approval": "human", "sandbox": "local", "max_sandboxes": 3, "sandbox_cleanup": None}),
        (["--sandbox", "docker:compose.yaml", "--no-sandbox-cleanup"],
         {"sandbox": ("docker", "compose.yaml"), "sandbox_cleanup": False}),
        (["--limit", "2-4"], {"limit": (2, 4)}),
        (["--sample-id", "1,b"], {"sample_id": [1, "b"]}),
        (["--epochs", "2"], {"epochs": 2}),
        (["--epochs", "2", "--epochs-reducer", "max,mode"], {"epochs": Epochs(2, ["max", "mode"])}),
        (["--fail-on-error"], {"fail_on_error": True}),
        (["--fail-on-error", "0.1"], {"fail_on_error": 0.1}),
        (["--fail-on-error", "5"], {"fail_on_error": 5}),
        (["--no-fail-on-error"], {"fail_on_error": False}),
        (["--retry-on-error"], {"retry_on_error": 1}),
        (["--retry-on-error", "4"], {"retry_on_error": 4}),
        (["--debug-errors"], {"debug_errors": True}),
        (["--no-log-samples", "--no-score"], {"log_samples": False, "score": False}),
        (["--log-images"], {"log_images": True}),
        (["--no-log-images", "--log-buffer", "9"], {"log_images": False, "log_buffer": 9}),
        (["--log-level", "HTTP", "--log-format", "json"], {"log_level": "http", "log_format": "json"}),
        (["--trace", "--display", "plain"], {"trace": True, "display": "plain"}),
        (["--max-samples", "3", "--max-tasks", "2", "--max-subprocesses", "1"],
         {"max_samples": 3, "max_tasks": 2, "max_subprocesses": 1}),
        (["--message-limit", "1", "--token-limit", "2", "--time-limit", "3", "--working-limit", "4"],
         {"message_limit": 1, "token_limit": 2, "time_limit": 3, "working_limit": 4}),
        (["--temperature", "0.5", "--top-p", "0.9", "--top-k", "3", "--max-tokens", "10"],
         {"temperature": 0.5, "top_p": 0.9, "top_k": 3, "max_tokens": 10}),
        (["--stop-seqs", "a,b", "--logprobs", "--top-logprobs", "2"],
         {"stop_seqs": ["a", "b"], "logprobs": True, "top_logprobs": 2}),
        (["--no-parallel-tool-calls", "--cache-prompt", "false", "--batch"],
         {"parallel_tool_calls": False, "cache_prompt": False, "batch": True}),
        (["--batch", "50", "--reasoning-effort", "high", "--reasoning-tokens", "100"],
         {"batch": 50, "reasoning_effort": "high", "reasoning_tokens": 100}),
        (["--max-connections", "4", "--max-retries", "0", "--timeout", "9"],
         {"max_connections": 4, "max_retries": 0, "timeout": 9}),
    ],
)  # fmt: skip
def test_options_reach_eval(
    calls: list[dict[str, Any]], args: list[str], expected: dict[str, Any]
) -> None:
    result = invoke("eval", "t.py", *args)
    assert result.exit_code == 0, result.output
    [kwargs] = calls
    assert {name: kwargs.get(name) for name in expected} == expected
    assert ("trace" in kwargs) == ("--trace" in args)


def test_options_from_environment_reach_eval(calls: list[dict[str, Any]]) -> None:
    env = {
        "INSPECT_EVAL_MODEL": "a/b", "INSPECT_EVAL_LIMIT": "2", "INSPECT_EVAL_NO_SCORE": "true",
        "INSPECT_EVAL_TASK_ARG": "x=1 y=2", "INSPECT_EVAL_FAIL_ON_ERROR": "0.2",
        "INSPECT_EVAL_LOG_IMAGES": "false", "INSPECT_EVAL_TEMPERATURE": "0.3",
    }  # fmt: skip
    assert invoke("eval", "t.py", env=env).exit_code == 0
    expected = {"model": "a/b", "limit": 2, "score": False, "task_args": {"x": "1", "y": "2"},
                "fail_on_error": 0.2, "log_images": False, "temperature": 0.3}  # fmt: skip
    assert {name: calls[0][name] for name in expected} == expected


def test_every_eval_parameter_has_an_option() -> None:
    parameters = set(signature(runner_eval.eval_async).parameters)
    options = {p.name for p in eval_command.params if isinstance(p, click.Option)}
    by_other_name = {"model_args": "model_arg", "model_roles": "model_role",
                     "task_args": "task_arg", "log_samples": "no_log_samples",
                     "score": "no_score", "sandbox_cleanup": "no_sandbox_cleanup"}  # fmt: skip
    assert set(by_other_name.values()) <= options
    missing = parameters - options - set(by_other_name) - {"tasks", "kwargs"}
    assert missing == {"log_header_only"}  # of no use on the command line
    cli_only = {"model_config", "task_config", "solver_arg", "no_fail_on_error", "epochs_reducer"}
    generation = options - parameters - set(by_other_name.values()) - cli_only
    assert generation <= set(GenerateConfig.model_fields)
    assert len(generation) >= 25


def test_optional_values_before_a_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.py").write_text("")
    args = ["--fail-on-error", "t.py", "--retry-on-error", "t.py@x", "--fail-on-error", "0.5"]
    assert fill_optional_values(args) == [
        "--fail-on-error=true", "t.py", "--retry-on-error=1", "t.py@x", "--fail-on-error", "0.5"
    ]  # fmt: skip


def test_eval_runs_the_task_and_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "arith.py").write_text(TASK_FILE)
    logs = tmp_path / "logs"
    result = invoke(
        "eval", f"{tmp_path / 'arith.py'}@arith", "--model", "mockllm/model",
        "--log-dir", str(logs), "-T", "n=3", "--display", "none",
    )  # fmt: skip
    assert result.exit_code == 0 and result.output == ""
    [log_file] = list(logs.glob("*.eval"))
    log = read_eval_log(str(log_file))
    assert log.status == "success" and log.eval.task_args == {"n": 3}


def test_solver_spec_by_registry_name_and_file(tmp_path: Path) -> None:
    created = resolve_solver_spec(SolverSpec("chain_of_thought", {"template": "{prompt}!"}))
    assert registry_info(created).name == "chain_of_thought"
    (tmp_path / "mine.py").write_text(
        "from inspect_ai.solver import solver\n\n"
        "@solver(name='mine')\ndef my_solver(level: int = 1):\n"
        "    async def solve(state, generate):\n        return state\n    return solve\n"
    )
    for name in (f"{tmp_path / 'mine.py'}@mine", f"{tmp_path / 'mine.py'}@my_solver"):
        made = resolve_solver_spec(SolverSpec(name, {"level": 3}))
        assert registry_params(made) == {"level": 3}
    assert resolve_solver_spec(SolverSpec(str(tmp_path / "mine.py"))) is not None


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (SolverSpec("no_such_solver"), "Unknown solver 'no_such_solver'"),
        (SolverSpec("missing.py@x"), "Solver file 'missing.py' does not exist"),
        (SolverSpec("chain_of_thought", {"bogus": 1}), "Solver 'chain_of_thought' could not"),
    ],
)
def test_solver_spec_errors_name_the_solver(spec: SolverSpec, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        resolve_solver_spec(spec)


def test_eval_solver_lists_are_chained() -> None:
    steps = [generate(), SolverSpec("chain_of_thought")]
    chained = resolve_eval_solver(steps)
    assert isinstance(chained, Chain) and len(chained.solvers) == 2
    assert resolve_eval_solver(None) is None
    single = chain_of_thought()
    assert resolve_eval_solver(single) is single


def test_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_API_KEY", "k")
    assert api_key("SOME_API_KEY", "some") == "k"
    monkeypatch.setenv("SOME_API_KEY", "")
    with pytest.raises(PrerequisiteError, match=r"No API key for 'some': set SOME_API_KEY \("):
        api_key("SOME_API_KEY", "some")


def test_eval_command_module_imports_are_light() -> None:
    code = (
        "import sys, inspect_ai._cli.main as m; import inspect_ai._cli.eval; "
        "heavy = [n for n in ('pydantic', 'inspect_ai._runner.eval', 'inspect_ai._model.model',"
        " 'yaml') if n in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
