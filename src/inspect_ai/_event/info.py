"""Custom information added to the transcript."""

from typing import Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.types import JsonValue


class InfoEvent(BaseEvent):
    """Custom information (any JSON value) added to the transcript."""

    event: Literal["info"] = "info"
    source: str | None = None
    """Where the information came from."""

    data: JsonValue
    """The information."""
