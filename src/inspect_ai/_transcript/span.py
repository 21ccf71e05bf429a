"""Spans: named groups of events (a solver, a scorer, a tool call, any user block)."""

import contextlib
from collections.abc import AsyncIterator, Iterator

from inspect_ai._event.span import SpanBeginEvent, SpanEndEvent
from inspect_ai._ids import short_uuid
from inspect_ai._transcript.span_id import current_span_id, enter_span, leave_span
from inspect_ai._transcript.transcript import transcript


@contextlib.asynccontextmanager
async def span(name: str, *, type: str | None = None) -> AsyncIterator[str]:
    """Group the events recorded inside the block under a span.

    Args:
        name: Name of the span.
        type: Kind of span (e.g. ``solver``, ``scorer``, ``tool``).

    Yields:
        The id of the span.
    """
    with sync_span(name, type=type) as span_id:
        yield span_id


@contextlib.contextmanager
def sync_span(name: str, *, type: str | None = None) -> Iterator[str]:
    """``span()`` for synchronous code."""
    span_id = short_uuid()
    active = transcript()
    parent = current_span_id()
    active._event(
        SpanBeginEvent(id=span_id, span_id=span_id, parent_id=parent, type=type or name, name=name)
    )
    token = enter_span(span_id)
    try:
        yield span_id
    finally:
        leave_span(token)
        active._event(SpanEndEvent(id=span_id, span_id=span_id))
