"""``resolve_tasks()``: every form of ``Tasks``, loading task files, and the errors."""

import importlib
import json
import logging
import os
import sys
import textwrap
from pathlib import Path

import pytest

from inspect_ai._dataset.sample import Sample
from inspect_ai._registry.registry import registry_find
from inspect_ai._task.decorator import task
from inspect_ai._task.info import TaskInfo
from inspect_ai._task.listing import list_tasks
from inspect_ai._task.loader import resolve_tasks
from inspect_ai._task.resolved import ResolvedTask
from inspect_ai._task.task import Task

TASK_FILES = Path(__file__).resolve().parent / "task_files"
CTF = TASK_FILES / "ctf.py"
SECURITY = TASK_FILES / "security" / "security.py"
NOTEBOOK = TASK_FILES / "notebooks" / "explore.ipynb"
SUITE = TASK_FILES / "suite"

HEADER = "from inspect_ai._task.decorator import task\nfrom inspect_ai._task.task import Task\n\n"


def write_task_file(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + textwrap.dedent(body))
    return path


def names(resolved: list[ResolvedTask]) -> list[str]:
    return [item.name for item in resolved]


@task
def loader_registered_task(level: int = 1) -> Task:
    return Task(metadata={"level": level})


# --- task files -----------------------------------------------------------------------------


def test_file_gives_all_its_tasks_in_source_order() -> None:
    resolved = resolve_tasks(str(CTF))
    assert names(resolved) == ["jeopardy", "attack_defense"]
    assert all(item.file == str(CTF) for item in resolved)
    assert resolved[0].task.task_file == str(CTF)
    assert resolved[0].task.version == 2


def test_relative_file_resolved_against_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    assert names(resolve_tasks("ctf.py")) == ["jeopardy", "attack_defense"]


def test_file_at_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    resolved = resolve_tasks("ctf.py@attack_defense", {"rounds": "2"})
    assert names(resolved) == ["attack_defense"]
    assert resolved[0].task.metadata == {"rounds": 2}
    assert resolved[0].args == {"rounds": 2}


def test_file_at_name_matches_decorator_name_or_function_name() -> None:
    by_task_name = resolve_tasks(f"{TASK_FILES / 'attribs.py'}@heap_trouble")
    by_function_name = resolve_tasks(f"{TASK_FILES / 'attribs.py'}@heap")
    assert names(by_task_name) == names(by_function_name) == ["heap_trouble"]
    assert by_task_name[0].task.attribs == {"light": False, "difficulty": 3, "suite": "ctf"}


def test_file_at_missing_name_lists_the_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    with pytest.raises(ValueError) as raised:
        resolve_tasks("ctf.py@nope")
    assert str(raised.value) == "Task 'nope' not found in ctf.py (tasks: jeopardy, attack_defense)"


def test_main_block_does_not_run() -> None:
    # ctf.py, security.py and the notebook raise under `if __name__ == "__main__":`
    assert len(resolve_tasks([str(CTF), str(SECURITY), str(NOTEBOOK)])) == 5


def test_task_code_runs_in_the_task_file_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    path_before = list(sys.path)
    [resolved] = resolve_tasks(str(SECURITY), {"system": "researcher.txt"})
    task_ = resolved.task
    assert task_.metadata is not None
    assert task_.metadata["system_prompt"] == "You are a security researcher."
    assert len(task_.dataset) == 2  # security_guide.jsonl read relative to the task file
    assert Path.cwd() == tmp_path
    assert sys.path == path_before


def test_critique_true_from_cli_string() -> None:
    [plain] = resolve_tasks(str(SECURITY))
    [critique] = resolve_tasks(str(SECURITY), {"critique": "true"})
    assert len(plain.task.plan_steps) == 1
    assert len(critique.task.plan_steps) == 2
    assert critique.task.task_args == {
        "system": "devops.txt",
        "critique": True,
        "grader_model": "openai/gpt-4",
    }
    assert critique.task.task_args_passed == {"critique": True}
    assert critique.args == {"critique": True}


