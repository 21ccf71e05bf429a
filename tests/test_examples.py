"""The code examples of the user guide (``examples/``), run offline against ``mockllm/model``.

Each example is the guide's code, unchanged (see ``examples/README.md``). These tests run
them through ``eval()`` and check the logs they return and write: status, samples, scores
and metrics, plan steps, events and task arguments. ``mockllm/model`` always replies
"Default output from mockllm/model", so model graded scorers find no grade (incorrect)
and text matching scorers mostly score incorrect.

Tests marked ``xfail(strict=True)`` run an example that fails because of a bug or a missing
feature of the package; the reason names the problem.
"""

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from itertools import product
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from inspect_ai import eval, list_tasks
from inspect_ai.log import (
    EvalLog,
    EvalSample,
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_samples,
    write_eval_log,
)
from inspect_ai.model import ChatMessage, ContentImage, ModelOutput, get_model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MOCK = "mockllm/model"
MOCK_OUTPUT = "Default output from mockllm/model"

SECURITY_SYSTEM_MESSAGE = "You are a computer security expert and you are tasked with"


# helpers ------------------------------------------------------------------------------


def example(relative: str) -> str:
    """The path of an example (a file, ``file.py@task`` or a directory)."""
    return str(EXAMPLES / relative)


def run(tasks: Any, tmp_path: Path, **kwargs: Any) -> list[EvalLog]:
    """``eval()`` against mockllm, with logs written under ``tmp_path``."""
    return eval(tasks, model=kwargs.pop("model", MOCK), log_dir=str(tmp_path), **kwargs)


def run_one(tasks: Any, tmp_path: Path, **kwargs: Any) -> EvalLog:
    logs = run(tasks, tmp_path, **kwargs)
    assert len(logs) == 1
    return logs[0]


def check_success(
    log: EvalLog,
    samples: int,
    scorer: str | None = None,
    metrics: dict[str, float | None] | None = None,
    usage: bool = True,
) -> EvalLog:
    """Check a successful log and the file it was written to; return the log read back.

    ``metrics`` maps each metric expected for ``scorer`` to its value (None: any value
    between 0 and 1); ``usage``: whether the model reports token usage.
    """
    assert log.status == "success", log.error
    assert log.samples is not None and len(log.samples) == samples
    assert all(sample.error is None for sample in log.samples)
    assert log.location and local_path(log.location).exists()
    written = read_eval_log(log.location, resolve_attachments=True)
    assert written.status == "success"
    assert written.eval.task == log.eval.task
    assert written.eval.model == log.eval.model
    assert written.samples is not None and len(written.samples) == samples
    assert sorted(map(str, (s.id for s in written.samples))) == sorted(
        map(str, (s.id for s in log.samples))
    )
    assert written.results is not None
    assert written.results.completed_samples == samples
    assert bool(written.stats.model_usage) == usage, "model usage is recorded"
    if scorer is not None:
        assert [score.name for score in written.results.scores] == [scorer]
        assert all(scorer in (sample.scores or {}) for sample in written.samples)
        recorded = written.results.scores[0].metrics
        assert set(recorded) == set(metrics or {})
        for name, value in (metrics or {}).items():
            if value is None:
                assert 0.0 <= recorded[name].value <= 1.0
            else:
                assert recorded[name].value == pytest.approx(value)
    return written


def local_path(location: str) -> Path:
    return Path(location.removeprefix("file://"))


def plan_steps(log: EvalLog) -> list[str]:
    return [step.solver for step in log.plan.steps]


def model_events(sample: EvalSample) -> list[Any]:
    return [event for event in sample.events if event.event == "model"]


def roles(messages: list[ChatMessage]) -> list[str]:
    return [message.role for message in messages]


def score_values(log: EvalLog, scorer: str) -> list[Any]:
    assert log.samples is not None
    return [sample.scores[scorer].value for sample in log.samples if sample.scores]


