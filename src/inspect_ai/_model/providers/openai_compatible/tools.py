"""Tools and tool choice as Chat Completions fields, and tool calls read back."""

import json
from typing import Any

from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._tool.call import ToolCall
from inspect_ai._tool.info import ToolChoice, ToolFunction, ToolInfo


def tool_params(
    tools: list[ToolInfo],
    tool_choice: ToolChoice,
    parallel_tool_calls: bool | None,
    dialect: Dialect | None = None,
) -> dict[str, Any]:
    """``tools``, ``tool_choice`` and ``parallel_tool_calls`` (nothing when there are no
    tools; ``parallel_tool_calls`` only when set and the dialect takes it)."""
    dialect = dialect or Dialect()
    if not tools:
        return {}
    params: dict[str, Any] = {
        "tools": [openai_tool(tool) for tool in tools],
        "tool_choice": openai_tool_choice(tool_choice, dialect.any_tool_choice),
    }
    if parallel_tool_calls is not None and dialect.accepts("parallel_tool_calls"):
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


def openai_tool_choice(choice: ToolChoice, any_choice: str = "required") -> str | dict[str, Any]:
    """``auto``, ``none``, ``any_choice`` (our ``any``), or one named function."""
    if isinstance(choice, ToolFunction):
        return {"type": "function", "function": {"name": choice.name}}
    return any_choice if choice == "any" else choice


def openai_tool_call(call: ToolCall) -> dict[str, Any]:
    """A tool call of an assistant message in the conversation sent."""
    return {
        "id": call.id,
        "type": "function",
        "function": {"name": call.function, "arguments": json.dumps(call.arguments)},
    }


def read_tool_calls(calls: Any) -> list[ToolCall]:
    """The tool calls of a response: ``{"id", "function": {"name", "arguments"}}`` items, or
    flat ``{"name", "arguments"}`` ones (Workers AI); ``call_<n>`` where there is no id."""
    result: list[ToolCall] = []
    for index, call in enumerate(calls or []):
        if not isinstance(call, dict):
            continue
        function = call.get("function") or call
        name = str(function.get("name") or "")
        arguments = function.get("arguments") or ""
        result.append(parse_tool_call(call.get("id") or f"call_{index}", name, arguments))
    return result


def parse_tool_call(id: str, function: str, arguments: str | dict[str, Any]) -> ToolCall:
    """A tool call the model asked for; arguments that are not a JSON object are kept as a
    ``parse_error`` (the tool loop reports it to the model) with empty arguments."""
    if isinstance(arguments, dict):
        return ToolCall(id=id, function=function, arguments=arguments)
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