def test_task_args_from_yaml_file(tmp_path: Path) -> None:
    args_file = tmp_path / "args.yaml"
    args_file.write_text("critique: true\ngrader_model: google/gemini-1.0-pro\n")
    [resolved] = resolve_tasks(str(SECURITY), str(args_file))
    assert resolved.task.task_args_passed == {
        "critique": True,
        "grader_model": "google/gemini-1.0-pro",
    }


def test_unaccepted_task_args_warn(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        resolved = resolve_tasks(f"{CTF}@jeopardy", {"critique": "true"})
    assert names(resolved) == ["jeopardy"]
    assert "jeopardy" in caplog.text and "'critique'" in caplog.text


def test_missing_required_arg_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"Task 'needs_arg' requires the argument 'n'"):
        resolve_tasks(f"{TASK_FILES / 'params.py'}@needs_arg")
    [resolved] = resolve_tasks(f"{TASK_FILES / 'params.py'}@needs_arg", {"n": "3"})
    assert resolved.task.metadata == {"n": 3}


def test_explicit_task_name_in_file_wins() -> None:
    [resolved] = resolve_tasks(f"{TASK_FILES / 'params.py'}@typed")
    assert resolved.name == "typed_task"
    assert resolved.task.task_registry_name == "typed"


def test_solvers_and_model_providers_in_task_files_are_registered() -> None:
    resolve_tasks(str(SECURITY))
    assert registry_find("solver", "critique_step") is not None
    provider = registry_find("modelapi", "task_files_canned")
    assert isinstance(provider, type)
    module = sys.modules[provider.__module__]
    assert module.__file__ == str(SECURITY)
    assert importlib.import_module(provider.__module__) is module


def test_task_file_module_is_complete_while_executing(tmp_path: Path) -> None:
    # dataclasses look their module up in sys.modules while the class is created
    path = write_task_file(
        tmp_path / "records.py",
        """
        from dataclasses import dataclass

        @dataclass
        class Record:
            text: str

        @task
        def records() -> Task:
            return Task(metadata={"record": Record("x").text})
        """,
    )
    assert resolve_tasks(str(path))[0].task.metadata == {"record": "x"}


def test_task_file_can_import_sibling_modules(tmp_path: Path) -> None:
    (tmp_path / "sibling_prompts_for_loader_test.py").write_text("PROMPT = 'be careful'\n")
    path = write_task_file(
        tmp_path / "uses_sibling.py",
        """
        from sibling_prompts_for_loader_test import PROMPT

        @task
        def uses_sibling() -> Task:
            return Task(metadata={"prompt": PROMPT})
        """,
    )
    assert resolve_tasks(str(path))[0].task.metadata == {"prompt": "be careful"}


def test_file_executed_once_until_it_changes(tmp_path: Path) -> None:
    path = write_task_file(
        tmp_path / "counted.py",
        """
        with open("executions.txt", "a") as log:
            log.write("x")

        @task
        def counted() -> Task:
            return Task()
        """,
    )
    resolve_tasks(str(path))
    resolve_tasks(f"{path}@counted")
    assert (tmp_path / "executions.txt").read_text() == "x"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    resolve_tasks(str(path))
    assert (tmp_path / "executions.txt").read_text() == "xx"


def test_file_without_tasks_is_an_error(tmp_path: Path) -> None:
    helper = tmp_path / "helper.py"
    helper.write_text("raise RuntimeError('must not run')\n")
    with pytest.raises(ValueError, match="No tasks found in"):
        resolve_tasks(str(helper))


