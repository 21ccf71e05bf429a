"""Tool schemas: parameters from type hints and docstrings, and tools that can't be described."""

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, Optional, TypedDict

import pytest
from pydantic import BaseModel, Field

from inspect_ai.tool import Tool, ToolDef, ToolParams, tool


def params_json(tool: Any) -> dict[str, Any]:
    return ToolDef(tool).parameters.model_dump(mode="json", exclude_none=True)


def properties(tool: Any) -> dict[str, Any]:
    return dict(params_json(tool)["properties"])


class Color(Enum):
    RED = "red"
    GREEN = "green"


class Point(BaseModel):
    """A point on the plane."""

    x: int = Field(description="Horizontal position.")
    y: int = 0


@dataclass
class Box:
    width: float
    tags: list[str] = field(default_factory=list)


class Options(TypedDict, total=False):
    verbose: bool


class Required(TypedDict):
    name: str


@tool
def add() -> Tool:
    async def execute(x: int, y: int) -> int:
        """Add two numbers.

        Args:
            x: First number to add.
            y: Second number to add.
        """
        return x + y

    return execute


def test_the_reference_shape_of_add() -> None:
    # as in the reference's tool-use log
    assert ToolDef(add()).description == "Add two numbers."
    assert params_json(add()) == {
        "type": "object",
        "properties": {
            "x": {"type": "integer", "description": "First number to add."},
            "y": {"type": "integer", "description": "Second number to add."},
        },
        "required": ["x", "y"],
        "additionalProperties": False,
    }


def test_scalars_defaults_and_optional() -> None:
    async def execute(
        text: str, count: int, ratio: float, flag: bool, label: str | None = None, n: int = 3
    ) -> str:
        """Do it.

        Args:
            text: A text.
            count: A count.
            ratio: A ratio.
            flag: A flag.
            label: A label.
            n: A number.
        """
        return text

    found = properties(execute)
    assert found["text"] == {"type": "string", "description": "A text."}
    assert found["count"]["type"] == "integer"
    assert found["ratio"]["type"] == "number"
    assert found["flag"]["type"] == "boolean"
    assert found["label"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "description": "A label.",
    }
    assert found["n"] == {"type": "integer", "description": "A number.", "default": 3}
    assert params_json(execute)["required"] == ["text", "count", "ratio", "flag"]


def test_containers_literals_and_enums() -> None:
    async def execute(
        names: list[str],
        scores: dict[str, float],
        mode: Literal["fast", "slow"],
        color: Color,
        pair: tuple[int, int],
        maybe: Optional[list[int]],  # noqa: UP045 (Optional on purpose)
        anything: Any,
        color_default: Color = Color.RED,
    ) -> str:
        """Do it.

        Args:
            names: Names.
            scores: Scores.
            mode: Mode.
            color: Color.
            pair: Pair.
            maybe: Maybe numbers.
            anything: Anything.
            color_default: Color with a default.
        """
        return ""

    found = properties(execute)
    assert found["names"] == {"type": "array", "items": {"type": "string"}, "description": "Names."}
    assert found["scores"] == {
        "type": "object",
        "additionalProperties": {"type": "number"},
        "description": "Scores.",
    }
    assert found["mode"] == {"type": "string", "enum": ["fast", "slow"], "description": "Mode."}
    assert found["color"] == {"type": "string", "enum": ["red", "green"], "description": "Color."}
    assert found["pair"]["items"] == {"type": "integer"}
    assert found["maybe"]["anyOf"] == [
        {"type": "array", "items": {"type": "integer"}},
        {"type": "null"},
    ]
    assert found["anything"] == {"description": "Anything."}
    assert found["color_default"]["default"] == "red"


def test_nested_objects() -> None:
    async def execute(point: Point, box: Box, options: Options, required: Required) -> str:
        """Do it.

        Args:
            point: A point.
            box: A box.
            options: Options.
            required: Required keys.
        """
        return ""

    found = properties(execute)
    assert found["point"] == {
        "type": "object",
        "description": "A point.",
        "properties": {
            "x": {"type": "integer", "description": "Horizontal position."},
            "y": {"type": "integer"},
        },
        "required": ["x"],
        "additionalProperties": False,
    }
    assert found["box"]["properties"] == {
        "width": {"type": "number"},
        "tags": {"type": "array", "items": {"type": "string"}},
    }
    assert found["box"]["required"] == ["width"]
    assert found["options"]["properties"] == {"verbose": {"type": "boolean"}}
    assert found["options"]["required"] == []
    assert found["required"]["required"] == ["name"]


