"""The approval policies of the running task, and applying them to a tool call."""

from collections.abc import Sequence
from contextvars import ContextVar, Token

from inspect_ai._approval.approval import Approval
from inspect_ai._approval.policy import ApprovalPolicy, decide
from inspect_ai._model.message import ChatMessage
from inspect_ai._tool.call import ToolCall, ToolCallContent, ToolCallView, ToolCallViewer

_policies: ContextVar[list[ApprovalPolicy] | None] = ContextVar(
    "inspect_approval_policies", default=None
)


def set_approval_policies(
    policies: list[ApprovalPolicy] | None,
) -> Token[list[ApprovalPolicy] | None]:
    """Make ``policies`` decide on the tool calls of the current task (None: no approval)."""
    return _policies.set(policies)


def reset_approval_policies(token: Token[list[ApprovalPolicy] | None]) -> None:
    """Restore the policies in force before ``set_approval_policies``."""
    _policies.reset(token)


async def approve_call(
    call: ToolCall,
    viewer: ToolCallViewer | None,
    message: str,
    history: Sequence[ChatMessage],
) -> Approval | None:
    """The decision on ``call`` under the current policies (None: there are none)."""
    policies = _policies.get()
    if policies is None:
        return None
    view = viewer(call) if viewer is not None else default_view(call)
    return await decide(policies, message, call, view, list(history))


def default_view(call: ToolCall) -> ToolCallView:
    """A view of a call for tools with no viewer: the call as Python-like code."""
    arguments = ", ".join(f"{name}={value!r}" for name, value in call.arguments.items())
    code = f"```python\n{call.function}({arguments})\n```"
    return ToolCallView(call=ToolCallContent(format="markdown", content=code))
