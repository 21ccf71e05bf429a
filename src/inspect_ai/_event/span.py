"""Spans group the events of one part of a sample (a solver, a tool call, scoring)."""

from typing import Literal

from inspect_ai._event.base import BaseEvent


class SpanBeginEvent(BaseEvent):
    """Beginning of a span."""

    event: Literal["span_begin"] = "span_begin"
    id: str
    """Span id."""

    parent_id: str | None = None
    """Id of the enclosing span."""

    type: str | None = None
    """Span type (e.g. ``solver``)."""

    name: str
    """Span name."""


class SpanEndEvent(BaseEvent):
    """End of a span."""

    event: Literal["span_end"] = "span_end"
    id: str
    """Span id."""
