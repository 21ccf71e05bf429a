"""Our chat messages in the OpenAI chat-completions wire format (also spoken by Mistral,
Groq, Azure AI and Cloudflare, with small differences)."""

import json
from typing import Any

from inspect_ai._model.content import Content, ContentImage, ContentReasoning, ContentText
from inspect_ai._model.message import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
)
from inspect_ai._model.providers.common.media import as_data_uri
from inspect_ai._tool.call import ToolCall


def openai_messages(messages: list[ChatMessage], tool_names: bool = False) -> list[dict[str, Any]]:
    """``messages`` as chat-completions messages.

    Args:
        messages: The conversation.
        tool_names: Give tool results the ``name`` of the function (Mistral wants it).
    """
    return [openai_message(message, tool_names) for message in messages]


def openai_message(message: ChatMessage, tool_names: bool = False) -> dict[str, Any]:
    """One message in the chat-completions format."""
    if isinstance(message, ChatMessageSystem):
        return {"role": "system", "content": message.text}
    if isinstance(message, ChatMessageAssistant):
        return _assistant(message)
    if isinstance(message, ChatMessageTool):
        return _tool(message, tool_names)
    return {"role": "user", "content": openai_content(message.content)}


def openai_content(content: str | list[Content]) -> str | list[dict[str, Any]]:
    """User content: plain text, or text and image parts (images as URLs or data URIs)."""
    if isinstance(content, str):
        return content
    parts: list[dict[str, Any]] = []
    for item in content:
        if isinstance(item, ContentText):
            parts.append({"type": "text", "text": item.text})
        elif isinstance(item, ContentImage):
            parts.append({"type": "image_url", "image_url": _image_url(item)})
        elif not isinstance(item, ContentReasoning):
            raise ValueError(f"Content of type '{item.type}' is not supported by this provider.")
    return parts


def openai_tool_call(call: ToolCall) -> dict[str, Any]:
    """A tool call requested by the assistant, arguments as JSON text."""
    return {
        "id": call.id,
        "type": "function",
        "function": {"name": call.function, "arguments": json.dumps(call.arguments)},
    }


def _assistant(message: ChatMessageAssistant) -> dict[str, Any]:
    result: dict[str, Any] = {"role": "assistant", "content": message.text}
    if message.tool_calls:
        result["tool_calls"] = [openai_tool_call(call) for call in message.tool_calls]
    return result


def _tool(message: ChatMessageTool, tool_names: bool) -> dict[str, Any]:
    text = f"Error: {message.error.message}" if message.error is not None else message.text
    result: dict[str, Any] = {"role": "tool", "tool_call_id": message.tool_call_id, "content": text}
    if tool_names and message.function:
        result["name"] = message.function
    return result


def _image_url(image: ContentImage) -> dict[str, Any]:
    url: dict[str, Any] = {"url": as_data_uri(image.image)}
    if image.detail in ("low", "high"):
        url["detail"] = image.detail
    return url
