"""``ToolDef``: a tool function together with how it is described to the model."""

from collections.abc import Callable, Sequence
from typing import Any

from inspect_ai._registry.registry import RegistryInfo
from inspect_ai._tool.call import ToolCallViewer
from inspect_ai._tool.describe import ParamDescriptions, ToolSpec, make_tool_spec, tool_spec
from inspect_ai._tool.info import ToolInfo, ToolParams
from inspect_ai._tool.tool import Tool
from inspect_ai._tool.tool_with import derived_tool


class ToolDef:
    """A tool's function, name, description and parameters, as separate fields.

    Wraps a tool (or any async function): fields not given are read from the tool's
    registration and from the function's docstring and type hints. Use it to build tools
    from plain functions, to inspect or change how a tool is described, and anywhere a
    tool is accepted (``use_tools()``, ``TaskState.tools``).

    Args:
        tool: The tool, or an async function.
        name: Name of the tool (defaults to the registered name or the function's name).
        description: What the tool does (defaults to the docstring's description).
        parameters: Descriptions of the parameters by name (overriding the docstring's),
            or the whole parameter schema.
        parallel: Whether calls may run at the same time as other tool calls.
        viewer: Makes a custom view of each call.

    Raises:
        ValueError: The tool or a parameter has no description.
        TypeError: A parameter has no type annotation, or one with no JSON schema.
    """

    def __init__(
        self,
        tool: "Callable[..., Any] | ToolDef",
        name: str | None = None,
        description: str | None = None,
        parameters: ParamDescriptions | ToolParams | None = None,
        parallel: bool | None = None,
        viewer: ToolCallViewer | None = None,
    ) -> None:
        if isinstance(tool, ToolDef):
            tool = tool.as_tool()
        overrides = (name, description, parameters, parallel, viewer)
        if any(value is not None for value in overrides):
            spec = make_tool_spec(
                tool,
                name=name,
                description=description,
                parameters=parameters,
                parallel=parallel,
                viewer=viewer,
            )
        else:
            spec = tool_spec(tool)
        self.tool: Callable[..., Any] = tool
        """The function called."""
        self.name: str = spec.name
        """Name of the tool."""
        self.description: str = spec.description
        """What the tool does."""
        self.parameters: ToolParams = spec.parameters.model_copy(deep=True)
        """The tool's parameters."""
        self.parallel: bool = spec.parallel
        """Whether calls may run at the same time as other tool calls."""
        self.viewer: ToolCallViewer | None = spec.viewer
        """Makes a custom view of each call."""
        self._spec = spec

    @property
    def __registry_info__(self) -> RegistryInfo:
        """Registry info, so logs name a ``ToolDef`` like a registered tool."""
        return RegistryInfo(type="tool", name=self.name)

    def as_tool(self) -> Tool:
        """A registered tool with this definition's name, description and parameters."""
        return derived_tool(
            self.tool,
            name=self.name,
            description=self.description,
            parameters=self.parameters,
            parallel=self.parallel,
            viewer=self.viewer,
        )

    def _current_spec(self) -> ToolSpec:
        """The spec of this definition (reflecting changes made to its fields)."""
        return ToolSpec(
            name=self.name,
            description=self.description,
            parameters=self.parameters,
            parallel=self.parallel,
            viewer=self.viewer,
            bound=self._spec.bound,
            annotations=self._spec.annotations,
        )


def tool_specs(tools: Sequence[Tool | ToolDef]) -> list[ToolSpec]:
    """The specs of tools (``Tool`` functions or ``ToolDef``s)."""
    specs: list[ToolSpec] = []
    for tool in tools:
        if isinstance(tool, ToolDef):
            specs.append(tool._current_spec())
        elif callable(tool):
            specs.append(tool_spec(tool))
        else:
            raise TypeError(f"Not a tool: {tool!r} (expected a @tool function or a ToolDef).")
    return specs


def runnable_tools(
    tools: Sequence[Tool | ToolDef],
) -> dict[str, tuple[ToolSpec, Callable[..., Any]]]:
    """Tools by name: the spec of each and the function to call."""
    specs = tool_specs(tools)
    functions = [tool.tool if isinstance(tool, ToolDef) else tool for tool in tools]
    return {spec.name: (spec, function) for spec, function in zip(specs, functions, strict=True)}


def tool_infos(tools: Sequence[Tool | ToolDef | ToolInfo]) -> list[ToolInfo]:
    """The descriptions of tools given to models (``ToolInfo``s are kept as they are)."""
    return [tool if isinstance(tool, ToolInfo) else tool_specs([tool])[0].info() for tool in tools]
