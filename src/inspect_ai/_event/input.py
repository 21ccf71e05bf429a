"""Input typed by a person on the console during a sample."""

from typing import Any, Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.model import LogModel


class InputField(LogModel):
    """A field of a structured input request."""

    name: str
    type: Literal["string", "integer", "number", "boolean", "array"]
    description: str | None = None


class InputEvent(BaseEvent):
    """Input screen interaction."""

    event: Literal["input"] = "input"
    input: str
    """Input interaction (plain text)."""

    input_ansi: str
    """Input interaction (with ANSI codes)."""

    message: str | None = None
    fields: list[InputField] | None = None
    content: dict[str, Any] | None = None
    outcome: Literal["accepted", "declined", "cancelled"] | None = None
