"""``ApprovalPolicy``: an approver and the tools it decides on; deciding along policies."""

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass

from inspect_ai._approval.approval import Approval
from inspect_ai._approval.approver import Approver
from inspect_ai._event.approval import ApprovalEvent
from inspect_ai._model.message import ChatMessage
from inspect_ai._registry.registry import registry_name
from inspect_ai._tool.call import ToolCall, ToolCallView
from inspect_ai._transcript.transcript import transcript

NO_APPROVER = "policy"
"""Approver named in the event of a call no policy approved."""


@dataclass
class ApprovalPolicy:
    """An approver and the tools whose calls it decides on.

    Args:
        approver: The approver.
        tools: Tool names or glob patterns (``"*"``, ``"web_browser*"``): a list, or one
            string with patterns separated by commas.
    """

    approver: Approver
    tools: str | list[str]

    def patterns(self) -> list[str]:
        """The tool name patterns of the policy."""
        items = self.tools.split(",") if isinstance(self.tools, str) else self.tools
        return [item.strip() for item in items if item.strip()]

    def matches(self, function: str) -> bool:
        """Whether the policy applies to calls of the tool named ``function``."""
        return any(fnmatch.fnmatchcase(function, pattern) for pattern in self.patterns())


async def decide(
    policies: Sequence[ApprovalPolicy],
    message: str,
    call: ToolCall,
    view: ToolCallView,
    history: list[ChatMessage],
) -> Approval:
    """The decision on ``call``: that of the first policy matching it that does not escalate.

    Each approver asked records an ``ApprovalEvent``. A call that no policy matches, or
    that every matching approver escalates, is rejected.
    """
    for policy in policies:
        if not policy.matches(call.function):
            continue
        approval = await policy.approver(message, call, view, history)
        _record(registry_name(policy.approver), approval, message, call, view)
        if approval.decision != "escalate":
            return approval
    approval = Approval(
        decision="reject", explanation=f"No approver approved the call to {call.function}."
    )
    _record(NO_APPROVER, approval, message, call, view)
    return approval


def _record(
    approver: str, approval: Approval, message: str, call: ToolCall, view: ToolCallView
) -> None:
    transcript()._event(
        ApprovalEvent(
            message=message,
            call=call,
            view=view,
            approver=approver,
            decision=approval.decision,
            modified=approval.modified,
            explanation=approval.explanation,
        )
    )
