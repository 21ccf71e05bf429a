"""Tools and tool choice as Anthropic Messages API ``tools`` and ``tool_choice``."""

from typing import Any

from inspect_ai._tool.info import ToolChoice, ToolInfo


def anthropic_tools(tools: list[ToolInfo]) -> list[dict[str, Any]]:
    """Each tool as ``{name, description, input_schema}``."""
    return [
        {
            "name": tool.name,
            "description": tool.description,
            "input_schema": tool.parameters.model_dump(exclude_none=True),
        }
        for tool in tools
    ]


def anthropic_tool_choice(choice: ToolChoice, parallel_tool_calls: bool | None) -> dict[str, Any]:
    """``tool_choice``: auto, any, none or a named tool (parallel calls off if asked)."""
    if choice == "none":
        return {"type": "none"}
    param: dict[str, Any] = (
        {"type": choice} if isinstance(choice, str) else {"type": "tool", "name": choice.name}
    )
    if parallel_tool_calls is False:
        param["disable_parallel_tool_use"] = True
    return param
