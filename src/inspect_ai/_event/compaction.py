"""Compaction of a conversation that grew too long."""

from typing import Literal

from inspect_ai._event.base import BaseEvent


class CompactionEvent(BaseEvent):
    """The conversation was compacted (summarised, edited or trimmed)."""

    event: Literal["compaction"] = "compaction"
    type: Literal["summary", "edit", "trim"] = "summary"
    tokens_before: int | None = None
    tokens_after: int | None = None
    source: str | None = None
    role: str | None = None
