"""An interruption of the sample (by the user, a limit or the system)."""

from typing import Literal

from inspect_ai._event.base import BaseEvent


class InterruptEvent(BaseEvent):
    """The sample was interrupted."""

    event: Literal["interrupt"] = "interrupt"
    source: Literal["user_cancel", "limit", "system"]
    interrupted: Literal["generate", "tool_call", "between_turns"]
    interrupted_model_event_id: str | None = None
    interrupted_tool_call_id: str | None = None
