"""Our chat messages as Gemini ``Content``: system instruction, user and model turns,
function calls and function responses, media inline or by URI."""

import base64
import mimetypes

from google.genai import types

from inspect_ai._model.content import (
    Content,
    ContentAudio,
    ContentDocument,
    ContentImage,
    ContentReasoning,
    ContentText,
    ContentVideo,
)
from inspect_ai._model.message import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
)
from inspect_ai._model.providers.common.media import inline_data

NO_CONTENT = "(no content)"
"""Text sent for a turn without any (Gemini rejects empty turns)."""

SIGNATURES = "google_thought_signatures"
"""Assistant message metadata key: thought signatures of function calls, by call id."""


def google_contents(messages: list[ChatMessage]) -> tuple[list[types.Content], str | None]:
    """The turns of ``messages`` and the system instruction (system messages joined).

    Consecutive tool results become one turn, as Gemini expects the responses to
    parallel function calls together.
    """
    system = [message.text for message in messages if isinstance(message, ChatMessageSystem)]
    contents: list[types.Content] = []
    previous: ChatMessage | None = None
    for message in messages:
        if isinstance(message, ChatMessageSystem):
            continue
        content = google_content(message)
        if isinstance(message, ChatMessageTool) and isinstance(previous, ChatMessageTool):
            contents[-1].parts = [*(contents[-1].parts or []), *(content.parts or [])]
        else:
            contents.append(content)
        previous = message
    return contents, "\n\n".join(system) or None


def google_content(message: ChatMessage) -> types.Content:
    """One turn: ``user`` for user messages and tool results, ``model`` for the assistant."""
    if isinstance(message, ChatMessageAssistant):
        return types.Content(role="model", parts=_assistant_parts(message))
    if isinstance(message, ChatMessageTool):
        return types.Content(role="user", parts=[_function_response(message)])
    return types.Content(role="user", parts=_user_parts(message.content))


def _user_parts(content: str | list[Content]) -> list[types.Part]:
    if isinstance(content, str):
        return [types.Part(text=content or NO_CONTENT)]
    parts = [_part(item) for item in content if not isinstance(item, ContentReasoning)]
    return parts or [types.Part(text=NO_CONTENT)]


def _part(item: Content) -> types.Part:
    if isinstance(item, ContentText):
        return types.Part(text=item.text or NO_CONTENT)
    if isinstance(item, ContentImage):
        return _media(item.image, "image/png")
    if isinstance(item, ContentAudio):
        return _media(item.audio, "audio/wav" if item.format == "wav" else "audio/mpeg")
    if isinstance(item, ContentVideo):
        return _media(item.video, f"video/{item.format}")
    if isinstance(item, ContentDocument):
        return _media(item.document, item.mime_type or "application/pdf")
    raise ValueError(f"Content of type '{item.type}' is not supported by Google models.")


def _media(media: str, default_mime: str) -> types.Part:
    data = inline_data(media)
    if data is not None:
        return types.Part(inline_data=types.Blob(mime_type=data.mime_type, data=data.raw()))
    mime = mimetypes.guess_type(media)[0] or default_mime
    return types.Part(file_data=types.FileData(file_uri=media, mime_type=mime))


def _assistant_parts(message: ChatMessageAssistant) -> list[types.Part]:
    parts: list[types.Part] = []
    if isinstance(message.content, str):
        if message.content:
            parts.append(types.Part(text=message.content))
    else:
        parts.extend(_assistant_part(item) for item in message.content)
    signatures = (message.metadata or {}).get(SIGNATURES) or {}
    for call in message.tool_calls or []:
        function_call = types.FunctionCall(id=call.id, name=call.function, args=call.arguments)
        signature = signatures.get(call.id)
        parts.append(types.Part(function_call=function_call, thought_signature=_decode(signature)))
    return parts or [types.Part(text=NO_CONTENT)]


def _assistant_part(item: Content) -> types.Part:
    if isinstance(item, ContentReasoning):
        return types.Part(
            text=item.reasoning, thought=True, thought_signature=_decode(item.signature)
        )
    if isinstance(item, ContentText):
        internal = item.internal if isinstance(item.internal, dict) else {}
        signature = internal.get("thought_signature")
        return types.Part(
            text=item.text or NO_CONTENT,
            thought_signature=_decode(signature if isinstance(signature, str) else None),
        )
    return _part(item)


def _function_response(message: ChatMessageTool) -> types.Part:
    response = (
        {"error": message.error.message} if message.error is not None else {"output": message.text}
    )
    return types.Part(
        function_response=types.FunctionResponse(
            id=message.tool_call_id, name=message.function, response=response
        )
    )


def _decode(signature: str | None) -> bytes | None:
    return base64.b64decode(signature) if signature else None
