"""Messages written to Python's logging while a sample ran."""

from typing import Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.model import LogModel

LoggingLevel = Literal["debug", "trace", "http", "sandbox", "info", "warning", "error", "critical"]
"""Logging levels (Python's, plus ``trace``, ``http`` and ``sandbox``)."""


class LoggingMessage(LogModel):
    """A message written to the Python log."""

    name: str | None = None
    """Logger name (e.g. ``httpx``)."""

    level: LoggingLevel
    """Logging level."""

    message: str
    """Log message."""

    created: float
    """Time created (seconds since the epoch)."""

    filename: str = "unknown"
    """File the message was logged from."""

    module: str = "unknown"
    """Module the message was logged from."""

    lineno: int = 0
    """Line the message was logged from."""


class LoggerEvent(BaseEvent):
    """A message written with the Python logger."""

    event: Literal["logger"] = "logger"
    message: LoggingMessage
    """The message."""
