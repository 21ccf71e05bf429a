"""A tool call requested by a model, its custom views and its errors."""

from collections.abc import Callable
from typing import Any, Literal, TypeAlias

from inspect_ai._json.model import LogModel


class ToolCallContent(LogModel):
    """Content shown for a tool call (e.g. the code a model asked to run)."""

    title: str | None = None
    """Optional title for the content."""

    format: Literal["text", "markdown"]
    """Format of the content."""

    content: str
    """The content itself."""


class ToolCallView(LogModel):
    """Custom rendering of a tool call for viewers and approvers."""

    context: ToolCallContent | None = None
    """Context shown before the call."""

    call: ToolCallContent | None = None
    """The call itself."""


class ToolCall(LogModel):
    """A call to a tool requested by a model."""

    id: str
    """Unique identifier of the call."""

    function: str
    """Name of the tool function."""

    arguments: dict[str, Any]
    """Arguments to the function."""

    parse_error: str | None = None
    """Error raised while parsing the arguments (if any)."""

    view: ToolCallContent | None = None
    """Custom view of the call."""

    type: Literal["function", "custom"] = "function"
    """Kind of tool call."""


ToolCallViewer: TypeAlias = Callable[[ToolCall], ToolCallView]
"""Makes the custom view of a tool call (given to ``@tool(viewer=...)``)."""


ToolCallErrorType = Literal[
    "parsing",
    "timeout",
    "unicode_decode",
    "permission",
    "file_not_found",
    "is_a_directory",
    "limit",
    "approval",
    "cancelled",
    "sandbox_unavailable",
    "unknown",
    "output_limit",
]


class ToolCallError(LogModel):
    """An error from a tool call, reported back to the model."""

    type: ToolCallErrorType
    """Category of the error."""

    message: str
    """Message describing the error."""
