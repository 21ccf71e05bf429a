"""A Workers AI text-generation request: messages, tools and options."""

from typing import Any

from inspect_ai._model.content import ContentText
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant, ChatMessageTool
from inspect_ai._model.providers.common.openai_messages import openai_tool_call
from inspect_ai._model.providers.common.openai_request import openai_parameters, openai_tools
from inspect_ai._tool.info import ToolInfo

SUPPORTED = frozenset(
    {"temperature", "top_p", "top_k", "max_tokens", "seed", "frequency_penalty", "presence_penalty"}
)
"""``GenerateConfig`` options Workers AI text generation accepts."""


def cloudflare_body(
    messages: list[ChatMessage], tools: list[ToolInfo], config: GenerateConfig
) -> dict[str, Any]:
    """The request body (messages with text content, tools as functions)."""
    body: dict[str, Any] = {
        "messages": [cloudflare_message(message) for message in messages],
        **openai_parameters(config, SUPPORTED),
    }
    if tools:
        body["tools"] = openai_tools(tools)
    return body


def cloudflare_message(message: ChatMessage) -> dict[str, Any]:
    """A message with text content (Workers AI chat takes no images)."""
    if not isinstance(message.content, str) and any(
        not isinstance(item, ContentText) for item in message.content
    ):
        kinds = sorted({item.type for item in message.content} - {"text"})
        raise ValueError(f"Cloudflare models take text only, not {', '.join(kinds)} content.")
    result: dict[str, Any] = {"role": message.role, "content": message.text}
    if isinstance(message, ChatMessageAssistant) and message.tool_calls:
        result["tool_calls"] = [openai_tool_call(call) for call in message.tool_calls]
    if isinstance(message, ChatMessageTool):
        result["tool_call_id"] = message.tool_call_id
        result["name"] = message.function
        if message.error is not None:
            result["content"] = f"Error: {message.error.message}"
    return result