def test_non_python_file_is_an_error(tmp_path: Path) -> None:
    data = tmp_path / "data.json"
    data.write_text("{}")
    with pytest.raises(ValueError, match="not a task file"):
        resolve_tasks(str(data))


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write_task_file(
        tmp_path / "broken.py",
        """
        @task
        def broken() -> Task:
            return Task(
        """,
    )
    with pytest.raises(ValueError) as raised:
        resolve_tasks(str(path))
    message = str(raised.value)
    assert "broken.py" in message and "line 7" in message
    assert "\n" not in message
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.mark.parametrize(
    ("spec", "match"),
    [
        ("missing_task_file.py", "'missing_task_file.py' does not exist"),
        ("missing_task_file.py@jeopardy", "'missing_task_file.py' does not exist"),
        ("missing_notebook.ipynb", "does not exist"),
        ("no_such_dir_or_task", "No task file, directory or registered task named"),
    ],
)
def test_nonexistent_specs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, spec: str, match: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=match):
        resolve_tasks(spec)


def test_nonexistent_task_info_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        resolve_tasks(TaskInfo(file=str(tmp_path / "gone.py"), name="x"))


# --- directories -----------------------------------------------------------------------------


def test_directory_scanned_recursively_with_skip_rules() -> None:
    # skipped files raise if executed; analyze.py defines no task and raises if executed
    resolved = resolve_tasks(str(SUITE))
    assert names(resolved) == ["saar", "bank", "crypto", "decompile"]
    assert resolved[0].file == str(SUITE / "attack_defense" / "task.py")
    assert resolved[3].task.attribs == {"light": True}


def test_skipped_directories_each_hide_their_tasks(tmp_path: Path) -> None:
    body = """
        @task
        def {name}() -> Task:
            return Task()
        """
    for directory in ["_private", ".hidden", "env", "venv", "tests", "kept"]:
        name = f"in_{directory.strip('._')}"
        write_task_file(tmp_path / directory / "tasks.py", body.format(name=name))
    write_task_file(tmp_path / "_private_module.py", body.format(name="private_module"))
    write_task_file(tmp_path / ".hidden_module.py", body.format(name="hidden_module"))
    assert names(resolve_tasks(str(tmp_path))) == ["in_kept"]


def test_skip_rules_apply_below_an_explicit_directory_only(tmp_path: Path) -> None:
    write_task_file(
        tmp_path / "tests" / "checks.py",
        """
        @task
        def explicit_tests_dir() -> Task:
            return Task()
        """,
    )
    assert names(resolve_tasks(str(tmp_path / "tests"))) == ["explicit_tests_dir"]


def test_directory_without_tasks_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "helper.py").write_text("x = 1\n")
    with pytest.raises(ValueError, match="No tasks found in directory"):
        resolve_tasks(str(tmp_path))


def test_none_means_the_current_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SUITE)
    assert names(resolve_tasks(None)) == ["saar", "bank", "crypto", "decompile"]


def test_none_in_empty_directory_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="No tasks found in the current directory"):
        resolve_tasks(None)


# --- notebooks -------------------------------------------------------------------------------


def test_notebook_tasks() -> None:
    resolved = resolve_tasks(str(NOTEBOOK), {"system": "researcher.txt", "critique": "true"})
    assert names(resolved) == ["explore", "explore_light"]
    explore = resolved[0].task
    assert explore.metadata == {"system": "researcher.txt", "critique": True}
    assert explore.task_file == str(NOTEBOOK)
    assert resolved[1].task.attribs == {"light": True}


def test_notebook_at_name() -> None:
    assert names(resolve_tasks(f"{NOTEBOOK}@explore_light")) == ["explore_light"]


def test_notebook_syntax_error_names_cell(tmp_path: Path) -> None:
    notebook = tmp_path / "broken.ipynb"
    cells = [
        {"cell_type": "markdown", "source": ["# Title"]},
        {"cell_type": "code", "source": ["x = 1\n"]},
        {"cell_type": "code", "source": ["y = 2\n", "def f(:\n"]},
    ]
    notebook.write_text(json.dumps({"cells": cells}))
    with pytest.raises(ValueError, match=r"broken.ipynb \(cell 3, line 2\)"):
        resolve_tasks(str(notebook))


def test_invalid_notebook_json(tmp_path: Path) -> None:
    notebook = tmp_path / "bad.ipynb"
    notebook.write_text("{not json")
    with pytest.raises(ValueError, match="could not be read"):
        resolve_tasks(str(notebook))


