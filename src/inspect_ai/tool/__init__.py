"""Tools: tool calls, tool descriptions and schemas, results and errors."""

from inspect_ai._model.content import (
    Content,
    ContentAudio,
    ContentImage,
    ContentText,
    ContentVideo,
)
from inspect_ai._tool.call import ToolCall, ToolCallContent, ToolCallError, ToolCallView
from inspect_ai._tool.info import (
    JSONSchema,
    JSONType,
    ToolChoice,
    ToolFunction,
    ToolInfo,
    ToolParams,
)
from inspect_ai._tool.result import ToolResult

__all__ = [
    "Content",
    "ContentAudio",
    "ContentImage",
    "ContentText",
    "ContentVideo",
    "JSONSchema",
    "JSONType",
    "ToolCall",
    "ToolCallContent",
    "ToolCallError",
    "ToolCallView",
    "ToolChoice",
    "ToolFunction",
    "ToolInfo",
    "ToolParams",
    "ToolResult",
]
