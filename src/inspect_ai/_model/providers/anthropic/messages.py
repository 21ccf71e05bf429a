"""Chat messages as Anthropic Messages API ``system`` text and ``messages``."""

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
from inspect_ai._model.providers.anthropic.media import media_source

NO_CONTENT = "(no content)"
"""Text sent in place of empty content (the API rejects empty text blocks)."""

Block = dict[str, Any]
Message = dict[str, Any]


def anthropic_system(messages: list[ChatMessage]) -> str | None:
    """The system messages of ``messages`` joined into the ``system`` text (None if none)."""
    texts = [m.text for m in messages if isinstance(m, ChatMessageSystem) and m.text]
    return "\n\n".join(texts) if texts else None


def anthropic_messages(messages: list[ChatMessage]) -> list[Message]:
    """The non-system messages as API messages, consecutive same-role turns merged.

    Tool results become ``tool_result`` blocks of a user turn.
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


def _blocks(message: ChatMessage) -> list[Block]:
    if isinstance(message, ChatMessageTool):
        return [_tool_result(message)]
    blocks = _content_blocks(message.content)
    if isinstance(message, ChatMessageAssistant):
        blocks.extend(
            _tool_use(call.id, call.function, call.arguments) for call in message.tool_calls or []
        )
    return blocks or [_text(NO_CONTENT)]


def _content_blocks(content: str | list[Content]) -> list[Block]:
    if isinstance(content, str):
        return [_text(content)] if content.strip() else []
    blocks = [_content_block(item) for item in content]
    return [block for block in blocks if block is not None]


def _content_block(item: Content) -> Block | None:
    if isinstance(item, ContentText):
        return _text(item.text) if item.text.strip() else None
    if isinstance(item, ContentImage):
        return {"type": "image", "source": media_source(item.image, "image/png")}
    if isinstance(item, ContentDocument):
        source = media_source(item.document, item.mime_type or "application/pdf")
        return {"type": "document", "source": source}
    if isinstance(item, ContentReasoning):
        return _thinking(item)
    if item.type in ("audio", "video"):
        raise ValueError(f"Anthropic models do not accept {item.type} input.")
    return None


def _thinking(item: ContentReasoning) -> Block | None:
    """Reasoning sent back as thinking (dropped when it lacks Anthropic's signature)."""
    if item.redacted:
        return {"type": "redacted_thinking", "data": item.reasoning}
    if item.signature is None:
        return None
    return {"type": "thinking", "thinking": item.reasoning, "signature": item.signature}


def _tool_result(message: ChatMessageTool) -> Block:
    if message.error is not None:
        content: list[Block] = [_text(message.error.message or NO_CONTENT)]
    else:
        content = _content_blocks(message.content) or [_text(NO_CONTENT)]
    block: Block = {"type": "tool_result", "tool_use_id": message.tool_call_id, "content": content}
    if message.error is not None:
        block["is_error"] = True
    return block


def _tool_use(id: str, name: str, arguments: dict[str, Any]) -> Block:
    return {"type": "tool_use", "id": id, "name": name, "input": arguments}


def _text(text: str) -> Block:
    return {"type": "text", "text": text}
