"""Chat messages exchanged with a model: system, user, assistant and tool."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Field

from inspect_ai._ids import short_uuid
from inspect_ai._json.model import LogModel
from inspect_ai._model.content import Content, ContentText
from inspect_ai._tool.call import ToolCall, ToolCallError

MessageSource = Literal["input", "generate", "operator"]
"""Where a message came from."""

_generate_ids: ContextVar[bool] = ContextVar("generate_message_ids", default=True)


def _new_message_id() -> str | None:
    return short_uuid() if _generate_ids.get() else None


@contextmanager
def stored_message_ids() -> Iterator[None]:
    """Within this block, messages validated without an id keep none, as they were stored.

    Log readers use it so that reading an old log (whose messages have no ids) gives the
    same messages every time; messages created anywhere else get a new id.
    """
    token = _generate_ids.set(False)
    try:
        yield
    finally:
        _generate_ids.reset(token)


class ChatMessageBase(LogModel):
    """Fields shared by every chat message."""

    id: str | None = Field(default_factory=_new_message_id)
    """Unique message id (generated for new messages; old logs may lack it)."""

    content: str | list[Content]
    """Message content: plain text or a list of content items."""

    source: MessageSource | None = None
    """Where the message came from."""

    metadata: dict[str, Any] | None = None
    """Additional message metadata."""

    @property
    def text(self) -> str:
        """The text of the message (text items joined with newlines)."""
        if isinstance(self.content, str):
            return self.content
        return "\n".join(item.text for item in self.content if isinstance(item, ContentText))

    @text.setter
    def text(self, text: str) -> None:
        if isinstance(self.content, str):
            self.content = text
            return
        others = [item for item in self.content if not isinstance(item, ContentText)]
        self.content = [*others, ContentText(text=text)]


class ChatMessageSystem(ChatMessageBase):
    """A system message."""

    role: Literal["system"] = "system"


class ChatMessageUser(ChatMessageBase):
    """A user message."""

    role: Literal["user"] = "user"
    tool_call_id: list[str] | None = None
    """Tool calls this message responds to (for providers that put results in user turns)."""


class ChatMessageAssistant(ChatMessageBase):
    """A message written by the model, possibly requesting tool calls."""

    role: Literal["assistant"] = "assistant"
    tool_calls: list[ToolCall] | None = None
    """Tool calls requested by the model."""

    model: str | None = None
    """Model that wrote the message."""


class ChatMessageTool(ChatMessageBase):
    """The result of a tool call."""

    role: Literal["tool"] = "tool"
    tool_call_id: str | None = None
    """Id of the tool call this message answers."""

    function: str | None = None
    """Name of the tool function called."""

    error: ToolCallError | None = None
    """Error from the tool call (if any)."""


ChatMessage: TypeAlias = Annotated[
    ChatMessageSystem | ChatMessageUser | ChatMessageAssistant | ChatMessageTool,
    Field(discriminator="role"),
]
"""Any chat message."""
