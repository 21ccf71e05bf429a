"""The cache key of a model call: a hash of everything that changes the model's answer."""

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from inspect_ai._model.generate_config import CachePolicy, GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._tool.info import ToolChoice, ToolInfo

KEY_VERSION = 1
"""Bumped when the contents of the key change, so older entries are no longer found."""

IGNORED_CONFIG = frozenset(
    {
        "max_retries",
        "timeout",
        "attempt_timeout",
        "max_connections",
        "adaptive_connections",
        "batch",
        "cache",
        "max_tool_output",
        "fail_on_refusal",
        "stream_idle_timeout",
    }
)
"""Config fields that change how a call is made or its result used, not the answer."""


@dataclass(frozen=True)
class CallKey:
    """What identifies a model call for the cache."""

    model: str
    """The model, as ``provider/name``."""

    base_url: str | None
    """The API's base URL, if not the provider's default."""

    input: Sequence[ChatMessage]
    """The messages sent (system message included)."""

    tools: Sequence[ToolInfo]
    tool_choice: ToolChoice

    config: GenerateConfig
    """The call's whole config (``IGNORED_CONFIG`` fields are left out of the key)."""

    model_args: Mapping[str, Any] = field(default_factory=dict)
    """Provider arguments (``-M``): a local model's path, say, changes the answer."""


def cache_key(call: CallKey, policy: CachePolicy, epoch: int | None) -> str:
    """The hex digest identifying ``call`` under ``policy``.

    The policy's scopes are part of the key, and so is ``epoch`` when the policy caches
    per epoch. Message ids are left out (they are random).
    """
    parts = _call_parts(call)
    parts["scopes"] = dict(policy.scopes)
    parts["epoch"] = epoch if policy.per_epoch else None
    text = json.dumps(
        parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=repr
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _call_parts(call: CallKey) -> dict[str, Any]:
    choice = call.tool_choice
    return {
        "version": KEY_VERSION,
        "model": call.model,
        "base_url": call.base_url,
        "model_args": dict(call.model_args),
        "input": [
            message.model_dump(mode="json", exclude={"id"}, exclude_none=True)
            for message in call.input
        ],
        "tools": [tool.model_dump(mode="json", exclude_none=True) for tool in call.tools],
        "tool_choice": choice if isinstance(choice, str) else choice.model_dump(mode="json"),
        "config": call.config.model_dump(
            mode="json", exclude=set(IGNORED_CONFIG), exclude_none=True
        ),
    }
