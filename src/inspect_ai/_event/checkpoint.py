"""A checkpoint (snapshot) of a sample's host and sandboxes."""

from typing import Any, Literal

from pydantic import Field

from inspect_ai._event.base import BaseEvent


class CheckpointEvent(BaseEvent):
    """A snapshot of the sample taken so it can be resumed."""

    event: Literal["checkpoint"] = "checkpoint"
    checkpoint_id: int
    trigger: Literal["time", "turn", "manual", "token", "cost", "budget", "agent_complete"]
    trigger_metadata: dict[str, Any] | None = None
    turn: int
    created_at: str
    duration_ms: int
    size_bytes: int
    host: dict[str, Any]
    sandboxes: dict[str, dict[str, Any]] = Field(default_factory=dict)
