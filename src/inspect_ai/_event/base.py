"""Fields shared by every transcript event."""

from datetime import UTC, datetime
from typing import Any

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._json.types import Timestamp


def _now() -> datetime:
    return datetime.now(UTC)


class BaseEvent(LogModel):
    """Fields shared by every event."""

    uuid: str | None = None
    """Unique id of the event."""

    span_id: str | None = None
    """Span the event belongs to."""

    timestamp: Timestamp = Field(default_factory=_now)
    """Clock time of the event."""

    working_start: float = 0.0
    """Working time (seconds into the sample) when the event began."""

    metadata: dict[str, Any] | None = None
    """Additional event metadata."""

    pending: bool | None = None
    """Whether the event is still in progress."""