def load_example(relative: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import an example file as a module, from its own directory (as a notebook would)."""
    path = EXAMPLES / relative
    monkeypatch.chdir(path.parent)
    name = "example_" + relative.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mock_with(reply: Callable[[list[ChatMessage]], str]) -> Any:
    """A mockllm model that answers each conversation with ``reply(messages)``."""

    def output(input: list[ChatMessage], *args: Any) -> ModelOutput:
        return ModelOutput.from_content(model="model", content=reply(input))

    return get_model(MOCK, custom_outputs=output)


def inspect_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the ``inspect`` command (of this environment)."""
    command = [str(Path(sys.executable).parent / "inspect"), *args]
    env = {**os.environ, "INSPECT_LOG_DIR": "", "INSPECT_EVAL_MODEL": ""}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def no_eval_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("INSPECT_EVAL_MODEL", raising=False)
    yield


# 1.2 Hello, Inspect / 2.1 Eval Basics -------------------------------------------------


def test_hello_inspect_theory_of_mind(tmp_path: Path) -> None:
    log = run_one(example("hello_inspect/theory_of_mind.py"), tmp_path, limit=5)
    written = check_success(log, 5, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.task == "theory_of_mind"
    assert written.eval.dataset.name == "theory_of_mind"
    assert written.eval.dataset.samples == 100
    assert plan_steps(written) == ["chain_of_thought", "generate", "self_critique"]
    for sample in written.samples or []:
        # chain of thought prompt, first answer, critique replayed, refined answer
        assert roles(sample.messages) == ["user", "assistant", "user", "assistant"]
        assert "ANSWER: $ANSWER" in sample.messages[0].text  # chain of thought
        assert sample.input in sample.messages[0].text
        # generate, the critique and the second generate of self_critique, the grader
        models = model_events(sample)
        assert len(models) == 4
        critique_prompt = models[1].input[-1].text
        assert "critique" in critique_prompt.lower()
        assert MOCK_OUTPUT in critique_prompt  # the answer being critiqued
        assert MOCK_OUTPUT in sample.messages[2].text  # the critique played back
        assert sample.scores["model_graded_fact"].value == "I"
        assert sample.output.completion == MOCK_OUTPUT


def test_eval_basics_options(tmp_path: Path) -> None:
    # inspect eval theory.py --limit 10 --max-tokens 128 --temperature 0 --seed 42
    log = run_one(
        example("workflow/theory.py"), tmp_path, limit=10, max_tokens=128, temperature=0, seed=42
    )
    written = check_success(log, 10, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.config.limit == 10
    config = written.plan.config
    assert (config.max_tokens, config.temperature, config.seed) == (128, 0, 42)
    generate_event = model_events(written.samples[0])[0]
    assert generate_event.config.max_tokens == 128
    assert generate_event.config.seed == 42


def test_eval_basics_from_the_command_line(tmp_path: Path) -> None:
    # inspect eval theory.py --model ... --limit 2 (run from the example's directory)
    result = inspect_cli(
        "eval", "theory.py", "--model", MOCK, "--limit", "2", "--log-dir", str(tmp_path),
        cwd=EXAMPLES / "workflow",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [info] = list_eval_logs(str(tmp_path))
    check_success(read_eval_log(info), 2, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})


# 2.3 Exploratory ----------------------------------------------------------------------


def test_exploratory_security_guide_task_params(tmp_path: Path) -> None:
    log = run_one(
        example("workflow/exploratory/security.py"),
        tmp_path,
        task_args={"grader_model": MOCK},
    )
    written = check_success(log, 16, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.task_args_passed == {"grader_model": MOCK}
    assert written.eval.task_args == {
        "system": "devops.txt",
        "grader": "expert.txt",
        "grader_model": MOCK,
    }
    assert written.eval.dataset.name == "security_guide"
    assert plan_steps(written) == ["system_message", "generate"]
    devops = (EXAMPLES / "workflow/exploratory/devops.txt").read_text().strip()
    for sample in written.samples or []:
        assert sample.messages[0].role == "system"
        assert sample.messages[0].text.strip() == devops
        grader_prompt = model_events(sample)[-1].input[0].text
        assert "[Expert]:" in grader_prompt  # expert.txt
        assert sample.input in grader_prompt
        assert str(sample.target) in grader_prompt


def test_exploratory_security_guide_grid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the guide's grid of system prompts x grader templates, graded by mockllm here
    security = load_example("workflow/exploratory/security.py", monkeypatch)
    params = {"system": ["devops.txt", "researcher.txt"], "grader": ["hacker.txt", "expert.txt"]}
    grid = list(product(*(params[name] for name in params)))
    logs = eval(
        [security.security_guide(system, grader, MOCK) for system, grader in grid],
        model=MOCK,
        log_dir=str(tmp_path),
    )
    assert len(logs) == 4
    markers = {"hacker.txt": "[Reference]:", "expert.txt": "[Expert]:"}
    for log, (system, grader) in zip(logs, grid, strict=True):
        written = check_success(log, 16, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
        # the task objects were created by calling the task function
        assert written.eval.task_args == {"system": system, "grader": grader, "grader_model": MOCK}
        sample = written.samples[0]
        assert sample.messages[0].text.strip() == Path(system).read_text().strip()
        assert markers[grader] in model_events(sample)[-1].input[0].text
    successes = [log for log in logs if log.status == "success"]
    assert len(successes) == 4


# 2.4 Eval Suites (directory layout) ---------------------------------------------------

JEOPARDY = {"crypto", "decompile", "packet", "heap_trouble"}
ATTACK_DEFENSE = {"saar", "bank", "voting", "dns"}


def test_workflow_suite_directories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "workflow/suite")
    listed = list_tasks("security")
    assert {task.name for task in listed} == JEOPARDY | ATTACK_DEFENSE
    assert {Path(task.file).parent.name for task in listed} == {"jeopardy", "attack_defense"}
    assert all(Path(task.file).name == "task.py" for task in listed)

    # inspect eval security / security/jeopardy / security/attack_defense
    for target, names in [
        ("security", JEOPARDY | ATTACK_DEFENSE),
        ("security/jeopardy", JEOPARDY),
        ("security/attack_defense", ATTACK_DEFENSE),
    ]:
        logs = run(target, tmp_path / target.replace("/", "_"))
        assert {log.eval.task for log in logs} == names
        for log in logs:
            check_success(log, 1, "includes", {"accuracy": 0.0, "stderr": 0.0})


# 3.1 Security Guide -------------------------------------------------------------------


def test_security_guide(tmp_path: Path) -> None:
    log = run_one(example("security_guide/security_guide.py"), tmp_path)
    written = check_success(log, 16, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.dataset.name == "security_guide"
    assert plan_steps(written) == ["system_message", "generate"]
    assert written.plan.steps[0].params["template"].strip().startswith(SECURITY_SYSTEM_MESSAGE)
    sample = written.samples[0]
    assert roles(sample.messages) == ["system", "user", "assistant"]
    assert sample.messages[0].text.strip().startswith(SECURITY_SYSTEM_MESSAGE)
    assert sample.input == "What attributes should I set on cookies for strong security?"
    assert sample.target == "secure samesite and httponly"
    assert len(model_events(sample)) == 2  # generate, then the grader
    assert written.stats.model_usage[MOCK].input_tokens > 0


# 3.3 Theory of Mind -------------------------------------------------------------------


def test_theory_of_mind_without_critique(tmp_path: Path) -> None:
    log = run_one(example("theory_of_mind/theory_of_mind.py"), tmp_path, limit=3)
    written = check_success(log, 3, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.task_args == {"critique": False}
    assert written.eval.task_args_passed == {}
    assert plan_steps(written) == ["chain_of_thought", "generate"]
    for sample in written.samples or []:
        assert roles(sample.messages) == ["user", "assistant"]
        assert len(model_events(sample)) == 2  # generate, grader


def test_theory_of_mind_with_critique(tmp_path: Path) -> None:
    # inspect eval theory_of_mind.py -T critique=true
    log = run_one(
        example("theory_of_mind/theory_of_mind.py"), tmp_path, limit=3, task_args={"critique": True}
    )
    written = check_success(log, 3, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.task_args == {"critique": True}
    assert written.eval.task_args_passed == {"critique": True}
    assert plan_steps(written) == ["chain_of_thought", "generate", "self_critique"]
    for sample in written.samples or []:
        assert roles(sample.messages) == ["user", "assistant", "user", "assistant"]
        # the self critique makes a second generate: generate, critique, generate, grader
        assert len(model_events(sample)) == 4
        solver_spans = [
            event.name
            for event in sample.events
            if event.event == "span_begin" and event.type == "solver"
        ]
        assert solver_spans == ["chain_of_thought", "generate", "self_critique"]


def test_theory_of_mind_critique_from_the_command_line(tmp_path: Path) -> None:
    result = inspect_cli(
        "eval", "theory_of_mind.py", "-T", "critique=true", "--model", MOCK, "--limit", "2",
        "--log-dir", str(tmp_path), cwd=EXAMPLES / "theory_of_mind",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [info] = list_eval_logs(str(tmp_path))
    written = check_success(
        read_eval_log(info), 2, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0}
    )
    assert written.eval.task_args == {"critique": True}
    assert plan_steps(written)[-1] == "self_critique"


# 4.1 Solvers overview, 4.3 Solver Function ---------------------------------------------


def test_solvers_overview_theory_of_mind(tmp_path: Path) -> None:
    log = run_one(example("solvers/theory_of_mind.py"), tmp_path)
    written = check_success(log, 5, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert plan_steps(written) == [
        "system_message",
        "chain_of_thought",
        "generate",
        "self_critique",
    ]
    system = (EXAMPLES / "solvers/system.txt").read_text().strip()
    for sample in written.samples or []:
        assert roles(sample.messages) == ["system", "user", "assistant", "user", "assistant"]
        assert sample.messages[0].text.strip() == system
    assert written.samples[0].target == "blue_pantry"


def test_solver_function(tmp_path: Path) -> None:
    log = run_one(example("solvers/solver_function.py"), tmp_path)
    written = check_success(log, 1, "includes", {"accuracy": 0.0, "stderr": 0.0})
    assert plan_steps(written) == ["just_generate"]
    sample = written.samples[0]
    assert roles(sample.messages) == ["user", "assistant"]
    assert sample.output.completion == MOCK_OUTPUT
    assert len(model_events(sample)) == 1


# 4.5 Custom Solvers -------------------------------------------------------------------


def test_custom_prompt_template(tmp_path: Path) -> None:
    log = run_one(example("solvers/prompt_template.py"), tmp_path)
    written = check_success(log, 1, "includes", {"accuracy": 0.0, "stderr": 0.0})
    assert plan_steps(written) == ["prompt_template", "generate"]
    assert written.plan.steps[0].params == {
        "template": "template.txt",
        "audience": "a web developer",
    }
    sample = written.samples[0]
    prompt = sample.messages[0].text
    assert prompt.startswith("Answer the following question for a web developer")
    assert prompt.rstrip().endswith("What attributes should I set on cookies for strong security?")
    assert model_events(sample)[0].input[0].text == prompt


def test_custom_self_critique(tmp_path: Path, no_eval_model: None) -> None:
    log = run_one(example("solvers/self_critique.py"), tmp_path)
    written = check_success(log, 16, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert plan_steps(written) == ["generate", "self_critique"]
    for sample in written.samples or []:
        assert roles(sample.messages) == ["user", "assistant", "user", "assistant"]
        models = model_events(sample)
        assert len(models) == 4  # generate, critique, second generate, grader
        assert models[1].input[0].text.rstrip().endswith("Critique:")
        assert sample.input in models[1].input[0].text
        assert f"[Critique]: {MOCK_OUTPUT}" in sample.messages[2].text


# 4.6 Early Termination ----------------------------------------------------------------


def test_early_termination_with_finish(tmp_path: Path) -> None:
    log = run_one(example("solvers/early_termination.py@early_termination"), tmp_path)
    written = check_success(log, 2, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert plan_steps(written) == ["complete_task", "generate"]
    assert written.plan.finish is not None and written.plan.finish.solver == "finish_up"
    for sample in written.samples or []:
        # generate() was skipped: the only model call is the grader's
        assert roles(sample.messages) == ["user"]
        assert len(model_events(sample)) == 1
        assert sample.output.completion == "(no answer: the plan ended early)"
        spans = [e.name for e in sample.events if e.event == "span_begin" and e.type == "solver"]
        assert "generate" not in spans and spans[-1] == "finish_up"


def test_early_termination_message_limit(tmp_path: Path) -> None:
    # eval(my_task, max_messages = 10), with the current name of the option
    log = run_one(example("solvers/early_termination.py@my_task"), tmp_path, message_limit=10)
    written = check_success(log, 2, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.config.message_limit == 10
    for sample in written.samples or []:
        assert 2 < len(sample.messages) <= 10
        assert len(model_events(sample)) < 20  # stopped well before keep_asking's 20 turns


def test_early_termination_max_messages(tmp_path: Path) -> None:
    log = run_one(example("solvers/early_termination.py@my_task"), tmp_path, max_messages=10)
    written = check_success(log, 2, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.config.message_limit == 10
    assert all(len(sample.messages) <= 10 for sample in written.samples or [])


# 6.2 / 6.4 Metrics --------------------------------------------------------------------


def test_task_custom_metric(tmp_path: Path) -> None:
    log = run_one(example("scorers/custom_metric.py"), tmp_path)
    # the task's metrics replace match()'s accuracy and stderr; every answer is wrong
    written = check_success(log, 2, "match", {"custom_metric": 1.0})
    assert plan_steps(written) == ["system_message", "multiple_choice"]
    assert score_values(written, "match") == ["I", "I"]
    sample = written.samples[0]
    assert sample.choices == [
        "whisked them with a fork.",
        "planted them in the garden.",
        "posted them to her aunt.",
        "painted them blue and hung them up.",
    ]
    assert "whisked them with a fork." in model_events(sample)[0].input[-1].text


def test_var_metric_with_numpy(tmp_path: Path) -> None:
    log = run_one(example("scorers/var_metric.py"), tmp_path)
    written = check_success(log, 4, "includes", {"var": 0.25})
    assert score_values(written, "includes") == ["C", "C", "I", "I"]
    [metric] = written.results.scores[0].metrics.values()
    assert metric.name == "var"


# 6.3 Custom Scorers -------------------------------------------------------------------


def test_custom_includes(tmp_path: Path) -> None:
    log = run_one(example("scorers/includes.py"), tmp_path)
    written = check_success(log, 2, "includes", {"accuracy": 0.5})
    assert score_values(written, "includes") == ["C", "I"]
    for sample in written.samples or []:
        assert sample.scores["includes"].explanation == MOCK_OUTPUT
    assert written.results.scores[0].params == {}


def grades(input: list[ChatMessage]) -> str:
    """Answers questions, and grades them correct when asked to grade."""
    return "Grade: C" if "[Criterion]:" in input[-1].text else "Use secure cookies."


def test_custom_model_graded_qa(tmp_path: Path, no_eval_model: None) -> None:
    log = run_one(example("scorers/model_graded_qa.py"), tmp_path, model=mock_with(grades))
    written = check_success(log, 16, "model_graded_qa", {"accuracy": 1.0})
    for sample in written.samples or []:
        assert sample.scores["model_graded_qa"].value == "C"
        assert sample.scores["model_graded_qa"].explanation == "Grade: C"
        grader_prompt = model_events(sample)[-1].input[0].text
        assert f"[Task]: {sample.input}" in grader_prompt
        assert "[Submission]: Use secure cookies." in grader_prompt
        assert f"[Criterion]: {sample.target}" in grader_prompt


def test_custom_model_graded_qa_without_a_grade(tmp_path: Path, no_eval_model: None) -> None:
    # the guide's extract_grade() raises when the grader writes no grade: with the
    # default fail_on_error the eval fails with that error
    log = run_one(example("scorers/model_graded_qa.py"), tmp_path)
    assert log.status == "error"
    assert log.error is not None and "No grade found in model output." in log.error.message
    assert read_eval_log(log.location).status == "error"


# 7.1 / 7.2 Dataset files --------------------------------------------------------------


def test_csv_and_json_datasets(tmp_path: Path) -> None:
    logs = run(example("datasets/file_datasets.py"), tmp_path)
    by_task = {log.eval.task: log for log in logs}
    assert set(by_task) == {"csv_task", "json_task", "security_guide_csv"}

    csv_log = check_success(by_task["csv_task"], 3, "includes", {"accuracy": 0.0, "stderr": 0.0})
    assert [s.id for s in csv_log.samples] == [1, 2, 3]  # ids assigned from 1
    assert [s.target for s in csv_log.samples] == ["Paris", "4", "Mars"]
    assert csv_log.eval.dataset.name == "dataset1"

    json_log = check_success(by_task["json_task"], 2, "includes", {"accuracy": 0.5, "stderr": 0.5})
    assert [s.target for s in json_log.samples] == ["Au", "8"]
    assert score_values(json_log, "includes") == ["C", "I"]  # "au" is in "default"

    guide = check_success(
        by_task["security_guide_csv"], 2, "includes", {"accuracy": 0.0, "stderr": 0.0}
    )
    assert guide.samples[0].input == "What cookie attributes should I use for strong security?"
    assert guide.samples[1].target == "strong hashing algorithms with salt like Argon2 or bcrypt"


# 7.3 Field Mapping --------------------------------------------------------------------


@pytest.mark.parametrize("file", ["popularity_fieldspec.py", "popularity_record.py"])
def test_popularity_field_mapping(tmp_path: Path, file: str) -> None:
    log = run_one(example(f"datasets/{file}"), tmp_path)
    written = check_success(log, 3, "match", {"accuracy": 0.0, "stderr": 0.0})
    assert [s.id for s in written.samples] == ["popularity-1", "popularity-2", "popularity-3"]
    assert [s.metadata for s in written.samples] == [
        {"label_confidence": 0.91},
        {"label_confidence": 0.87},
        {"label_confidence": 0.78},
    ]
    assert written.samples[0].input.startswith(
        "Is the following statement something you would say?"
    )
    # the FieldSpec keeps the target as it is; record_to_sample() strips it
    expected = " (A)" if file == "popularity_fieldspec.py" else "(A)"
    assert written.samples[0].target == expected


# 7.6 Chat Messages, 7.8 Custom Reader --------------------------------------------------


def test_chat_message_input(tmp_path: Path) -> None:
    log = run_one(example("datasets/chat_messages.py"), tmp_path)
    written = check_success(log, 2, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    first, second = written.samples
    assert roles(first.input) == ["user"]
    assert roles(first.messages) == ["user", "assistant"]
    assert roles(second.input) == ["system", "user", "assistant", "user"]
    assert roles(second.messages) == ["system", "user", "assistant", "user", "assistant"]
    assert [m.role for m in model_events(second)[0].input] == [
        "system",
        "user",
        "assistant",
        "user",
    ]
    # the grader is shown the conversation as the question
    assert "With which algorithm?" in model_events(second)[-1].input[0].text


def test_custom_reader(tmp_path: Path) -> None:
    log = run_one(example("datasets/custom_reader.py"), tmp_path)
    written = check_success(log, 1, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.task == "security_guide"
    assert roles(written.samples[0].messages) == ["system", "user", "assistant"]
    assert written.samples[0].target == "secure samesite and httponly"


# 7.7 Image Input ----------------------------------------------------------------------


def images_of(messages: list[ChatMessage]) -> list[str]:
    return [
        content.image
        for message in messages
        if not isinstance(message.content, str)
        for content in message.content
        if isinstance(content, ContentImage)
    ]


def test_image_input(tmp_path: Path) -> None:
    logs = run(example("datasets/image_input.py"), tmp_path)
    assert {log.eval.task for log in logs} == {"images", "images_in_code"}
    for log in logs:
        written = check_success(log, 1, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
        sample = written.samples[0]
        assert sample.messages[0].text == "What is this a picture of?"
        assert len(images_of(sample.messages)) == 1
        assert len(images_of(model_events(sample)[0].input)) == 1


def test_image_input_logged_as_base64_by_default(tmp_path: Path) -> None:
    logs = run(example("datasets/image_input.py"), tmp_path)
    for log in logs:
        assert log.eval.config.log_images is True
        written = read_eval_log(log.location, resolve_attachments=True)
        [image] = images_of(written.samples[0].messages)
        assert image.startswith("data:image/png;base64,")


# 8.3 Model Specific Configuration ------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "temperature"), [("gpt", 0.9), ("gemini", 0.9), ("claude", 0.8), ("mistral", None)]
)
def test_popularity_model_specific_config(
    tmp_path: Path, model: str, temperature: float | None
) -> None:
    log = run_one(example("models/popularity.py"), tmp_path, task_args={"model": model})
    written = check_success(log, 3, "match", {"accuracy": 0.0, "stderr": 0.0})
    assert written.eval.task_args == {"model": model}
    assert written.plan.config.temperature == temperature
    assert model_events(written.samples[0])[0].config.temperature == temperature
    assert roles(written.samples[0].messages) == ["system", "user", "assistant"]


def test_generation_config_on_eval(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # eval(security_guide, model=..., temperature=0.9) / max_connections=20
    security = load_example("security_guide/security_guide.py", monkeypatch)
    log = run_one(security.security_guide, tmp_path, temperature=0.9, max_connections=20)
    written = check_success(log, 16, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert written.plan.config.temperature == 0.9
    assert written.plan.config.max_connections == 20
    assert model_events(written.samples[0])[0].config.temperature == 0.9


# 8.7 Custom Models --------------------------------------------------------------------


def test_custom_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    custom = load_example("models/custom_model.py", monkeypatch)
    model = get_model("custom/name-of-model")
    assert model.name == "name-of-model"
    log = run_one(custom.math, tmp_path, model="custom/name-of-model")
    # the guide's provider reports no token usage
    written = check_success(log, 1, "match", {"accuracy": 1.0, "stderr": 0.0}, usage=False)
    assert written.eval.model == "custom/name-of-model"
    assert written.samples[0].output.completion == "1 + 1 = 2"


# 9.2 Console Logging, 9.3 / 9.4 log files ----------------------------------------------


def test_console_logging(tmp_path: Path) -> None:
    log = run_one(example("eval_logs/console_logging.py"), tmp_path, log_level="info", limit=3)
    written = check_success(log, 3, "includes", {"accuracy": 0.0, "stderr": 0.0})
    for sample in written.samples or []:
        logged = [event.message for event in sample.events if event.event == "logger"]
        assert [(m.level, m.message) for m in logged] == [("info", "Started"), ("info", "Finished")]
        assert logged[0].filename == "console_logging.py"


def test_log_files_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # setup log dir context, do a bunch of evals, analyze the results in the logs
    monkeypatch.setenv("INSPECT_LOG_DIR", str(tmp_path / "experiment-logs"))
    popularity = eval(example("datasets/popularity_record.py"), model=MOCK)[0]
    security = eval(example("security_guide/security_guide.py"), model=MOCK)[0]
    logs = list_eval_logs()
    assert len(logs) == 2
    assert {read_eval_log(info, header_only=True).eval.task for info in logs} == {
        "popularity",
        "security_guide",
    }
    for log in (popularity, security):
        assert log.status == "success"
        assert local_path(log.location).parent == tmp_path / "experiment-logs"

    header = read_eval_log(security.location, header_only=True)
    assert header.samples is None and header.results is not None
    sample = read_eval_log_sample(security.location, id=16)
    assert sample.target.startswith("use a data-only format like JSON")
    assert [s.id for s in read_eval_log_samples(popularity.location)] == [
        "popularity-1",
        "popularity-2",
        "popularity-3",
    ]

    # edit the EvalLog and write it back to its location
    log = read_eval_log(popularity.location)
    log.eval.metadata = {"reviewed": True}
    write_eval_log(log)
    assert read_eval_log(popularity.location).eval.metadata == {"reviewed": True}


# 003 Errors and Limits ----------------------------------------------------------------


def test_failure_threshold_tolerates_some_errors(tmp_path: Path) -> None:
    log = run_one(example("errors/intercode_ctf.py@intercode_ctf"), tmp_path)
    assert log.status == "success"  # 1 error in 20 samples is within fail_on_error=0.1
    assert log.eval.config.fail_on_error == 0.1
    written = read_eval_log(log.location)
    assert written.samples is not None and len(written.samples) == 20
    failed = [sample for sample in written.samples if sample.error is not None]
    assert [sample.id for sample in failed] == ["ctf-7"]
    assert "did not start" in failed[0].error.message
    assert not failed[0].scores  # failed samples are not scored
    assert written.results.completed_samples == 19
    assert written.results.scores[0].scored_samples == 19
    assert plan_steps(written) == ["system_message", "check_environment", "generate"]


@pytest.mark.parametrize(
    ("fail_on_error", "status"),
    [(False, "success"), (True, "error"), (0.01, "error"), (5, "success")],
)
def test_failure_threshold_overridden_by_eval(
    tmp_path: Path, fail_on_error: bool | float, status: str
) -> None:
    log = run_one(
        example("errors/intercode_ctf.py@intercode_ctf"), tmp_path, fail_on_error=fail_on_error
    )
    assert log.status == status
    assert read_eval_log(log.location).status == status
    if status == "error":
        assert log.error is not None and "did not start" in log.error.message


def test_messages_limit(tmp_path: Path) -> None:
    log = run_one(example("errors/intercode_ctf.py@intercode_ctf_limited"), tmp_path)
    written = check_success(log, 20, "includes", {"accuracy": 0.0, "stderr": 0.0})
    for sample in written.samples or []:
        # the conversation ends when it goes past 30 messages; its output is scored
        assert 30 <= len(sample.messages) <= 31
        assert sample.limit is not None
        assert (sample.limit.type, sample.limit.limit) == ("message", 30)
        assert any(event.event == "sample_limit" for event in sample.events)
        assert sample.scores["includes"].value == "I"


def test_eval_retry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAKY_API_DOWN", "1")
    log = run_one(example("errors/retry.py"), tmp_path)
    assert log.status == "error"
    monkeypatch.delenv("FLAKY_API_DOWN")
    from inspect_ai import eval_retry

    [retried] = eval_retry(log, max_connections=3)
    written = check_success(retried, 5, "includes", {"accuracy": 1.0, "stderr": 0.0})
    assert written.eval.task_id == log.eval.task_id
    assert written.location != log.location


# 10.2 - 10.4 Eval Suites --------------------------------------------------------------

SECURITY = JEOPARDY | ATTACK_DEFENSE | {"xss"}


def test_main_guard_is_not_run_by_eval(tmp_path: Path) -> None:
    # the file's `if __name__ == "__main__": eval(..., model="google/...")` is not run
    logs = run(example("eval_suites/security_guide.py"), tmp_path)
    assert len(logs) == 1
    check_success(logs[0], 16, "model_graded_fact", {"accuracy": 0.0, "stderr": 0.0})
    assert logs[0].eval.model == MOCK


def test_multiple_tasks_in_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "eval_suites")
    logs = run("ctf.py", tmp_path)
    assert [log.eval.task for log in logs] == ["jeopardy", "attack_defense"]
    check_success(logs[0], 2, "includes", {"accuracy": 0.0, "stderr": 0.0})
    check_success(logs[1], 1, "includes", {"accuracy": 0.0, "stderr": 0.0})
    assert [log.eval.task for log in run("ctf.py@jeopardy", tmp_path)] == ["jeopardy"]
    assert [log.eval.task for log in run("ctf.py@attack_defense", tmp_path)] == ["attack_defense"]


def test_multiple_tasks_in_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "eval_suites")
    # import.py and analyze.py are not executed (import.py would fail), _draft.py and
    # tests/ are not scanned, web/ is scanned recursively
    listed = list_tasks("security")
    assert {task.name for task in listed} == SECURITY
    assert {Path(task.file).name for task in listed} == {
        "jeopardy.py",
        "attack_defense.py",
        "xss.py",
    }
    logs = run("security", tmp_path)
    assert {log.eval.task for log in logs} == SECURITY
    for log in logs:
        check_success(log, 1, "includes", {"accuracy": 0.0, "stderr": 0.0})
    assert not (EXAMPLES / "eval_suites/security/challenges.jsonl").exists()

    both = run(["security", "persuasion"], tmp_path / "both")
    assert {log.eval.task for log in both} == SECURITY | {"persuade"}
    assert all(log.status == "success" for log in both)


def test_light_suite_filter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "eval_suites")
    light_suite = list_tasks("security", filter=lambda task: task.attrs.get("light") is True)
    assert {task.name for task in light_suite} == {"crypto", "packet", "dns", "xss"}
    assert all(task.attribs == {"light": True} for task in light_suite)
    logs = run(light_suite, tmp_path)
    assert {log.eval.task for log in logs} == {"crypto", "packet", "dns", "xss"}
    assert all(log.status == "success" for log in logs)


def test_list_tasks_command() -> None:
    result = inspect_cli("list", "tasks", "security", cwd=EXAMPLES / "eval_suites")
    assert result.returncode == 0, result.stderr
    assert "jeopardy.py@crypto" in result.stdout
    light = inspect_cli(
        "list", "tasks", "security", "--json", "-F", "light=true", cwd=EXAMPLES / "eval_suites"
    )
    assert light.returncode == 0, light.stderr
    assert {task["name"] for task in json.loads(light.stdout)} == {"crypto", "packet", "dns", "xss"}
