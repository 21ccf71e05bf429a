"""``tool_with()``: a copy of a tool with a new name, description or parameter descriptions."""

import functools
import inspect
from collections.abc import Callable
from typing import Any

from inspect_ai._registry.registry import (
    RegistryInfo,
    is_registry_object,
    registry_info,
    registry_params,
    registry_params_passed,
    set_registry_info,
    set_registry_params,
)
from inspect_ai._tool.call import ToolCallViewer
from inspect_ai._tool.describe import ParamDescriptions, tool_spec
from inspect_ai._tool.info import ToolParams
from inspect_ai._tool.tool import Tool


def tool_with(
    tool: Tool,
    name: str | None = None,
    description: str | None = None,
    parameters: ParamDescriptions | None = None,
    parallel: bool | None = None,
    viewer: ToolCallViewer | None = None,
) -> Tool:
    """A copy of ``tool`` described differently to the model (the tool itself is unchanged).

    Args:
        tool: The tool to copy.
        name: New name.
        description: New description.
        parameters: New descriptions of parameters, by name.
        parallel: Whether calls may run at the same time as other tool calls.
        viewer: Makes a custom view of each call.
    """
    return derived_tool(
        tool,
        name=name,
        description=description,
        parameters=parameters,
        parallel=parallel,
        viewer=viewer,
    )


def derived_tool(
    tool: Callable[..., Any],
    *,
    name: str | None = None,
    description: str | None = None,
    parameters: ParamDescriptions | ToolParams | None = None,
    parallel: bool | None = None,
    viewer: ToolCallViewer | None = None,
) -> Tool:
    """A registered tool calling ``tool``, with the given fields overriding its own."""

    @functools.wraps(tool)
    async def derived(*args: Any, **kwargs: Any) -> Any:
        result = tool(*args, **kwargs)
        return await result if inspect.isawaitable(result) else result

    base = registry_info(tool) if is_registry_object(tool, "tool") else None
    overrides = {
        "description": description,
        "parameters": parameters,
        "parallel": parallel,
        "viewer": viewer,
    }
    metadata = dict(base.metadata) if base is not None else {}
    metadata.update({key: value for key, value in overrides.items() if value is not None})
    default_name = base.name if base is not None else getattr(tool, "__name__", "tool")
    set_registry_info(derived, RegistryInfo("tool", name or default_name, metadata))
    set_registry_params(derived, registry_params(tool), registry_params_passed(tool))
    tool_spec(derived)
    return derived
