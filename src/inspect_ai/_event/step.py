"""Steps: the older way of grouping events (superseded by spans)."""

from typing import Literal

from inspect_ai._event.base import BaseEvent


class StepEvent(BaseEvent):
    """Beginning or end of a step."""

    event: Literal["step"] = "step"
    action: Literal["begin", "end"]
    """Whether the step begins or ends."""

    type: str | None = None
    """Step type."""

    name: str
    """Step name."""
