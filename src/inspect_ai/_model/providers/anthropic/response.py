"""Anthropic Messages API responses as ``ModelOutput``: content, tool calls, stop, usage."""

from typing import Any

from inspect_ai._model.content import Content, ContentReasoning, ContentText
from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._model.output import ChatCompletionChoice, ModelOutput, StopReason
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.call import ToolCall

STOP_REASONS: dict[str, StopReason] = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "max_tokens",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
    "model_context_window_exceeded": "model_length",
}
"""Anthropic stop reasons and ours (any other is ``unknown``)."""


def model_output(response: dict[str, Any], model: str) -> ModelOutput:
    """The output for a Messages API response (the JSON body as a dict)."""
    blocks: list[dict[str, Any]] = response.get("content") or []
    content = [item for item in map(_content, blocks) if item is not None]
    tool_calls = [_tool_call(block) for block in blocks if block.get("type") == "tool_use"]
    message = ChatMessageAssistant(
        content=_simplified(content),
        tool_calls=tool_calls or None,
        model=response.get("model") or model,
        source="generate",
    )
    stop_reason = STOP_REASONS.get(str(response.get("stop_reason")), "unknown")
    return ModelOutput(
        model=response.get("model") or model,
        choices=[ChatCompletionChoice(message=message, stop_reason=stop_reason)],
        completion=message.text,
        usage=model_usage(response.get("usage") or {}),
        response_id=response.get("id"),
    )


def model_usage(usage: dict[str, Any]) -> ModelUsage:
    """Usage, with prompt-cache writes and reads (counted in the total) and thinking tokens."""
    input_tokens = int(usage.get("input_tokens") or 0)
    output_tokens = int(usage.get("output_tokens") or 0)
    cache_write = usage.get("cache_creation_input_tokens")
    cache_read = usage.get("cache_read_input_tokens")
    details = usage.get("output_tokens_details") or {}
    return ModelUsage(
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_tokens=input_tokens + output_tokens + (cache_write or 0) + (cache_read or 0),
        input_tokens_cache_write=cache_write,
        input_tokens_cache_read=cache_read,
        reasoning_tokens=details.get("thinking_tokens"),
    )


def _content(block: dict[str, Any]) -> Content | None:
    kind = block.get("type")
    if kind == "text":
        return ContentText(text=block.get("text") or "")
    if kind == "thinking":
        return ContentReasoning(
            reasoning=block.get("thinking") or "", signature=block.get("signature")
        )
    if kind == "redacted_thinking":
        return ContentReasoning(reasoning=block.get("data") or "", redacted=True)
    return None


def _simplified(content: list[Content]) -> str | list[Content]:
    """A single text block as a plain string; anything else as the list of items."""
    if not content:
        return ""
    if len(content) == 1 and isinstance(content[0], ContentText):
        return content[0].text
    return content


def _tool_call(block: dict[str, Any]) -> ToolCall:
    arguments = block.get("input")
    return ToolCall(
        id=str(block.get("id")),
        function=str(block.get("name")),
        arguments=arguments if isinstance(arguments, dict) else {},
    )
