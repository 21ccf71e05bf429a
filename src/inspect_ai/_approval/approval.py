"""An approver's decision on a tool call."""

from pydantic import BaseModel

from inspect_ai._event.approval import ApprovalDecision
from inspect_ai._tool.call import ToolCall

__all__ = ["Approval", "ApprovalDecision"]


class Approval(BaseModel):
    """What an approver decided about a tool call.

    ``approve`` runs the call, ``modify`` runs ``modified`` instead, ``reject`` reports
    an approval error to the model, ``escalate`` passes the call to the next approver
    whose policy matches it, and ``terminate`` ends the sample.
    """

    decision: ApprovalDecision
    """The decision."""

    modified: ToolCall | None = None
    """The call to run instead (for ``modify``)."""

    explanation: str | None = None
    """Why the approver decided so."""
