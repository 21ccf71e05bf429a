"""``list_tasks()``: tasks found by parsing (never executing) files and directories."""

import os
import textwrap
from pathlib import Path

import pytest

from inspect_ai._task.info import TaskInfo
from inspect_ai._task.listing import list_tasks

TASK_FILES = Path(__file__).resolve().parent / "task_files"
SUITE = TASK_FILES / "suite"


def listed(infos: list[TaskInfo]) -> list[str]:
    return [str(info) for info in infos]


def test_directory_listing_relative_to_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SUITE)
    assert listed(list_tasks()) == [
        "attack_defense/task.py@saar",
        "attack_defense/task.py@bank",
        "jeopardy/task.py@crypto",
        "jeopardy/task.py@decompile",
    ]


def test_path_and_root_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    infos = list_tasks("suite/jeopardy", root_dir=str(TASK_FILES))
    assert listed(infos) == ["suite/jeopardy/task.py@crypto", "suite/jeopardy/task.py@decompile"]


def test_absolute_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    infos = list_tasks("suite/jeopardy", absolute=True)
    assert {info.file for info in infos} == {str(SUITE / "jeopardy" / "task.py")}


def test_several_paths_and_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    infos = list_tasks(["ctf.py", "notebooks"])
    assert listed(infos) == [
        "ctf.py@jeopardy",
        "ctf.py@attack_defense",
        os.path.join("notebooks", "explore.ipynb") + "@explore",
        os.path.join("notebooks", "explore.ipynb") + "@explore_light",
    ]


def test_names_and_literal_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    infos = list_tasks("attribs.py")
    assert [(info.name, info.attribs) for info in infos] == [
        ("crypto", {"light": True, "suite": "ctf", "tags": ["crypto", "easy"]}),
        ("heap_trouble", {"light": False, "difficulty": 3}),  # suite=SUITE is not a literal
        ("packet", {}),
    ]


def test_filter_on_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TASK_FILES)
    light = list_tasks(filter=lambda task: task.attrs.get("light") is True)
    assert listed(light) == [
        "attribs.py@crypto",
        os.path.join("notebooks", "explore.ipynb") + "@explore_light",
        os.path.join("suite", "jeopardy", "task.py") + "@decompile",
    ]


def test_listing_does_not_execute_files(tmp_path: Path) -> None:
    (tmp_path / "explosive.py").write_text(
        textwrap.dedent(
            """
            raise RuntimeError("listing must not execute task files")

            @task(name="defused", level=2)
            def explosive():
                ...
            """
        )
    )
    infos = list_tasks(root_dir=str(tmp_path))
    assert [(info.file, info.name, info.attribs) for info in infos] == [
        ("explosive.py", "defused", {"level": 2})
    ]


def test_decorator_forms(tmp_path: Path) -> None:
    (tmp_path / "forms.py").write_text(
        textwrap.dedent(
            """
            import inspect_ai
            from inspect_ai import task

            @task
            def bare(): ...

            @task()
            def called(): ...

            @inspect_ai.task(light=True)
            def qualified(): ...

            @inspect_ai.task
            async def asynchronous(): ...

            @solver
            def not_a_task(): ...

            @other_decorator
            @task(name="stacked")
            def stacked_function(): ...

            def undecorated():
                @task
                def nested(): ...

            class Holder:
                @task
                def method(self): ...
            """
        )
    )
    infos = list_tasks("forms.py", root_dir=str(tmp_path))
    assert [info.name for info in infos] == [
        "bare",
        "called",
        "qualified",
        "asynchronous",
        "stacked",
    ]
    assert infos[2].attribs == {"light": True}


def test_skip_rules(tmp_path: Path) -> None:
    task_source = "@task\ndef {name}(): ...\n"
    for directory in ["_private", ".hidden", "env", "venv", "tests", "kept", "kept/deeper"]:
        path = tmp_path / directory / "tasks.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(task_source.format(name=directory.replace("/", "_").strip("._")))
    (tmp_path / "_module.py").write_text(task_source.format(name="private_module"))
    (tmp_path / "notes.txt").write_text(task_source.format(name="text_file"))
    infos = list_tasks(root_dir=str(tmp_path))
    assert listed(infos) == ["kept/tasks.py@kept", "kept/deeper/tasks.py@kept_deeper"]


def test_explicit_file_in_skipped_location_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "tests" / "_checks.py"
    path.parent.mkdir()
    path.write_text("@task\ndef check(): ...\n")
    assert listed(list_tasks(str(path), root_dir=str(tmp_path))) == ["tests/_checks.py@check"]


def test_files_sorted_then_subdirectories_tasks_in_source_order(tmp_path: Path) -> None:
    (tmp_path / "b.py").write_text("@task\ndef zeta(): ...\n@task\ndef alpha(): ...\n")
    (tmp_path / "a.py").write_text("@task\ndef omega(): ...\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "c.py").write_text("@task\ndef gamma(): ...\n")
    infos = list_tasks(root_dir=str(tmp_path))
    # a directory's files first, then its subdirectories
    assert listed(infos) == ["a.py@omega", "b.py@zeta", "b.py@alpha", "a/c.py@gamma"]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'nowhere' does not exist"):
        list_tasks("nowhere", root_dir=str(tmp_path))


def test_syntax_error_is_reported(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("@task\ndef broken(:\n    ...\n")
    with pytest.raises(ValueError, match=r"broken.py \(line 2\)"):
        list_tasks(root_dir=str(tmp_path))
