"""Chat messages as Converse ``system`` blocks and ``messages`` (boto3 parameters)."""

import base64
from typing import Any

from inspect_ai._model.content import (
    Content,
    ContentDocument,
    ContentImage,
    ContentReasoning,
    ContentText,
)
from inspect_ai._model.message import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
)
from inspect_ai._model.providers.bedrock.media import document_block, image_block

NO_CONTENT = "(no content)"
"""Text sent in place of empty content (Converse rejects empty text blocks)."""

Block = dict[str, Any]
Message = dict[str, Any]


def converse_system(messages: list[ChatMessage]) -> list[Block]:
    """The system messages of ``messages`` as ``system`` text blocks."""
    return [{"text": m.text} for m in messages if isinstance(m, ChatMessageSystem) and m.text]


def converse_messages(messages: list[ChatMessage]) -> list[Message]:
    """The non-system messages as Converse messages, consecutive same-role turns merged.

    Tool results become ``toolResult`` blocks of a user turn.
    """
    merged: list[Message] = []
    for message in messages:
        if isinstance(message, ChatMessageSystem):
            continue
        role = "assistant" if isinstance(message, ChatMessageAssistant) else "user"
        blocks = _blocks(message)
        if merged and merged[-1]["role"] == role:
            merged[-1]["content"].extend(blocks)
        else:
            merged.append({"role": role, "content": blocks})
    return merged


def has_tool_blocks(messages: list[Message]) -> bool:
    """Whether any message holds a ``toolUse`` or ``toolResult`` block (Converse then
    requires a ``toolConfig``)."""
    return any(
        "toolUse" in block or "toolResult" in block
        for message in messages
        for block in message["content"]
    )


def _blocks(message: ChatMessage) -> list[Block]:
    if isinstance(message, ChatMessageTool):
        return [_tool_result(message)]
    blocks = _content_blocks(message.content)
    if isinstance(message, ChatMessageAssistant):
        blocks.extend(
            {"toolUse": {"toolUseId": call.id, "name": call.function, "input": call.arguments}}
            for call in message.tool_calls or []
        )
    return blocks or [{"text": NO_CONTENT}]


def _content_blocks(content: str | list[Content]) -> list[Block]:
    if isinstance(content, str):
        return [{"text": content}] if content.strip() else []
    blocks = [_content_block(item) for item in content]
    return [block for block in blocks if block is not None]


def _content_block(item: Content) -> Block | None:
    if isinstance(item, ContentText):
        return {"text": item.text} if item.text.strip() else None
    if isinstance(item, ContentImage):
        return {"image": image_block(item.image)}
    if isinstance(item, ContentDocument):
        return {"document": document_block(item.document, item.filename)}
    if isinstance(item, ContentReasoning):
        return _reasoning(item)
    if item.type in ("audio", "video"):
        raise ValueError(f"The bedrock provider does not support {item.type} input.")
    return None


def _reasoning(item: ContentReasoning) -> Block | None:
    """Reasoning sent back (dropped when it lacks the signature the model gave it)."""
    if item.redacted:
        redacted = base64.b64decode(item.reasoning)
        return {"reasoningContent": {"redactedContent": redacted}}
    if item.signature is None:
        return None
    text = {"text": item.reasoning, "signature": item.signature}
    return {"reasoningContent": {"reasoningText": text}}


def _tool_result(message: ChatMessageTool) -> Block:
    if message.error is not None:
        content: list[Block] = [{"text": message.error.message or NO_CONTENT}]
    else:
        content = _content_blocks(message.content) or [{"text": NO_CONTENT}]
    status = "error" if message.error is not None else "success"
    result = {"toolUseId": message.tool_call_id, "content": content, "status": status}
    return {"toolResult": result}
