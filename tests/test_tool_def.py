"""@tool, ToolDef, tool_with() and use_tools(): names, descriptions and registration."""

import asyncio
from typing import Any

import pytest

from inspect_ai._registry.registry import registry_find, registry_info, registry_params
from inspect_ai._solver.use_tools import use_tools
from inspect_ai.solver import TaskState
from inspect_ai.tool import (
    Tool,
    ToolCall,
    ToolCallContent,
    ToolCallView,
    ToolDef,
    ToolFunction,
    tool,
    tool_with,
)


def viewer(call: ToolCall) -> ToolCallView:
    code = str(call.arguments.get("code", ""))
    return ToolCallView(call=ToolCallContent(format="markdown", content=f"```\n{code}\n```"))


@tool(name="python_exec", parallel=False, viewer=viewer, prompt="Use it.")
def python_tool(timeout: int = 10) -> Tool:
    async def execute(code: str) -> str:
        """Run Python code.

        Args:
            code: The code.
        """
        return code

    return execute


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


def state() -> TaskState:
    return TaskState(model="mockllm/model", sample_id=1, epoch=1, input="hi", messages=[])


def run_solver(solver: Any, task_state: TaskState) -> TaskState:
    async def no_generate(state: TaskState, **kwargs: Any) -> TaskState:
        return state

    return asyncio.run(solver(task_state, no_generate))  # type: ignore[no-any-return]


def test_tool_registration_and_options() -> None:
    created = python_tool(timeout=5)
    info = registry_info(created)
    assert (info.type, info.name) == ("tool", "python_exec")
    assert registry_params(created) == {"timeout": 5}
    assert registry_find("tool", "python_exec") is not None
    definition = ToolDef(created)
    assert definition.name == "python_exec"
    assert definition.description == "Run Python code."
    assert definition.parallel is False
    assert definition.viewer is viewer


def test_tool_functions_are_callable_directly() -> None:
    assert asyncio.run(add()(x=1, y=2)) == 3


def test_tooldef_from_a_plain_function() -> None:
    async def multiply(a: float, b: float) -> float:
        """Multiply.

        Args:
            a: First.
            b: Second.
        """
        return a * b

    definition = ToolDef(multiply)
    assert (definition.name, definition.description) == ("multiply", "Multiply.")
    assert definition.parallel is True
    assert list(definition.parameters.properties) == ["a", "b"]

    renamed = ToolDef(
        multiply, name="times", description="Times.", parameters={"a": "Left.", "b": "Right."}
    )
    assert (renamed.name, renamed.description) == ("times", "Times.")
    assert renamed.parameters.properties["a"].description == "Left."

    as_tool = renamed.as_tool()
    assert registry_info(as_tool).name == "times"
    again = ToolDef(as_tool)
    assert (again.name, again.description) == ("times", "Times.")
    assert again.parameters.properties["b"].description == "Right."
    assert asyncio.run(as_tool(a=2.0, b=3.0)) == 6.0


def test_tooldef_of_a_tooldef_keeps_changes() -> None:
    definition = ToolDef(add())
    definition.description = "Sum."
    assert ToolDef(definition).description == "Sum."


def test_tooldef_rejects_descriptions_of_unknown_parameters() -> None:
    with pytest.raises(ValueError, match="unknown parameter 'z'"):
        ToolDef(add(), parameters={"z": "No such thing."})


def test_tool_with_copies_the_tool() -> None:
    original = add()
    copy = tool_with(original, name="plus", description="Plus.", parameters={"x": "Left."})
    assert copy is not original
    described = ToolDef(copy)
    assert (described.name, described.description) == ("plus", "Plus.")
    assert described.parameters.properties["x"].description == "Left."
    assert described.parameters.properties["y"].description == "Second number to add."
    # the original is unchanged
    assert ToolDef(original).name == "add"
    assert ToolDef(original).description == "Add two numbers."
    assert asyncio.run(copy(x=2, y=2)) == 4


def test_use_tools_sets_tools_and_choice() -> None:
    task_state = run_solver(use_tools(add()), state())
    assert [ToolDef(t).name for t in task_state.tools] == ["add"]
    assert task_state.tool_choice == "auto"

    # a ToolDef and a list of tools; the choice forced to one tool
    forced = use_tools(
        [ToolDef(add(), name="sum")], python_tool(), tool_choice=ToolFunction(name="sum")
    )
    task_state = run_solver(forced, task_state)
    assert [ToolDef(t).name for t in task_state.tools] == ["sum", "python_exec"]
    assert task_state.tool_choice == ToolFunction(name="sum")

    # no tools: the tools are kept, the choice changes
    task_state = run_solver(use_tools(tool_choice="none"), task_state)
    assert len(task_state.tools) == 2
    assert task_state.tool_choice == "none"

    # append replaces tools of the same name and adds the others
    task_state = run_solver(use_tools(add(), python_tool(), append=True), task_state)
    assert sorted(ToolDef(t).name for t in task_state.tools) == ["add", "python_exec", "sum"]


def test_use_tools_logs_tools_by_name() -> None:
    solver = use_tools(add(), tool_choice="any")
    params = registry_params(solver)
    assert params["tool_choice"] == "any" and params["append"] is False
    assert [registry_info(t).name for t in params["tools"]] == ["add"]


def test_model_generate_takes_tools_as_functions_tooldefs_or_infos() -> None:
    import asyncio

    from inspect_ai.model import GenerateConfig, Model, ModelAPI, ModelOutput
    from inspect_ai.tool import ToolDef, ToolInfo, tool

    @tool
    def shout() -> object:
        async def execute(text: str) -> str:
            """Shout some text.

            Args:
                text: What to shout.
            """
            return text.upper()

        return execute

    seen: list[list[ToolInfo]] = []

    class Recorder(ModelAPI):
        async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
            seen.append(tools)
            return ModelOutput.from_content("recorder", "ok")

    async def whisper(text: str) -> str:
        """Whisper some text.

        Args:
            text: What to whisper.
        """
        return text.lower()

    model = Model(Recorder("x", config=GenerateConfig()), GenerateConfig(), "recorder")
    info = ToolInfo(name="echo", description="Echo.")
    asyncio.run(model.generate("hi", tools=[shout(), ToolDef(whisper), info]))
    [tools] = seen
    assert [t.name for t in tools] == ["shout", "whisper", "echo"]
    assert tools[0].parameters.properties["text"].description == "What to shout."
    assert tools[2] is info
