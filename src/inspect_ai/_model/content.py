"""Content items of chat messages: text, reasoning, media, data, documents and tool use."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._json.types import JsonValue


class DocumentRange(LogModel):
    """A range within a document that a citation points to."""

    type: Literal["block", "page", "char"]
    """Unit of the range."""

    start_index: int
    """Start of the range."""

    end_index: int
    """End of the range."""


class ContentCitation(LogModel):
    """A citation of other content."""

    type: Literal["content"] = "content"
    cited_text: str | list[int] | None = None
    """The cited text (or its character range)."""

    title: str | None = None
    """Title of the cited source."""

    internal: dict[str, JsonValue] | None = None
    """Provider-specific data."""


class DocumentCitation(LogModel):
    """A citation of a document."""

    type: Literal["document"] = "document"
    cited_text: str | list[int] | None = None
    title: str | None = None
    internal: dict[str, JsonValue] | None = None
    range: DocumentRange | None = None
    """Where in the document the citation points."""


class UrlCitation(LogModel):
    """A citation of a web page."""

    type: Literal["url"] = "url"
    cited_text: str | list[int] | None = None
    title: str | None = None
    internal: dict[str, JsonValue] | None = None
    url: str
    """URL of the cited page."""


Citation: TypeAlias = Annotated[
    ContentCitation | DocumentCitation | UrlCitation, Field(discriminator="type")
]
"""A citation attached to text content."""


class ContentText(LogModel):
    """Text content."""

    type: Literal["text"] = "text"
    text: str
    """The text."""

    refusal: bool | None = None
    """Whether the text is a refusal."""

    citations: list[Citation] | None = None
    """Citations supporting the text."""

    cache_breakpoint: bool | None = None
    """Provider prompt-cache breakpoint after this content."""

    internal: JsonValue | None = None
    """Provider-specific data."""


class ContentReasoning(LogModel):
    """Reasoning produced by a model before its answer."""

    type: Literal["reasoning"] = "reasoning"
    reasoning: str
    """The reasoning text."""

    summary: str | None = None
    """Summary of the reasoning."""

    signature: str | None = None
    """Provider signature of the reasoning."""

    redacted: bool = False
    """Whether the reasoning is redacted (encrypted)."""

    internal: JsonValue | None = None


class ContentImage(LogModel):
    """Image content (a URL, file path or data URI)."""

    type: Literal["image"] = "image"
    image: str
    """The image: URL, path or base64 data URI."""

    detail: Literal["auto", "low", "high", "original"] = "auto"
    """Level of detail requested from the model."""

    internal: JsonValue | None = None


class ContentAudio(LogModel):
    """Audio content."""

    type: Literal["audio"] = "audio"
    audio: str
    """The audio: URL, path or base64 data URI."""

    format: Literal["wav", "mp3"]
    """Audio format."""

    internal: JsonValue | None = None


class ContentVideo(LogModel):
    """Video content."""

    type: Literal["video"] = "video"
    video: str
    """The video: URL, path or base64 data URI."""

    format: Literal["mp4", "mpeg", "mov"]
    """Video format."""

    internal: JsonValue | None = None


class ContentData(LogModel):
    """Structured data content (provider-specific)."""

    type: Literal["data"] = "data"
    data: dict[str, JsonValue]
    """The data."""

    internal: JsonValue | None = None


class ContentDocument(LogModel):
    """A document (e.g. a PDF) given to the model."""

    type: Literal["document"] = "document"
    document: str
    """The document: URL, path or base64 data URI."""

    filename: str = ""
    """Document file name."""

    mime_type: str = ""
    """Document MIME type."""

    citations: bool = False
    """Whether the model may cite the document."""

    internal: JsonValue | None = None


class ContentToolUse(LogModel):
    """A server-side tool use by the model (web search, code execution, ...)."""

    type: Literal["tool_use"] = "tool_use"
    tool_type: Literal["web_search", "mcp_call", "code_execution"]
    """Kind of tool."""

    id: str
    """Tool call id."""

    name: str
    """Tool name."""

    context: str | None = None
    """Context of the call."""

    arguments: str
    """Arguments (JSON text)."""

    result: str
    """Result (JSON text)."""

    error: str | None = None
    """Error, if the tool failed."""

    internal: JsonValue | None = None


Content: TypeAlias = Annotated[
    ContentText
    | ContentReasoning
    | ContentImage
    | ContentAudio
    | ContentVideo
    | ContentData
    | ContentToolUse
    | ContentDocument,
    Field(discriminator="type"),
]
"""Any content item of a chat message."""
