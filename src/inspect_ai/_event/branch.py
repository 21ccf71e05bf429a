"""Anchors in a transcript and branches that start from them."""

from typing import Literal

from inspect_ai._event.base import BaseEvent


class AnchorEvent(BaseEvent):
    """A point in the transcript that later branches can start from."""

    event: Literal["anchor"] = "anchor"
    anchor_id: str
    source: str | None = None


class BranchEvent(BaseEvent):
    """A branch of the transcript starting at an anchor."""

    event: Literal["branch"] = "branch"
    from_anchor: str = ""
