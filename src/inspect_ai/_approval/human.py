"""The ``human`` approver: asks on the console."""

import asyncio
import time
from collections.abc import Sequence
from typing import get_args

from inspect_ai._approval.approval import Approval, ApprovalDecision
from inspect_ai._approval.approver import Approver, approver
from inspect_ai._approval.console import ask_approval
from inspect_ai._model.message import ChatMessage
from inspect_ai._tool.call import ToolCall, ToolCallView
from inspect_ai._transcript.transcript import transcript

DEFAULT_CHOICES: tuple[ApprovalDecision, ...] = ("approve", "reject", "terminate")
"""Decisions offered by default."""


@approver(name="human")
def human_approver(choices: Sequence[ApprovalDecision] = DEFAULT_CHOICES) -> Approver:
    """An approver that shows each call on the console and asks for a decision.

    The question is asked in a worker thread (the eval goes on meanwhile), one call at
    a time; time spent waiting for the answer is not counted as working time.

    Args:
        choices: Decisions offered (any of ``approve``, ``modify``, ``reject``,
            ``escalate``, ``terminate``). ``modify`` asks for new arguments as JSON.
    """
    offered = list(choices)
    unknown = [choice for choice in offered if choice not in get_args(ApprovalDecision)]
    if unknown or not offered:
        raise ValueError(f"human_approver(): invalid choices {offered!r}.")

    async def approve(
        message: str, call: ToolCall, view: ToolCallView, history: list[ChatMessage]
    ) -> Approval:
        started = time.monotonic()
        try:
            return await asyncio.to_thread(ask_approval, message, call, view, offered)
        finally:
            transcript().add_waiting(time.monotonic() - started)

    return approve
