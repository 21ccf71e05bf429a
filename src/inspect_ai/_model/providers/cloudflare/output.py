"""A Workers AI ``result`` as ``ModelOutput``."""

from typing import Any

from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._model.output import ChatCompletionChoice, ModelOutput
from inspect_ai._model.providers.openai_compatible.response import model_output, model_usage
from inspect_ai._model.providers.openai_compatible.tools import read_tool_calls


def cloudflare_output(result: dict[str, Any], model: str) -> ModelOutput:
    """The output of ``{"response", "tool_calls", "usage"}`` (or of an OpenAI-style result)."""
    if "choices" in result:
        return model_output(result, model)
    calls = read_tool_calls(result.get("tool_calls"))
    text = result.get("response")
    content = text if isinstance(text, str) else ""
    message = ChatMessageAssistant(
        content=content, tool_calls=calls or None, model=model, source="generate"
    )
    choice = ChatCompletionChoice(message=message, stop_reason="tool_calls" if calls else "stop")
    return ModelOutput(
        model=model, choices=[choice], completion=content, usage=model_usage(result.get("usage"))
    )
