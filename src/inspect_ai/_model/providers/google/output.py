"""A Gemini ``GenerateContentResponse`` as ``ModelOutput``."""

import base64

from google.genai import types

from inspect_ai._ids import short_uuid
from inspect_ai._model.content import Content, ContentReasoning, ContentText
from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._model.output import (
    ChatCompletionChoice,
    Logprob,
    Logprobs,
    ModelOutput,
    StopDetails,
    StopReason,
    TopLogprob,
)
from inspect_ai._model.providers.google.messages import SIGNATURES
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.call import ToolCall

_STOP_REASONS: dict[str, StopReason] = {
    "STOP": "stop",
    "MAX_TOKENS": "max_tokens",
    "SAFETY": "content_filter",
    "RECITATION": "content_filter",
    "BLOCKLIST": "content_filter",
    "PROHIBITED_CONTENT": "content_filter",
    "SPII": "content_filter",
    "IMAGE_SAFETY": "content_filter",
    "IMAGE_PROHIBITED_CONTENT": "content_filter",
    "IMAGE_RECITATION": "content_filter",
    "MODEL_ARMOR": "content_filter",
}
"""Gemini finish reasons -> our stop reasons (anything else is ``unknown``)."""


def google_output(response: types.GenerateContentResponse, model: str) -> ModelOutput:
    """Choices (one per candidate), usage and the response id."""
    choices = [_choice(candidate, model) for candidate in response.candidates or []]
    if not choices:
        choices = [_blocked(response.prompt_feedback, model)]
    return ModelOutput(
        model=response.model_version or model,
        choices=choices,
        completion=choices[0].message.text,
        usage=google_usage(response.usage_metadata),
        response_id=response.response_id,
    )


def google_usage(usage: types.GenerateContentResponseUsageMetadata | None) -> ModelUsage | None:
    """Prompt, candidate, cached and thinking tokens."""
    if usage is None:
        return None
    input_tokens = (usage.prompt_token_count or 0) + (usage.tool_use_prompt_token_count or 0)
    output_tokens = (usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)
    return ModelUsage(
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_tokens=usage.total_token_count or input_tokens + output_tokens,
        input_tokens_cache_read=usage.cached_content_token_count,
        reasoning_tokens=usage.thoughts_token_count,
    )


def _choice(candidate: types.Candidate, model: str) -> ChatCompletionChoice:
    parts = candidate.content.parts if candidate.content is not None else None
    items: list[Content] = []
    calls: list[ToolCall] = []
    signatures: dict[str, str] = {}
    for part in parts or []:
        if part.function_call is not None:
            call = _tool_call(part.function_call)
            calls.append(call)
            if part.thought_signature:
                signatures[call.id] = _encode(part.thought_signature)
        elif part.text is not None:
            items.append(_text(part))
    message = ChatMessageAssistant(
        content=_simplify(items),
        tool_calls=calls or None,
        model=model,
        source="generate",
        metadata={SIGNATURES: signatures} if signatures else None,
    )
    return ChatCompletionChoice(
        message=message,
        stop_reason=_stop_reason(candidate.finish_reason, bool(calls)),
        stop_details=_stop_details(candidate),
        logprobs=_logprobs(candidate.logprobs_result),
    )


def _tool_call(call: types.FunctionCall) -> ToolCall:
    name = call.name or ""
    return ToolCall(
        id=call.id or f"{name}_{short_uuid()}", function=name, arguments=call.args or {}
    )


def _text(part: types.Part) -> Content:
    signature = _encode(part.thought_signature) if part.thought_signature else None
    if part.thought:
        return ContentReasoning(reasoning=part.text or "", signature=signature)
    internal = {"thought_signature": signature} if signature else None
    return ContentText(text=part.text or "", internal=internal)


def _simplify(items: list[Content]) -> str | list[Content]:
    """Plain text when every item is text with nothing attached."""
    if all(isinstance(item, ContentText) and item.internal is None for item in items):
        return "".join(item.text for item in items if isinstance(item, ContentText))
    return items


def _stop_reason(reason: types.FinishReason | None, called: bool) -> StopReason:
    stop = _STOP_REASONS.get(reason.value if reason is not None else "", "unknown")
    return "tool_calls" if called and stop in ("stop", "unknown") else stop


def _stop_details(candidate: types.Candidate) -> StopDetails | None:
    reason = candidate.finish_reason
    if reason is None or _STOP_REASONS.get(reason.value) != "content_filter":
        return None
    return StopDetails(type=reason.value, explanation=candidate.finish_message)


def _blocked(
    feedback: types.GenerateContentResponsePromptFeedback | None, model: str
) -> ChatCompletionChoice:
    reason = feedback.block_reason if feedback is not None else None
    message = ChatMessageAssistant(content="", model=model, source="generate")
    if reason is None:
        return ChatCompletionChoice(message=message, stop_reason="unknown")
    details = StopDetails(
        type=reason.value, explanation=feedback.block_reason_message if feedback else None
    )
    return ChatCompletionChoice(message=message, stop_reason="content_filter", stop_details=details)


def _logprobs(result: types.LogprobsResult | None) -> Logprobs | None:
    if result is None or not result.chosen_candidates:
        return None
    tops = result.top_candidates or []
    content: list[Logprob] = []
    for index, chosen in enumerate(result.chosen_candidates):
        alternatives = tops[index].candidates if index < len(tops) else None
        content.append(
            Logprob(
                token=chosen.token or "",
                logprob=chosen.log_probability or 0.0,
                top_logprobs=[
                    TopLogprob(token=top.token or "", logprob=top.log_probability or 0.0)
                    for top in alternatives or []
                ]
                or None,
            )
        )
    return Logprobs(content=content)


def _encode(signature: bytes) -> str:
    return base64.b64encode(signature).decode("ascii")