# --- objects -------------------------------------------------------------------------------------


def test_task_instance_is_taken_as_is() -> None:
    created = Task(name="direct")
    [resolved] = resolve_tasks(created, {"ignored": "1"})
    assert resolved.task is created
    assert resolved.name == "direct" and resolved.file is None


def test_resolved_task_passes_through() -> None:
    resolved = ResolvedTask(task=Task(), name="task")
    assert resolve_tasks([resolved]) == [resolved]


def test_decorated_function_called_with_args() -> None:
    [resolved] = resolve_tasks(loader_registered_task, {"level": "4"})
    assert resolved.task.metadata == {"level": 4}
    assert resolved.name == "loader_registered_task"
    assert resolved.file == str(Path(__file__).resolve())
    assert resolved.args == {"level": 4}


def test_registered_task_name() -> None:
    [resolved] = resolve_tasks("loader_registered_task", {"level": "2"})
    assert resolved.task.metadata == {"level": 2}


def test_undecorated_function_records_its_origin() -> None:
    def plain_function(samples: int = 1) -> Task:
        return Task(dataset=[Sample(input=str(n)) for n in range(samples)])

    [resolved] = resolve_tasks(plain_function, {"samples": "3"})
    assert resolved.name == "plain_function"
    assert len(resolved.task.dataset) == 3
    assert resolved.task.task_args == {"samples": 3}
    assert resolved.task.task_args_passed == {"samples": 3}
    assert resolved.file == str(Path(__file__).resolve())
    assert resolved.task.task_registry_name is None


def test_undecorated_function_returning_a_decorated_task_keeps_its_origin() -> None:
    def wrapper() -> Task:
        return loader_registered_task(level=9)

    [resolved] = resolve_tasks(wrapper)
    assert resolved.name == "loader_registered_task"
    assert resolved.task.task_args_passed == {"level": 9}


class SubclassTask(Task):
    def __init__(self, shots: int = 0) -> None:
        super().__init__(metadata={"shots": shots})


def test_task_subclass() -> None:
    [resolved] = resolve_tasks(SubclassTask, {"shots": "5"})
    assert isinstance(resolved.task, SubclassTask)
    assert resolved.task.metadata == {"shots": 5}
    assert resolved.name == "SubclassTask"


def test_task_info_from_listing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    light = list_tasks("suite", filter=lambda info: info.attribs.get("light") is True)
    assert [str(info) for info in light] == [
        os.path.join("suite", "jeopardy", "task.py") + "@decompile"
    ]
    assert names(resolve_tasks(light)) == ["decompile"]


def test_list_of_mixed_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    resolved = resolve_tasks(
        ["ctf.py@jeopardy", loader_registered_task, Task(name="inline"), "notebooks"]
    )
    assert names(resolved) == [
        "jeopardy",
        "loader_registered_task",
        "inline",
        "explore",
        "explore_light",
    ]


def test_unsupported_object_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="Cannot resolve a task"):
        resolve_tasks([42])  # type: ignore[list-item]


def test_function_not_returning_a_task() -> None:
    def not_a_task() -> Task:
        return "nope"  # type: ignore[return-value]

    with pytest.raises(TypeError, match="did not return a Task"):
        resolve_tasks(not_a_task)


def test_notebook_strings_starting_with_magic_characters_are_kept(tmp_path: Path) -> None:
    notebook = tmp_path / "templates.ipynb"
    cells = [
        {"cell_type": "code", "source": "!echo shell line\n%load_ext autoreload"},
        {
            "cell_type": "code",
            "source": HEADER
            + '@task\ndef templated() -> Task:\n    return Task(metadata={"t": """\n%s!\n"""})\n',
        },
    ]
    notebook.write_text(json.dumps({"cells": cells}))
    [resolved] = resolve_tasks(str(notebook))
    assert resolved.task.metadata == {"t": "\n%s!\n"}
