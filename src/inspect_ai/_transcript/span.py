"""Spans: named groups of events (a solver, a scorer, a tool call, any user block)."""

from types import TracebackType

from inspect_ai._event.span import SpanBeginEvent, SpanEndEvent
from inspect_ai._ids import short_uuid
from inspect_ai._transcript.span_id import current_span_id, enter_span, leave_span
from inspect_ai._transcript.transcript import Transcript, transcript


class Span:
    """An open span: a context manager for ``async with`` and ``with`` alike, whose
    value is the span's id.

    A plain class rather than a generator-based context manager: every sample opens
    several spans, and a generator (with the event loop's bookkeeping of async
    generators) costs several times as much as these four methods.
    """

    def __init__(self, name: str, type: str | None = None) -> None:
        self.name = name
        self.type = type or name
        self.id = short_uuid()
        self._transcript: Transcript | None = None
        self._token: object = None

    def __enter__(self) -> str:
        active = self._transcript = transcript()
        span_id = self.id
        parent = current_span_id()
        active._event(
            SpanBeginEvent(
                id=span_id, span_id=span_id, parent_id=parent, type=self.type, name=self.name
            )
        )
        self._token = enter_span(span_id)
        return span_id

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        leave_span(self._token)
        if self._transcript is not None:
            self._transcript._event(SpanEndEvent(id=self.id, span_id=self.id))

    async def __aenter__(self) -> str:
        return self.__enter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.__exit__(exc_type, exc, traceback)


def span(name: str, *, type: str | None = None) -> Span:
    """Group the events recorded inside the block under a span.

    Use as ``async with span(name) as span_id:`` (or ``with`` in synchronous code).

    Args:
        name: Name of the span.
        type: Kind of span (e.g. ``solver``, ``scorer``, ``tool``).

    Returns:
        The span, whose value in a ``with`` block is its id.
    """
    return Span(name, type)
