"""A call to a tool."""

from typing import Any, Literal

from pydantic import Field

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.types import JsonValue, Timestamp
from inspect_ai._tool.call import ToolCallContent, ToolCallError
from inspect_ai._tool.result import ToolResult


class ToolEvent(BaseEvent):
    """A call to a tool: arguments, result or error, timing and nested events."""

    event: Literal["tool"] = "tool"
    type: Literal["function"] = "function"
    id: str
    """Tool call id."""

    function: str
    """Function called."""

    arguments: dict[str, JsonValue]
    """Arguments of the call."""

    view: ToolCallContent | None = None
    """Custom view of the call."""

    result: ToolResult = ""
    """What the tool returned."""

    truncated: tuple[int, int] | None = None
    """Output size before and after truncation (if it was truncated)."""

    error: ToolCallError | None = None
    """Error raised by the tool."""

    events: list[Any] = Field(default_factory=list)
    """Events that happened inside the tool (older logs)."""

    completed: Timestamp | None = None
    """When the call completed."""

    working_time: float | None = None
    """Working seconds the call took."""

    agent: str | None = None
    """Agent the tool handed off to (if any)."""

    agent_span_id: str | None = None
    """Span of that agent."""

    failed: bool | None = None
    """Whether the call failed."""

    message_id: str | None = None
    """Id of the tool message holding the result."""
