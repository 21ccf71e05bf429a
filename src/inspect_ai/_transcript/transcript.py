"""The transcript of the running sample and the events it records."""

import contextlib
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from inspect_ai._event.base import BaseEvent
from inspect_ai._event.event import Event
from inspect_ai._event.info import InfoEvent
from inspect_ai._ids import short_uuid
from inspect_ai._json.types import JsonValue
from inspect_ai._transcript.span_id import current_span_id


class Transcript:
    """The events of one sample, in order.

    Solvers, tools and scorers add to the transcript of the sample they run in through
    ``transcript()``; outside a sample events go to a transcript nobody reads.
    """

    def __init__(
        self, started: float | None = None, listener: Callable[[Event], None] | None = None
    ) -> None:
        self.events: list[Event] = []
        self._started = time.monotonic() if started is None else started
        self._waiting = 0.0
        self._listener = listener

    def info(self, data: JsonValue, *, source: str | None = None) -> None:
        """Record an ``info`` event: any JSON data (a string is shown as markdown)."""
        self._event(InfoEvent(source=source, data=data))

    @contextlib.contextmanager
    def step(self, name: str, type: str | None = None) -> Iterator[None]:
        """Group the events recorded inside the block (an alias of ``span()``)."""
        from inspect_ai._transcript.span import span

        with span(name, type=type):
            yield

    def working_time(self) -> float:
        """Seconds of work since the sample started (time spent waiting excluded)."""
        return time.monotonic() - self._started - self._waiting

    def add_waiting(self, seconds: float) -> None:
        """Exclude ``seconds`` spent waiting (for a connection, a retry) from working time."""
        self._waiting += seconds

    def _event(self, event: BaseEvent, **_: Any) -> None:
        """Record an event, stamping it with its id, span and working start."""
        if event.uuid is None:
            event.uuid = short_uuid()
        if event.span_id is None:
            event.span_id = current_span_id()
        if not event.working_start:
            event.working_start = self.working_time()
        self.events.append(event)  # type: ignore[arg-type]
        if self._listener is not None:
            self._listener(event)  # type: ignore[arg-type]


_current: ContextVar[Transcript | None] = ContextVar("inspect_transcript", default=None)
_detached = Transcript()


def transcript() -> Transcript:
    """The transcript of the sample being run (a detached one outside any sample)."""
    current = _current.get()
    return _detached if current is None else current


def set_transcript(active: Transcript) -> None:
    """Make ``active`` the transcript of the current task (the sample runner calls this)."""
    _current.set(active)
