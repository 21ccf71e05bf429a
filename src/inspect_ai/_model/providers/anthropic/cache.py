"""Anthropic prompt caching: cache breakpoints after the system prompt, tools and history."""

from typing import Any, Literal

EPHEMERAL = {"type": "ephemeral"}


def use_cache(cache_prompt: Literal["auto"] | bool | None, has_tools: bool) -> bool:
    """Whether to mark cache breakpoints: when asked, or on ``auto`` when tools are given."""
    return cache_prompt is True or (cache_prompt == "auto" and has_tools)


def add_cache_breakpoints(request: dict[str, Any]) -> None:
    """Mark the system prompt, the last tool and the last message block for caching."""
    system = request.get("system")
    if isinstance(system, str):
        request["system"] = [{"type": "text", "text": system, "cache_control": dict(EPHEMERAL)}]
    tools = request.get("tools")
    if tools:
        tools[-1]["cache_control"] = dict(EPHEMERAL)
    messages = request.get("messages")
    if messages and messages[-1]["content"]:
        messages[-1]["content"][-1]["cache_control"] = dict(EPHEMERAL)
