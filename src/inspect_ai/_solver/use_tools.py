"""The ``use_tools()`` solver: the tools the model may call, and how it should use them."""

from collections.abc import Sequence

from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._tool.info import ToolChoice
from inspect_ai._tool.tool import Tool
from inspect_ai._tool.tool_def import ToolDef, tool_specs


@solver
def use_tools(
    *tools: Tool | ToolDef | Sequence[Tool | ToolDef],
    tool_choice: ToolChoice | None = "auto",
    append: bool = False,
) -> Solver:
    """Make tools available to the model (``generate()`` runs the calls it makes).

    Args:
        *tools: Tools (or lists of tools) to make available. With none, the tools
            already available are kept.
        tool_choice: ``auto`` (the model decides), ``any`` (it must call a tool),
            ``none`` (it must not), or ``ToolFunction(name)`` (it must call that tool);
            None leaves the choice as it is.
        append: Add the tools to those already available (replacing any of the same
            name) rather than replacing them.
    """
    given = [item.as_tool() if isinstance(item, ToolDef) else item for item in _flatten(tools)]
    names = [spec.name for spec in tool_specs(given)]

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        if given:
            kept = _without(state.tools, set(names)) if append else []
            state.tools = [*kept, *given]
        if tool_choice is not None:
            state.tool_choice = tool_choice
        return state

    return solve


def _flatten(
    tools: tuple[Tool | ToolDef | Sequence[Tool | ToolDef], ...],
) -> list[Tool | ToolDef]:
    flat: list[Tool | ToolDef] = []
    for item in tools:
        if isinstance(item, Sequence):
            flat.extend(item)
        else:
            flat.append(item)
    return flat


def _without(tools: list[Tool], names: set[str]) -> list[Tool]:
    specs = tool_specs(tools)
    return [tool for tool, spec in zip(tools, specs, strict=True) if spec.name not in names]
