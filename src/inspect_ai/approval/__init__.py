"""Tool call approval: approvers, approval policies and the built-in approvers."""

from inspect_ai._approval.approval import Approval, ApprovalDecision
from inspect_ai._approval.approver import Approver, approver
from inspect_ai._approval.auto import auto_approver
from inspect_ai._approval.human import human_approver
from inspect_ai._approval.policy import ApprovalPolicy

__all__ = [
    "Approval",
    "ApprovalDecision",
    "ApprovalPolicy",
    "Approver",
    "approver",
    "auto_approver",
    "human_approver",
]
