"""A fake Mistral API (``POST /v1/chat/completions``): response and error bodies.

Responses are Mistral ``chat.completion`` objects (tool call arguments as JSON text, content
as text or a list of chunks); errors are ``{"object": "error", "message", "type", "param",
"code"}``.
"""

import itertools
import json
from typing import Any

from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse

DEFAULT_USAGE = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}

_ids = itertools.count(1)


def chat_response(
    content: str | list[dict[str, Any]] | None = "Hello!",
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = None,
    model: str = "mistral-large-latest",
    usage: dict[str, Any] | None = None,
    choices: int = 1,
    delay: float = 0.0,
) -> ScriptedResponse:
    """A ``chat.completion`` response with ``choices`` identical choices."""
    message: dict[str, Any] = {"role": "assistant", "content": content, "prefix": False}
    if tool_calls:
        message["tool_calls"] = tool_calls
    reason = finish_reason or ("tool_calls" if tool_calls else "stop")
    body = {
        "id": f"cmpl-{next(_ids)}",
        "object": "chat.completion",
        "model": model,
        "created": 1_700_000_000,
        "usage": DEFAULT_USAGE if usage is None else usage,
        "choices": [
            {"index": index, "message": message, "finish_reason": reason}
            for index in range(choices)
        ],
    }
    return ScriptedResponse(body=body, delay=delay)


def tool_call(name: str, arguments: dict[str, Any], id: str = "D681PevKs") -> dict[str, Any]:
    """A tool call of an assistant message (Mistral ids are 9 letters and digits)."""
    return {
        "id": id,
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(arguments)},
    }


def mistral_error(
    status: int,
    message: str,
    *,
    type: str = "invalid_request_error",
    headers: dict[str, str] | None = None,
) -> ScriptedResponse:
    """An error response in Mistral's shape."""
    body = {"object": "error", "message": message, "type": type, "param": None, "code": None}
    return ScriptedResponse(status=status, body=body, headers=headers or {})


def echo(request: RecordedRequest) -> ScriptedResponse:
    """Answers with the text of the last message."""
    messages = (request.json or {}).get("messages", [])
    content = messages[-1].get("content") if messages else ""
    return chat_response(content if isinstance(content, str) else "")


def mistral_server() -> FakeServer:
    """A (not yet started) fake Mistral server echoing the last message."""
    return FakeServer(default=echo)
