"""Tools and tool choice as the Converse ``toolConfig``."""

from typing import Any

from inspect_ai._tool.info import ToolChoice, ToolInfo


def tool_config(tools: list[ToolInfo], choice: ToolChoice, required: bool) -> dict[str, Any] | None:
    """The ``toolConfig`` for ``tools`` and ``choice`` (None when no tools are offered).

    Converse has no ``none`` choice: with ``none`` the tools are left out, unless the
    conversation already holds tool use (``required``), which Converse only accepts
    with tools declared.
    """
    if not tools or (choice == "none" and not required):
        return None
    config: dict[str, Any] = {"tools": [_tool_spec(tool) for tool in tools]}
    if choice == "any":
        config["toolChoice"] = {"any": {}}
    elif not isinstance(choice, str):
        config["toolChoice"] = {"tool": {"name": choice.name}}
    return config


def _tool_spec(tool: ToolInfo) -> dict[str, Any]:
    schema = tool.parameters.model_dump(exclude_none=True)
    spec = {"name": tool.name, "description": tool.description, "inputSchema": {"json": schema}}
    return {"toolSpec": spec}
