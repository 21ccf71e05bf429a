"""Tools: ``@tool``, tool definitions, calls, schemas, results and errors."""

from inspect_ai._model.content import (
    Content,
    ContentAudio,
    ContentDocument,
    ContentImage,
    ContentText,
    ContentVideo,
)
from inspect_ai._tool.call import (
    ToolCall,
    ToolCallContent,
    ToolCallError,
    ToolCallView,
    ToolCallViewer,
)
from inspect_ai._tool.error import ToolError, ToolParsingError
from inspect_ai._tool.info import (
    JSONSchema,
    JSONType,
    ToolChoice,
    ToolFunction,
    ToolInfo,
    ToolParams,
)
from inspect_ai._tool.result import ToolResult
from inspect_ai._tool.tool import Tool, tool
from inspect_ai._tool.tool_def import ToolDef
from inspect_ai._tool.tool_with import tool_with
from inspect_ai._tool.tools.bash import bash
from inspect_ai._tool.tools.python import python
from inspect_ai._tool.tools.think import think
from inspect_ai._tool.tools.web_search import web_search

__all__ = [
    "Content",
    "ContentAudio",
    "ContentDocument",
    "ContentImage",
    "ContentText",
    "ContentVideo",
    "JSONSchema",
    "JSONType",
    "Tool",
    "ToolCall",
    "ToolCallContent",
    "ToolCallError",
    "ToolCallView",
    "ToolCallViewer",
    "ToolChoice",
    "ToolDef",
    "ToolError",
    "ToolFunction",
    "ToolInfo",
    "ToolParams",
    "ToolParsingError",
    "ToolResult",
    "bash",
    "python",
    "think",
    "tool",
    "tool_with",
    "web_search",
]
