"""A decision on whether a tool call may run."""

from typing import Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._tool.call import ToolCall, ToolCallView

ApprovalDecision = Literal["approve", "modify", "reject", "escalate", "terminate"]
"""What an approver decided."""


class ApprovalEvent(BaseEvent):
    """Approval (or not) of a tool call."""

    event: Literal["approval"] = "approval"
    message: str
    """Message the model wrote with the tool call."""

    call: ToolCall
    """Tool call being approved."""

    view: ToolCallView | None = None
    """View shown to the approver."""

    approver: str
    """Approver name."""

    decision: ApprovalDecision
    """Decision."""

    modified: ToolCall | None = None
    """Modified tool call (for ``modify``)."""

    explanation: str | None = None
    """Explanation of the decision."""
