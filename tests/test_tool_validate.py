"""Checking tool call arguments against schemas, and truncating long tool output."""

from pathlib import Path

import pytest

from inspect_ai import Task, eval, task
from inspect_ai._solver.use_tools import use_tools
from inspect_ai._tool.truncate import truncate_output
from inspect_ai._tool.validate import argument_errors, schema_errors
from inspect_ai.dataset import Sample
from inspect_ai.solver import generate
from inspect_ai.tool import JSONSchema, Tool, ToolParams, tool


def schema(data: dict[str, object]) -> JSONSchema:
    return JSONSchema.model_validate(data)


def test_scalar_types() -> None:
    assert schema_errors(3, schema({"type": "integer"}), "x") == []
    assert schema_errors(3.0, schema({"type": "integer"}), "x") == []
    assert schema_errors(3.5, schema({"type": "integer"}), "x") == ["x: 3.5 is not of type integer"]
    assert schema_errors(True, schema({"type": "integer"}), "x") != []
    assert schema_errors(1, schema({"type": "number"}), "x") == []
    assert schema_errors(1, schema({"type": "boolean"}), "x") != []
    assert schema_errors(None, schema({"type": "null"}), "x") == []
    assert schema_errors("a", schema({"type": ["string", "null"]}), "x") == []
    assert schema_errors("anything", schema({}), "x") == []


def test_enums_arrays_and_any_of() -> None:
    assert schema_errors("b", schema({"enum": ["a", "b"]}), "x") == []
    assert schema_errors("c", schema({"enum": ["a", "b"]}), "x") == [
        "x: 'c' is not one of ['a', 'b']"
    ]
    assert schema_errors(True, schema({"enum": [1]}), "x") != []
    items = schema({"type": "array", "items": {"type": "integer"}})
    assert schema_errors([1, 2], items, "x") == []
    assert schema_errors([1, "2"], items, "x") == ["x[1]: '2' is not of type integer"]
    optional = schema({"anyOf": [{"type": "integer"}, {"type": "null"}]})
    assert schema_errors(None, optional, "x") == []
    assert schema_errors("1", optional, "x") == ["x: '1' matches none of the allowed types"]


def test_nested_objects() -> None:
    point = schema(
        {
            "type": "object",
            "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}},
            "required": ["x"],
            "additionalProperties": False,
        }
    )
    assert schema_errors({"x": 1}, point, "p") == []
    assert schema_errors({"y": 1, "z": 2}, point, "p") == [
        "p: 'x' is a required property",
        "p: 'z' is not an allowed property",
    ]
    mapping = schema({"type": "object", "additionalProperties": {"type": "number"}})
    assert schema_errors({"a": 1.5}, mapping, "m") == []
    assert schema_errors({"a": "b"}, mapping, "m") == ["m.a: 'b' is not of type number"]


def test_arguments() -> None:
    params = ToolParams.model_validate(
        {
            "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}},
            "required": ["x", "y"],
        }
    )
    assert argument_errors({"x": 1, "y": 2}, params) == []
    assert argument_errors({"x": 1}, params) == ["'y' is a required argument"]
    assert argument_errors({"x": 1, "y": 2, "z": 3}, params) == [
        "'z' is not an argument of the tool"
    ]


def test_truncate_output() -> None:
    assert truncate_output("f", "short", 100) == ("short", None)
    assert truncate_output("f", "x" * 200, 0) == ("x" * 200, None)  # 0: no limit
    text, sizes = truncate_output("f", "é" * 100, 51)  # two bytes each: cut between them
    assert sizes == (200, 50)
    assert "é" * 25 in text and "é" * 26 not in text
    assert "f" in text and "200 bytes" in text


def test_a_tool_that_cannot_be_described_fails_the_eval(tmp_path: Path) -> None:
    @tool
    def lookup() -> Tool:
        async def execute(key: str, default: str) -> str:
            """Look up a key.

            Args:
                key: The key.
            """
            return key

        return execute

    @task
    def bad() -> Task:
        return Task(dataset=[Sample(input="x")], solver=[use_tools(lookup()), generate()])

    with pytest.raises(ValueError, match="Tool 'lookup': parameter 'default'"):
        eval(bad, model="mockllm/model", display="none", log_dir=str(tmp_path))
