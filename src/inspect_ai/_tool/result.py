"""What a tool may return to the model."""

from typing import Annotated, TypeAlias

from pydantic import Field

from inspect_ai._model.content import (
    ContentAudio,
    ContentDocument,
    ContentImage,
    ContentText,
    ContentVideo,
)

ToolResultContent: TypeAlias = Annotated[
    ContentText | ContentImage | ContentAudio | ContentVideo | ContentDocument,
    Field(discriminator="type"),
]
"""A content item a tool may return."""

ToolResult: TypeAlias = str | int | float | bool | ToolResultContent | list[ToolResultContent]
"""A tool's return value: a scalar, a content item or a list of content items."""
