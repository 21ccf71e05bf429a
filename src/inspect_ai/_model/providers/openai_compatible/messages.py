"""Our chat messages as Chat Completions messages.

System messages keep their text (in the dialect's system role), user messages their text,
images (URLs or data URIs), audio and documents; assistant messages their text and tool
calls; tool messages become ``tool`` messages (text only: images a tool returned follow in
a user message after the run of tool messages, as ``tool`` messages cannot hold them).
"""

from typing import Any

from inspect_ai._model.content import (
    Content,
    ContentAudio,
    ContentDocument,
    ContentImage,
    ContentText,
)
from inspect_ai._model.message import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
)
from inspect_ai._model.providers.common.media import as_data_uri, inline_data
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.tools import openai_tool_call


def openai_messages(
    messages: list[ChatMessage], dialect: Dialect | None = None
) -> list[dict[str, Any]]:
    """The ``messages`` field of a request (as ``dialect`` wants them)."""
    dialect = dialect or Dialect()
    result: list[dict[str, Any]] = []
    tool_images: list[dict[str, Any]] = []
    for message in messages:
        if tool_images and not isinstance(message, ChatMessageTool):
            result.append({"role": "user", "content": tool_images})
            tool_images = []
        result.append(_message(message, dialect))
        if isinstance(message, ChatMessageTool):
            tool_images.extend(_images(message, dialect))
    if tool_images:
        result.append({"role": "user", "content": tool_images})
    return result


def _message(message: ChatMessage, dialect: Dialect) -> dict[str, Any]:
    if isinstance(message, ChatMessageSystem):
        return {"role": dialect.system_role, "content": message.text}
    if isinstance(message, ChatMessageUser):
        return {"role": "user", "content": _user_content(message.content, dialect)}
    if isinstance(message, ChatMessageAssistant):
        return _assistant(message)
    return _tool(message, dialect)


def _user_content(content: str | list[Content], dialect: Dialect) -> str | list[dict[str, Any]]:
    if isinstance(content, str):
        return content
    return [part for item in content if (part := _part(item, dialect)) is not None]


def _part(item: Content, dialect: Dialect) -> dict[str, Any] | None:
    if isinstance(item, ContentText):
        return {"type": "text", "text": item.text}
    if isinstance(item, ContentImage):
        return _image(item, dialect)
    if isinstance(item, ContentAudio):
        data = inline_data(item.audio)
        if data is None:
            raise ValueError(f"Audio must be a data URI or a local file, not {item.audio}.")
        return {"type": "input_audio", "input_audio": {"data": data.base64, "format": item.format}}
    if isinstance(item, ContentDocument):
        url = as_data_uri(item.document, item.mime_type or "application/pdf")
        return {"type": "file", "file": {"filename": item.filename or "document", "file_data": url}}
    return None  # reasoning, data and server tool use are not sent back; video is unsupported


def _image(item: ContentImage, dialect: Dialect) -> dict[str, Any]:
    url: dict[str, Any] = {"url": as_data_uri(item.image, "image/png")}
    detail = "high" if item.detail == "original" else item.detail
    if detail != "auto" or dialect.image_detail_auto:
        url["detail"] = detail
    return {"type": "image_url", "image_url": url}


def _assistant(message: ChatMessageAssistant) -> dict[str, Any]:
    result: dict[str, Any] = {"role": "assistant", "content": message.text}
    if message.tool_calls:
        result["tool_calls"] = [openai_tool_call(call) for call in message.tool_calls]
        result["content"] = message.text or None
    return result


def _tool(message: ChatMessageTool, dialect: Dialect) -> dict[str, Any]:
    content = message.text
    if message.error is not None:
        content = f"Error: {message.error.message}"
    result = {"role": "tool", "tool_call_id": message.tool_call_id or "", "content": content}
    if dialect.tool_names and message.function:
        result["name"] = message.function
    return result


def _images(message: ChatMessageTool, dialect: Dialect) -> list[dict[str, Any]]:
    if isinstance(message.content, str):
        return []
    return [_image(item, dialect) for item in message.content if isinstance(item, ContentImage)]
