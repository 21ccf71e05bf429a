"""A Workers AI ``result`` as ``ModelOutput``."""

from typing import Any

from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._model.output import ChatCompletionChoice, ModelOutput
from inspect_ai._model.providers.common.openai_output import (
    openai_output,
    openai_tool_calls,
    openai_usage,
)


def cloudflare_output(result: dict[str, Any], model: str) -> ModelOutput:
    """The output of ``{"response", "tool_calls", "usage"}`` (or of an OpenAI-style result)."""
    if "choices" in result:
        return openai_output(result, model)
    calls = openai_tool_calls(result.get("tool_calls"))
    text = result.get("response")
    content = text if isinstance(text, str) else ""
    message = ChatMessageAssistant(
        content=content, tool_calls=calls or None, model=model, source="generate"
    )
    choice = ChatCompletionChoice(message=message, stop_reason="tool_calls" if calls else "stop")
    return ModelOutput(
        model=model, choices=[choice], completion=content, usage=openai_usage(result.get("usage"))
    )
