"""Changes to the task state and to the store, as JSON patch operations."""

from typing import Literal

from pydantic import Field

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.model import LogModel
from inspect_ai._json.types import JsonValue


class JsonChange(LogModel):
    """One JSON patch operation (RFC 6902)."""

    op: Literal["remove", "add", "replace", "move", "test", "copy"]
    """Operation."""

    path: str
    """JSON pointer to the changed location."""

    from_: str | None = Field(default=None, alias="from")
    """Source location (for move and copy)."""

    value: JsonValue = None
    """New value."""

    replaced: JsonValue = None
    """Value that was replaced."""


class StateEvent(BaseEvent):
    """Change to the task state."""

    event: Literal["state"] = "state"
    changes: list[JsonChange]
    """Patch operations."""


class StoreEvent(BaseEvent):
    """Change to the sample store."""

    event: Literal["store"] = "store"
    changes: list[JsonChange]
    """Patch operations."""
