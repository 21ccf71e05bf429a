"""Events marking the start of a sample and a limit that halted it."""

from typing import Literal

from inspect_ai._dataset.sample import Sample
from inspect_ai._event.base import BaseEvent
from inspect_ai._json.types import JsonValue

LimitType = Literal["message", "time", "working", "token", "turn", "cost", "operator", "custom"]
"""Kinds of limit that can halt a sample."""


class SampleInitEvent(BaseEvent):
    """Start of processing a sample."""

    event: Literal["sample_init"] = "sample_init"
    sample: Sample
    """The sample."""

    state: JsonValue
    """Initial state of the sample."""


class SampleLimitEvent(BaseEvent):
    """A limit that halted the sample."""

    event: Literal["sample_limit"] = "sample_limit"
    type: LimitType
    """Kind of limit."""

    message: str
    """Message describing the limit."""

    limit: float | None = None
    """The limit value (if any)."""
