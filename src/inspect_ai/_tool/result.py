"""What a tool may return to the model."""

from typing import Annotated, TypeAlias

from pydantic import Field

from inspect_ai._model.content import (
    Content,
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

ContentItems = (ContentText, ContentImage, ContentAudio, ContentVideo, ContentDocument)
"""The classes of content item a tool may return."""


def result_content(result: object) -> str | list[Content]:
    """A tool's return value as the content of the tool message sent to the model."""
    if result is None:
        return ""
    if isinstance(result, str):
        return result
    if isinstance(result, ContentItems):
        return [result]
    if isinstance(result, list) and all(isinstance(item, ContentItems) for item in result):
        return list(result)
    return str(result)
