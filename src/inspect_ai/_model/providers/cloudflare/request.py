"""A Workers AI text-generation request: messages, tools and options."""

from typing import Any

from inspect_ai._model.content import ContentText
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant, ChatMessageTool
from inspect_ai._model.providers.openai_compatible.config import config_params
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.tools import openai_tool, openai_tool_call
from inspect_ai._tool.info import ToolInfo

DIALECT = Dialect(
    params=frozenset(
        {"temperature", "top_p", "max_tokens", "seed", "frequency_penalty", "presence_penalty"}
    ),
    top_k=True,
)
"""``GenerateConfig`` options Workers AI text generation accepts."""


def cloudflare_body(
    messages: list[ChatMessage], tools: list[ToolInfo], config: GenerateConfig
) -> dict[str, Any]:
    """The request body (messages with text content, tools as functions)."""
    body: dict[str, Any] = {
        "messages": [cloudflare_message(message) for message in messages],
        **config_params(config, DIALECT),
    }
    if tools:
        body["tools"] = [openai_tool(tool) for tool in tools]
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
