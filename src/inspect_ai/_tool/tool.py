"""The tool protocol: an async function the model can call."""

from typing import Any, Protocol

from inspect_ai._tool.result import ToolResult


class Tool(Protocol):
    """A tool: an async function, described to the model by its name, docstring and types."""

    async def __call__(self, *args: Any, **kwargs: Any) -> ToolResult: ...
