"""Approval policies from a config file (YAML or JSON), and as the log records them.

A policy file lists approvers in order, each with the tools it decides on; other keys
are the approver's arguments::

    approvers:
      - name: human
        tools: ["bash", "python"]
        choices: [approve, reject]
      - name: auto
        tools: "*"
"""

import json
import os
from typing import Any, cast

from inspect_ai._approval.approver import Approver
from inspect_ai._approval.policy import ApprovalPolicy
from inspect_ai._log.model.spec import ApprovalPolicyConfig, ApproverPolicyConfig
from inspect_ai._registry.params import jsonable_params
from inspect_ai._registry.registry import (
    registry_find,
    registry_name,
    registry_names,
    registry_params,
)
from inspect_ai._resource import resource

ApprovalArg = str | list[ApprovalPolicy] | None
"""What ``eval()`` and ``Task`` take as ``approval``."""

_ENTRY_KEYS = ("name", "tools", "params")


def resolve_approval(
    approval: ApprovalArg, base_dir: str | None = None
) -> list[ApprovalPolicy] | None:
    """The policies given as ``approval``: a policy file, an approver name, or a list.

    A string that is not a file (or URL) and names a registered approver (``human``,
    ``auto``) makes that approver decide on every tool.

    Args:
        approval: The policies.
        base_dir: Where a relative file path is also looked for (a task's directory).
    """
    if approval is None:
        return None
    if isinstance(approval, str):
        return _policies_from_string(_located(approval, base_dir))
    policies = list(approval)
    for policy in policies:
        if not isinstance(policy, ApprovalPolicy):
            raise TypeError(f"approval must list ApprovalPolicy objects (got {policy!r}).")
    return policies


def approval_config(policies: list[ApprovalPolicy] | None) -> ApprovalPolicyConfig | None:
    """The policies as the log's ``EvalConfig.approval`` records them."""
    if policies is None:
        return None
    return ApprovalPolicyConfig(
        approvers=[
            ApproverPolicyConfig(
                name=registry_name(policy.approver),
                tools=policy.tools,
                params=jsonable_params(registry_params(policy.approver)),
            )
            for policy in policies
        ]
    )


def read_policy_file(path: str) -> list[ApprovalPolicy]:
    """The policies of a YAML or JSON policy file (or URL)."""
    import yaml  # only policy files need it

    text = resource(path, type="file")
    try:
        data = json.loads(text) if path.lower().endswith(".json") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as ex:
        raise ValueError(f"Approval policy file '{path}' cannot be parsed: {ex}") from None
    entries = data.get("approvers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"Approval policy file '{path}' has no 'approvers' list.")
    return [_policy(entry, path) for entry in entries]


def create_approver(name: str, params: dict[str, Any]) -> Approver:
    """The approver registered as ``name``, created with ``params``."""
    _register_builtins()
    factory = registry_find("approver", name)
    if not callable(factory):
        raise ValueError(f"Unknown approver '{name}' (approvers: {', '.join(_names())}).")
    return cast(Approver, factory(**params))


def _located(path: str, base_dir: str | None) -> str:
    """``path``, or the same path in ``base_dir`` when only that exists."""
    if base_dir is None or "://" in path or os.path.isabs(path) or os.path.exists(path):
        return path
    candidate = os.path.join(base_dir, path)
    return candidate if os.path.exists(candidate) else path


def _policies_from_string(approval: str) -> list[ApprovalPolicy]:
    if "://" in approval or os.path.exists(approval):
        return read_policy_file(approval)
    _register_builtins()
    if registry_find("approver", approval) is not None:
        return [ApprovalPolicy(approver=create_approver(approval, {}), tools="*")]
    raise FileNotFoundError(f"Approval policy file '{approval}' not found.")


def _policy(entry: object, path: str) -> ApprovalPolicy:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ValueError(f"Approval policy file '{path}': each approver needs a 'name'.")
    name = entry["name"]
    tools = entry.get("tools")
    if not isinstance(tools, str | list) or not all(isinstance(t, str) for t in tools):
        raise ValueError(
            f"Approval policy file '{path}': approver '{name}' needs 'tools' "
            "(a pattern, or a list of patterns)."
        )
    params = dict(entry.get("params") or {})
    params.update({key: value for key, value in entry.items() if key not in _ENTRY_KEYS})
    return ApprovalPolicy(approver=create_approver(name, params), tools=tools)


def _register_builtins() -> None:
    """Import the built-in approvers, registering ``auto`` and ``human``."""
    import inspect_ai._approval.auto  # noqa: F401
    import inspect_ai._approval.human  # noqa: F401


def _names() -> list[str]:
    return sorted(registry_names("approver"))
