"""Chat-completions responses (as JSON dicts) to ``ModelOutput``."""

import json
from typing import Any

from inspect_ai._model.content import Content, ContentReasoning, ContentText
from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._model.output import (
    ChatCompletionChoice,
    Logprob,
    Logprobs,
    ModelOutput,
    StopReason,
    TopLogprob,
)
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.call import ToolCall

STOP_REASONS: dict[str, StopReason] = {
    "stop": "stop",
    "eos": "stop",
    "length": "max_tokens",
    "model_length": "model_length",
    "tool_calls": "tool_calls",
    "function_call": "tool_calls",
    "content_filter": "content_filter",
}
"""Vendor ``finish_reason`` -> our stop reason (anything else is ``unknown``)."""


def openai_output(response: dict[str, Any], model: str) -> ModelOutput:
    """The output of a chat-completions response."""
    choices = [openai_choice(choice, model) for choice in response.get("choices") or []]
    return ModelOutput(
        model=response.get("model") or model,
        choices=choices,
        completion=choices[0].message.text if choices else "",
        usage=openai_usage(response.get("usage")),
        response_id=response.get("id"),
    )


def openai_choice(choice: dict[str, Any], model: str) -> ChatCompletionChoice:
    """One choice: the assistant message, stop reason and log probabilities."""
    message: dict[str, Any] = choice.get("message") or {}
    tool_calls = openai_tool_calls(message.get("tool_calls"))
    stop_reason = STOP_REASONS.get(str(choice.get("finish_reason")), "unknown")
    if tool_calls and stop_reason in ("stop", "unknown"):
        stop_reason = "tool_calls"
    return ChatCompletionChoice(
        message=ChatMessageAssistant(
            content=_content(message),
            tool_calls=tool_calls or None,
            model=model,
            source="generate",
        ),
        stop_reason=stop_reason,
        logprobs=openai_logprobs(choice.get("logprobs")),
    )


def openai_tool_calls(calls: Any) -> list[ToolCall]:
    """Function calls of a response (arguments as JSON text, or already parsed)."""
    result: list[ToolCall] = []
    for index, call in enumerate(calls or []):
        function = call.get("function") or call
        arguments, error = parse_arguments(function.get("arguments"))
        result.append(
            ToolCall(
                id=call.get("id") or f"call_{index}",
                function=function.get("name", ""),
                arguments=arguments,
                parse_error=error,
            )
        )
    return result


def parse_arguments(arguments: Any) -> tuple[dict[str, Any], str | None]:
    """Tool call arguments as a dict, and the error when JSON text does not parse."""
    if arguments is None or arguments == "":
        return {}, None
    if isinstance(arguments, dict):
        return arguments, None
    try:
        parsed = json.loads(arguments)
    except (TypeError, ValueError) as ex:
        return {}, f"Error parsing the tool call arguments {arguments!r}: {ex}"
    if not isinstance(parsed, dict):
        return {}, f"Tool call arguments are not a JSON object: {arguments!r}"
    return parsed, None


def openai_usage(usage: Any) -> ModelUsage | None:
    """Token usage, with cached input and reasoning tokens when reported."""
    if not isinstance(usage, dict):
        return None
    input_tokens = int(usage.get("prompt_tokens") or 0)
    output_tokens = int(usage.get("completion_tokens") or 0)
    prompt_details = usage.get("prompt_tokens_details") or {}
    output_details = usage.get("completion_tokens_details") or {}
    return ModelUsage(
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_tokens=int(usage.get("total_tokens") or input_tokens + output_tokens),
        input_tokens_cache_read=prompt_details.get("cached_tokens"),
        reasoning_tokens=output_details.get("reasoning_tokens"),
    )


def openai_logprobs(logprobs: Any) -> Logprobs | None:
    """Log probabilities of the completion tokens (when requested)."""
    if not isinstance(logprobs, dict) or not logprobs.get("content"):
        return None
    return Logprobs(
        content=[
            Logprob(
                token=item["token"],
                logprob=item["logprob"],
                bytes=item.get("bytes"),
                top_logprobs=[
                    TopLogprob(token=top["token"], logprob=top["logprob"], bytes=top.get("bytes"))
                    for top in item.get("top_logprobs") or []
                ]
                or None,
            )
            for item in logprobs["content"]
        ]
    )


def _content(message: dict[str, Any]) -> str | list[Content]:
    content = message.get("content")
    reasoning = message.get("reasoning_content") or message.get("reasoning")
    items: list[Content] = []
    if isinstance(reasoning, str) and reasoning:
        items.append(ContentReasoning(reasoning=reasoning))
    if isinstance(content, list):
        items.extend(_chunk(chunk) for chunk in content if isinstance(chunk, dict))
    elif not items:
        return content or ""
    elif content:
        items.append(ContentText(text=content))
    return items


def _chunk(chunk: dict[str, Any]) -> Content:
    if chunk.get("type") == "thinking":
        thinking = chunk.get("thinking")
        if isinstance(thinking, list):
            thinking = "".join(part.get("text", "") for part in thinking if isinstance(part, dict))
        return ContentReasoning(reasoning=str(thinking or ""))
    return ContentText(text=str(chunk.get("text", "")))
