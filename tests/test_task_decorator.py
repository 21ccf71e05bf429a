"""``@task``: registration, attributes, names, and what each created task records."""

from pathlib import Path
from typing import Any

import pytest

from inspect_ai._registry.registry import is_registry_object, registry_find, registry_info
from inspect_ai._task.decorator import task, task_attribs
from inspect_ai._task.task import Task


@task
def plain_task(system: str = "devops.txt", critique: bool = False) -> Task:
    return Task()


@task(name="renamed_task")
def original_function_name() -> Task:
    return Task()


@task(light=True, suite="ctf")
def light_task(level: int = 1) -> Task:
    return Task()


@task()
def empty_parens_task() -> Task:
    return Task()


@task
def explicitly_named(name: str = "custom") -> Task:
    return Task(name=name)


@task
def task_with_kwargs(n: int = 1, **kwargs: Any) -> Task:
    return Task()


def test_plain_decorator_registers_under_function_name() -> None:
    assert registry_find("task", "plain_task") is plain_task
    assert is_registry_object(plain_task, "task")
    assert registry_info(plain_task).name == "plain_task"


def test_name_argument_registers_under_that_name() -> None:
    assert registry_find("task", "renamed_task") is original_function_name
    created = original_function_name()
    assert created.name == "renamed_task"
    assert created.task_registry_name == "renamed_task"


def test_empty_parens() -> None:
    assert empty_parens_task().name == "empty_parens_task"


def test_decorated_function_keeps_its_metadata() -> None:
    assert plain_task.__name__ == "plain_task"
    assert plain_task.__wrapped__ is not None  # type: ignore[attr-defined]


def test_task_takes_its_registry_name() -> None:
    created = plain_task()
    assert created.name == "plain_task"
    assert created.task_registry_name == "plain_task"
    assert not created.has_explicit_name


def test_explicit_task_name_wins_over_registry_name() -> None:
    created = explicitly_named()
    assert created.name == "custom"
    assert created.task_registry_name == "explicitly_named"


def test_attribs_recorded_on_task_and_registry() -> None:
    created = light_task()
    assert created.attribs == {"light": True, "suite": "ctf"}
    assert task_attribs(light_task) == {"light": True, "suite": "ctf"}
    assert plain_task().attribs == {}
    assert task_attribs(print) == {}


def test_task_args_with_defaults_and_passed() -> None:
    created = plain_task(critique=True)
    assert created.task_args == {"system": "devops.txt", "critique": True}
    assert created.task_args_passed == {"critique": True}


def test_positional_args_recorded_by_name() -> None:
    created = plain_task("researcher.txt")
    assert created.task_args_passed == {"system": "researcher.txt"}
    assert created.task_args == {"system": "researcher.txt", "critique": False}


def test_kwargs_spread_into_task_args() -> None:
    created = task_with_kwargs(extra="x")
    assert created.task_args == {"n": 1, "extra": "x"}
    assert created.task_args_passed == {"extra": "x"}


def test_task_file_is_the_absolute_defining_file() -> None:
    created = plain_task()
    assert created.task_file == str(Path(__file__).resolve())


def test_each_call_records_its_own_args() -> None:
    first = light_task(level=2)
    second = light_task(level=3)
    assert first.task_args_passed == {"level": 2}
    assert second.task_args_passed == {"level": 3}


def test_function_must_return_a_task() -> None:
    @task
    def not_a_task() -> Task:
        return "oops"  # type: ignore[return-value]

    with pytest.raises(TypeError, match="must return a Task"):
        not_a_task()


def test_decorator_rejects_positional_non_function() -> None:
    with pytest.raises(TypeError):
        task("name")
