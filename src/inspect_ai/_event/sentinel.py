"""An observation or decision reported by a sentinel watching the sample."""

from typing import Any, Literal

from pydantic import Field

from inspect_ai._event.base import BaseEvent
from inspect_ai._tool.call import ToolCall


class SentinelEvent(BaseEvent):
    """Report of a sentinel (a monitor of model input/output and tool calls)."""

    event: Literal["sentinel"] = "sentinel"
    factory: str
    path: str
    step_id: str
    conversation: str
    stage: Literal["model_input", "model_output", "tool_call", "tool_result"]
    kind: Literal["observation", "decision"]
    status: Literal["reported", "cancelled", "bypassed", "superseded", "error"]
    function: str | None = None
    action: Literal["proceed", "modify", "reject", "terminate", "escalate"] | None = None
    message: str | None = None
    explanation: str | None = None
    suspicion: float | dict[str, float] | None = None
    modified: ToolCall | None = None
    audit: bool = False
    references: list[dict[str, Any]] = Field(default_factory=list)
    error: str | None = None
