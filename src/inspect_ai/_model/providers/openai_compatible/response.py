"""A Chat Completions response body as a ``ModelOutput``.

The body is read as JSON rather than through the ``openai`` types, so fields that other
OpenAI-compatible servers leave out or add (``reasoning_content``, Mistral's content chunks
and ``model_length``) are handled the same way.
"""

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
from inspect_ai._model.providers.openai_compatible.tools import read_tool_calls
from inspect_ai._model.usage import ModelUsage

_STOP_REASONS: dict[str, StopReason] = {
    "stop": "stop",
    "eos": "stop",
    "length": "max_tokens",
    "model_length": "model_length",
    "tool_calls": "tool_calls",
    "function_call": "tool_calls",
    "content_filter": "content_filter",
}


def model_output(body: dict[str, Any], model_name: str) -> ModelOutput:
    """The output of a ``chat.completion`` body (``model_name`` when it names no model)."""
    model = body.get("model") or model_name
    choices = [_choice(choice, model) for choice in body.get("choices") or []]
    return ModelOutput(
        model=model,
        choices=choices,
        completion=choices[0].message.text if choices else "",
        usage=model_usage(body.get("usage")),
        response_id=body.get("id"),
    )


def stop_reason(finish_reason: str | None, has_tool_calls: bool) -> StopReason:
    """Our stop reason for a ``finish_reason`` (tool calls win over ``stop``)."""
    if has_tool_calls and finish_reason in (None, "stop"):
        return "tool_calls"
    return _STOP_REASONS.get(finish_reason or "", "unknown")


def model_usage(usage: dict[str, Any] | None) -> ModelUsage | None:
    """Token usage; ``input_tokens`` leaves out the cached (read or written) prompt tokens,
    which are counted in ``input_tokens_cache_read``/``_write`` instead."""
    if not usage:
        return None
    prompt = usage.get("prompt_tokens") or 0
    completion = usage.get("completion_tokens") or 0
    prompt_details = usage.get("prompt_tokens_details") or {}
    cache_read = prompt_details.get("cached_tokens")
    cache_write = prompt_details.get("cache_write_tokens")
    reasoning = (usage.get("completion_tokens_details") or {}).get("reasoning_tokens")
    return ModelUsage(
        input_tokens=prompt - (cache_read or 0) - (cache_write or 0),
        output_tokens=completion,
        total_tokens=usage.get("total_tokens") or prompt + completion,
        input_tokens_cache_read=cache_read or None,
        input_tokens_cache_write=cache_write or None,
        reasoning_tokens=reasoning or None,
    )


def _choice(choice: dict[str, Any], model: str) -> ChatCompletionChoice:
    message = choice.get("message") or {}
    calls = read_tool_calls(message.get("tool_calls"))
    assistant = ChatMessageAssistant(
        content=_content(message), tool_calls=calls or None, model=model, source="generate"
    )
    return ChatCompletionChoice(
        message=assistant,
        stop_reason=stop_reason(choice.get("finish_reason"), bool(calls)),
        logprobs=_logprobs(choice.get("logprobs")),
    )


def _content(message: dict[str, Any]) -> str | list[Content]:
    text = message.get("content") or ""
    reasoning = message.get("reasoning_content") or message.get("reasoning")
    refusal = message.get("refusal")
    if not reasoning and not refusal and not isinstance(text, list):
        return str(text)
    items: list[Content] = []
    if isinstance(reasoning, str) and reasoning:
        items.append(ContentReasoning(reasoning=reasoning))
    if isinstance(text, list):
        items.extend(_chunk(chunk) for chunk in text if isinstance(chunk, dict))
    elif text:
        items.append(ContentText(text=str(text)))
    if refusal:
        items.append(ContentText(text=str(refusal), refusal=True))
    return items


def _chunk(chunk: dict[str, Any]) -> Content:
    """A content chunk (Mistral's ``thinking`` chunks hold text chunks of their own)."""
    if chunk.get("type") == "thinking":
        thinking = chunk.get("thinking")
        if isinstance(thinking, list):
            thinking = "".join(part.get("text", "") for part in thinking if isinstance(part, dict))
        return ContentReasoning(reasoning=str(thinking or ""))
    return ContentText(text=str(chunk.get("text", "")))


def _logprobs(logprobs: dict[str, Any] | None) -> Logprobs | None:
    content = (logprobs or {}).get("content")
    if not content:
        return None
    return Logprobs(content=[_logprob(item) for item in content])


def _logprob(item: dict[str, Any]) -> Logprob:
    top = [
        TopLogprob(token=alt["token"], logprob=alt["logprob"], bytes=alt.get("bytes"))
        for alt in item.get("top_logprobs") or []
    ]
    return Logprob(
        token=item["token"], logprob=item["logprob"], bytes=item.get("bytes"),
        top_logprobs=top or None,
    )  # fmt: skip