def test_docstring_styles_give_the_same_schema() -> None:
    async def google(x: int) -> int:
        """Double a number.

        Args:
            x: The number.
        """
        return 2 * x

    async def numpy(x: int) -> int:
        """Double a number.

        Parameters
        ----------
        x : int
            The number.
        """
        return 2 * x

    async def rest(x: int) -> int:
        """Double a number.

        :param x: The number.
        """
        return 2 * x

    schemas = [ToolDef(fn).parameters for fn in (google, numpy, rest)]
    assert schemas[0] == schemas[1] == schemas[2]
    assert schemas[0].properties["x"].description == "The number."
    assert {ToolDef(fn).description for fn in (google, numpy, rest)} == {"Double a number."}


def test_docstring_type_when_unannotated() -> None:
    async def execute(x, y):  # type: ignore[no-untyped-def]
        """Add.

        Args:
            x (int): First.
            y (str): Second.
        """
        return x

    found = properties(execute)
    assert found["x"]["type"] == "integer"
    assert found["y"]["type"] == "string"


def test_factory_docstring_is_used_when_the_function_has_none() -> None:
    # the guide's run_command(): the docstring is on the factory
    @tool(params=dict(container_name="metadata.container_name"))
    def run_command() -> Tool:
        """Run a command in a container.

        Args:
            container_name (str): Name of container to run within.
            command (str): Command to run.

        Returns:
            Result of executing the command.
        """

        async def execute(container_name: str, command: str) -> str:
            return f"{container_name}: {command}"

        return execute

    definition = ToolDef(run_command())
    assert definition.description == "Run a command in a container."
    # the bound parameter is not asked of the model
    assert list(definition.parameters.properties) == ["command"]
    assert definition.parameters.required == ["command"]


# tools that can't be described fail when they are created ---------------------------------


def test_undocumented_parameter_fails_naming_tool_and_parameter() -> None:
    @tool
    def lookup() -> Tool:
        async def execute(key: str, default: str) -> str:
            """Look up a key.

            Args:
                key: The key.
            """
            return key

        return execute

    with pytest.raises(ValueError, match=r"Tool 'lookup': parameter 'default' has no description"):
        lookup()


def test_missing_description_fails() -> None:
    @tool
    def silent() -> Tool:
        async def execute(key: str) -> str:
            return key

        return execute

    with pytest.raises(ValueError, match=r"Tool 'silent' has no description"):
        silent()


def test_unsupported_type_fails_naming_tool_and_parameter() -> None:
    class Opaque:
        pass

    @tool(name="opaque_tool")
    def opaque() -> Tool:
        async def execute(value: Opaque) -> str:
            """Use a value.

            Args:
                value: The value.
            """
            return ""

        return execute

    with pytest.raises(TypeError, match=r"Tool 'opaque_tool': parameter 'value' .*Opaque"):
        opaque()


def test_unsupported_nested_type_and_dict_keys_fail() -> None:
    async def nested(values: list[object]) -> str:
        """Use values.

        Args:
            values: Values.
        """
        return ""

    async def keys(values: dict[int, str]) -> str:
        """Use values.

        Args:
            values: Values.
        """
        return ""

    with pytest.raises(TypeError, match=r"Tool 'nested': parameter 'values'"):
        ToolDef(nested)
    with pytest.raises(TypeError, match=r"Tool 'keys': parameter 'values' .*keys must be str"):
        ToolDef(keys)


def test_unannotated_parameter_fails() -> None:
    async def execute(x):  # type: ignore[no-untyped-def]
        """Use x.

        Args:
            x: A value.
        """
        return x

    with pytest.raises(TypeError, match=r"Tool 'execute': parameter 'x' has no type annotation"):
        ToolDef(execute)


def test_explicit_parameters_skip_the_docstring() -> None:
    async def execute(**kwargs: Any) -> str:
        return str(kwargs)

    params = ToolParams.model_validate(
        {"properties": {"q": {"type": "string", "description": "Query."}}, "required": ["q"]}
    )
    definition = ToolDef(execute, name="search", description="Search.", parameters=params)
    assert definition.name == "search"
    assert definition.parameters == params
    assert definition.parameters is not params  # a copy
