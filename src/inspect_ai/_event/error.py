"""Errors that halted a sample or an eval."""

from typing import Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.model import LogModel


class EvalError(LogModel):
    """An error with its traceback."""

    message: str
    """Error message."""

    traceback: str
    """Error traceback."""

    traceback_ansi: str
    """Error traceback with ANSI colour codes."""


class ErrorEvent(BaseEvent):
    """An error that halted the sample."""

    event: Literal["error"] = "error"
    error: EvalError
    """The error."""
