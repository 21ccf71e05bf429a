"""Converse responses as ``ModelOutput``: content, tool calls, stop reason and usage."""

import base64
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
    "guardrail_intervened": "content_filter",
    "content_filtered": "content_filter",
    "model_context_window_exceeded": "model_length",
}
"""Converse stop reasons and ours (any other is ``unknown``)."""


def model_output(response: dict[str, Any], model: str) -> ModelOutput:
    """The output for a Converse response (as boto3 returns it)."""
    blocks: list[dict[str, Any]] = response.get("output", {}).get("message", {}).get("content", [])
    content = [item for item in map(_content, blocks) if item is not None]
    tool_calls = [_tool_call(block["toolUse"]) for block in blocks if "toolUse" in block]
    message = ChatMessageAssistant(
        content=_simplified(content), tool_calls=tool_calls or None, model=model, source="generate"
    )
    stop_reason = STOP_REASONS.get(str(response.get("stopReason")), "unknown")
    return ModelOutput(
        model=model,
        choices=[ChatCompletionChoice(message=message, stop_reason=stop_reason)],
        completion=message.text,
        usage=model_usage(response.get("usage") or {}),
        response_id=response.get("ResponseMetadata", {}).get("RequestId"),
    )


def model_usage(usage: dict[str, Any]) -> ModelUsage:
    """Usage, with prompt-cache reads and writes."""
    input_tokens = int(usage.get("inputTokens") or 0)
    output_tokens = int(usage.get("outputTokens") or 0)
    return ModelUsage(
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_tokens=int(usage.get("totalTokens") or input_tokens + output_tokens),
        input_tokens_cache_write=usage.get("cacheWriteInputTokens"),
        input_tokens_cache_read=usage.get("cacheReadInputTokens"),
    )


def _content(block: dict[str, Any]) -> Content | None:
    if "text" in block:
        return ContentText(text=block["text"])
    reasoning = block.get("reasoningContent")
    if reasoning is None:
        return None
    if "redactedContent" in reasoning:
        data = base64.b64encode(reasoning["redactedContent"]).decode("ascii")
        return ContentReasoning(reasoning=data, redacted=True)
    text = reasoning.get("reasoningText") or {}
    return ContentReasoning(reasoning=text.get("text") or "", signature=text.get("signature"))


def _simplified(content: list[Content]) -> str | list[Content]:
    """A single text block as a plain string; anything else as the list of items."""
    if not content:
        return ""
    if len(content) == 1 and isinstance(content[0], ContentText):
        return content[0].text
    return content


def _tool_call(tool_use: dict[str, Any]) -> ToolCall:
    arguments = tool_use.get("input")
    return ToolCall(
        id=str(tool_use.get("toolUseId")),
        function=str(tool_use.get("name")),
        arguments=arguments if isinstance(arguments, dict) else {},
    )
