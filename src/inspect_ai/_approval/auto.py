"""The ``auto`` approver: the same decision on every call."""

from inspect_ai._approval.approval import Approval, ApprovalDecision
from inspect_ai._approval.approver import Approver, approver
from inspect_ai._model.message import ChatMessage
from inspect_ai._tool.call import ToolCall, ToolCallView


@approver(name="auto")
def auto_approver(decision: ApprovalDecision = "approve") -> Approver:
    """An approver that decides the same way on every tool call.

    Args:
        decision: The decision (default ``approve``).
    """

    async def approve(
        message: str, call: ToolCall, view: ToolCallView, history: list[ChatMessage]
    ) -> Approval:
        return Approval(decision=decision, explanation="Automatic decision.")

    return approve
