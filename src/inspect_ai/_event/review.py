"""A reviewer's decision about a tool call."""

from typing import Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._tool.call import ToolCall


class ReviewEvent(BaseEvent):
    """Review of a tool call."""

    event: Literal["review"] = "review"
    message: str
    call: ToolCall
    reviewer: str
    decision: Literal["continue", "terminate", "escalate"]
    explanation: str | None = None
