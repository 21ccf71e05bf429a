"""Task arguments: files, conversion of string values, and passing them to task functions."""

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from inspect_ai._task.args import convert_arg_value, resolve_task_args, task_call_args


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("false", False),
        ("True", True),
        ("FALSE", False),
        ("42", 42),
        ("-3", -3),
        ("0.5", 0.5),
        ("1e-3", 0.001),
        ("none", None),
        ("null", None),
        ("None", None),
        ("[1, 2, 3]", [1, 2, 3]),
        ('["a", "b"]', ["a", "b"]),
        ("{temperature: 0.5}", {"temperature": 0.5}),
        ('{"k": [1, "x"]}', {"k": [1, "x"]}),
        ("devops.txt", "devops.txt"),
        ("openai/gpt-4", "openai/gpt-4"),
        ("2024-01-01", "2024-01-01"),  # yaml would make a date
        ("12:30", "12:30"),  # yaml 1.1 would make a sexagesimal int
        ("yes", "yes"),  # yaml 1.1 would make a bool
        ("0x1F", "0x1F"),
        ("[unclosed", "[unclosed"),
        ("", ""),
    ],
)
def test_convert_arg_value(text: str, expected: Any) -> None:
    converted = convert_arg_value(text)
    assert converted == expected
    assert type(converted) is type(expected)


def test_resolve_dict_is_copied() -> None:
    args = {"system": "devops.txt"}
    resolved = resolve_task_args(args)
    assert resolved == args and resolved is not args
    assert resolve_task_args(None) == {}


def test_args_from_json_file(tmp_path: Path) -> None:
    file = tmp_path / "args.json"
    file.write_text(json.dumps({"critique": True, "count": 3, "system": "devops.txt"}))
    assert resolve_task_args(str(file)) == {"critique": True, "count": 3, "system": "devops.txt"}


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_args_from_yaml_file(tmp_path: Path, suffix: str) -> None:
    file = tmp_path / f"args{suffix}"
    file.write_text("critique: true\ncount: 3\ntags:\n  - a\n  - b\nsystem: devops.txt\n")
    assert resolve_task_args(str(file)) == {
        "critique": True,
        "count": 3,
        "tags": ["a", "b"],
        "system": "devops.txt",
    }


def test_empty_yaml_file_is_no_args(tmp_path: Path) -> None:
    file = tmp_path / "args.yaml"
    file.write_text("")
    assert resolve_task_args(str(file)) == {}


def test_args_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        resolve_task_args(str(tmp_path / "missing.yaml"))
    not_mapping = tmp_path / "list.json"
    not_mapping.write_text("[1, 2]")
    with pytest.raises(ValueError, match="mapping"):
        resolve_task_args(str(not_mapping))
    invalid = tmp_path / "bad.json"
    invalid.write_text("{not json")
    with pytest.raises(ValueError, match="could not be parsed"):
        resolve_task_args(str(invalid))


# --- passing args to a task function -----------------------------------------------------------


def security(
    critique: bool = False,
    count: int = 1,
    system: str = "devops.txt",
    grader: str | None = "expert.txt",
    grader_model="openai/gpt-4",  # unannotated, with a string default
    options: Any = None,
) -> None:
    pass


def test_string_values_converted_for_non_string_params() -> None:
    args = task_call_args(
        security, {"critique": "true", "count": "5", "options": "[1, 2]"}, "security"
    )
    assert args == {"critique": True, "count": 5, "options": [1, 2]}


def test_string_params_keep_strings() -> None:
    args = task_call_args(
        security, {"system": "123", "grader_model": "true", "grader": "42"}, "security"
    )
    assert args == {"system": "123", "grader_model": "true", "grader": "42"}


def test_optional_string_param_converts_none() -> None:
    assert task_call_args(security, {"grader": "none"}, "security") == {"grader": None}


def test_non_string_values_pass_through() -> None:
    assert task_call_args(security, {"count": 3, "critique": True}, "security") == {
        "count": 3,
        "critique": True,
    }


def test_string_annotations_are_understood() -> None:
    namespace: dict[str, Any] = {}
    exec(
        "from __future__ import annotations\n"
        "def f(a: str = 'x', b: str | None = None, c: bool = False): pass\n",
        namespace,
    )
    args = task_call_args(namespace["f"], {"a": "1", "b": "2", "c": "true"}, "f")
    assert args == {"a": "1", "b": "2", "c": True}


def test_unaccepted_args_dropped_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        args = task_call_args(security, {"count": "2", "temprature": "0.5"}, "security")
    assert args == {"count": 2}
    assert "security" in caplog.text and "'temprature'" in caplog.text


def test_kwargs_function_accepts_everything(caplog: pytest.LogCaptureFixture) -> None:
    def flexible(n: int = 1, **kwargs: Any) -> None:
        pass

    with caplog.at_level(logging.WARNING):
        args = task_call_args(flexible, {"n": "2", "anything": "true"}, "flexible")
    assert args == {"n": 2, "anything": True}
    assert caplog.text == ""


def test_missing_required_arg_names_task_and_param() -> None:
    def needs(n: int, m: int = 1) -> None:
        pass

    with pytest.raises(ValueError, match=r"Task 'needs_task'.*'n'"):
        task_call_args(needs, {"m": 2}, "needs_task")
    assert task_call_args(needs, {"n": "3"}, "needs_task") == {"n": 3}
