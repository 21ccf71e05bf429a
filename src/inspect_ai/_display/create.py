"""Choosing the display: the one asked for, ``INSPECT_DISPLAY``, or a default."""

import os
import sys
from typing import Literal

from inspect_ai._display.display import Display

DisplayType = Literal["full", "conversation", "rich", "plain", "none"]
DISPLAY_TYPES: tuple[DisplayType, ...] = ("full", "conversation", "rich", "plain", "none")


def display_type(requested: str | None = None, trace: bool = False) -> DisplayType:
    """The display to use: ``requested``, else ``INSPECT_DISPLAY``, else a default.

    The default is ``full`` on a terminal and ``plain`` otherwise (pipes, CI); tracing
    shows the conversation.
    """
    value = requested or os.environ.get("INSPECT_DISPLAY") or None
    if value is None:
        if trace:
            return "conversation"
        return "full" if sys.stdout.isatty() else "plain"
    if value not in DISPLAY_TYPES:
        raise ValueError(f"Unknown display '{value}' (use one of: {', '.join(DISPLAY_TYPES)}).")
    return value


def create_display(kind: DisplayType) -> Display:
    """A display of the given type."""
    if kind == "none":
        return Display()
    if kind == "plain":
        from inspect_ai._display.plain import PlainDisplay

        return PlainDisplay()
    from inspect_ai._display.rich_display import RichDisplay

    return RichDisplay(live=kind != "rich", conversation=kind == "conversation")
