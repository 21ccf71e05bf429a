"""A subtask spawned by a solver."""

from typing import Any, Literal

from pydantic import Field

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.types import Timestamp


class SubtaskEvent(BaseEvent):
    """A subtask: its inputs, result and nested events."""

    event: Literal["subtask"] = "subtask"
    name: str
    """Subtask function name."""

    type: str | None = None
    """Subtask type."""

    input: dict[str, Any] = Field(default_factory=dict)
    """Subtask inputs."""

    result: Any = None
    """Subtask result."""

    events: list[Any] = Field(default_factory=list)
    """Events of the subtask (older logs)."""

    completed: Timestamp | None = None
    """When the subtask completed."""

    working_time: float | None = None
    """Working seconds the subtask took."""
