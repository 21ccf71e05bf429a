"""Tools and tool choice as Chat Completions fields, and tool calls read back."""

import json
from typing import Any

from inspect_ai._tool.call import ToolCall
from inspect_ai._tool.info import ToolChoice, ToolFunction, ToolInfo


def tool_params(
    tools: list[ToolInfo], tool_choice: ToolChoice, parallel_tool_calls: bool | None
) -> dict[str, Any]:
    """``tools``, ``tool_choice`` and ``parallel_tool_calls`` (nothing when there are no tools)."""
    if not tools:
        return {}
    params: dict[str, Any] = {
        "tools": [openai_tool(tool) for tool in tools],
        "tool_choice": openai_tool_choice(tool_choice),
    }
    if parallel_tool_calls is not None:
        params["parallel_tool_calls"] = parallel_tool_calls
    return params


def openai_tool(tool: ToolInfo) -> dict[str, Any]:
    """A function tool."""
    return {
        "type": "function",
        "function": {
            "name": tool.name,
            "description": tool.description,
            "parameters": tool.parameters.model_dump(exclude_none=True),
        },
    }


def openai_tool_choice(choice: ToolChoice) -> str | dict[str, Any]:
    """``auto``, ``none``, ``required`` (our ``any``), or one named function."""
    if isinstance(choice, ToolFunction):
        return {"type": "function", "function": {"name": choice.name}}
    return "required" if choice == "any" else choice


def openai_tool_call(call: ToolCall) -> dict[str, Any]:
    """A tool call of an assistant message in the conversation sent."""
    return {
        "id": call.id,
        "type": "function",
        "function": {"name": call.function, "arguments": json.dumps(call.arguments)},
    }


def parse_tool_call(id: str, function: str, arguments: str) -> ToolCall:
    """A tool call the model asked for; arguments that are not a JSON object are kept as a
    ``parse_error`` (the tool loop reports it to the model) with empty arguments."""
    try:
        parsed: Any = json.loads(arguments) if arguments.strip() else {}
    except json.JSONDecodeError as ex:
        return ToolCall(
            id=id, function=function, arguments={},
            parse_error=f"Error parsing the arguments of {function}: {ex}: {arguments}",
        )  # fmt: skip
    if not isinstance(parsed, dict):
        return ToolCall(
            id=id, function=function, arguments={},
            parse_error=f"The arguments of {function} are not a JSON object: {arguments}",
        )  # fmt: skip
    return ToolCall(id=id, function=function, arguments=parsed)
