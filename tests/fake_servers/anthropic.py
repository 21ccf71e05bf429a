"""Anthropic Messages API responses for the fake server (``POST /v1/messages``).

Anthropic models on Bedrock are served from ``POST /model/<model id>/invoke`` with the
same bodies.
"""

from typing import Any

from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse

MESSAGES_PATH = "/v1/messages"


def usage(
    input_tokens: int = 10,
    output_tokens: int = 5,
    cache_write: int | None = None,
    cache_read: int | None = None,
) -> dict[str, Any]:
    """A ``usage`` object (cache counts only when given)."""
    result: dict[str, Any] = {"input_tokens": input_tokens, "output_tokens": output_tokens}
    if cache_write is not None:
        result["cache_creation_input_tokens"] = cache_write
    if cache_read is not None:
        result["cache_read_input_tokens"] = cache_read
    return result


def message(
    content: list[dict[str, Any]],
    stop_reason: str = "end_turn",
    model: str = "claude-x",
    usage_: dict[str, Any] | None = None,
) -> ScriptedResponse:
    """A 200 response holding a message with ``content`` blocks."""
    body = {
        "id": "msg_fake01",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": usage_ or usage(),
    }
    return ScriptedResponse(body=body, headers={"request-id": "req_fake"})


def text(value: str, stop_reason: str = "end_turn", **kwargs: Any) -> ScriptedResponse:
    """A message with one text block."""
    return message([{"type": "text", "text": value}], stop_reason, **kwargs)


def tool_use(
    name: str, input: dict[str, Any], id: str = "toolu_01", preamble: str | None = None
) -> ScriptedResponse:
    """A message asking to call ``name`` (after an optional text block)."""
    blocks: list[dict[str, Any]] = [{"type": "text", "text": preamble}] if preamble else []
    blocks.append({"type": "tool_use", "id": id, "name": name, "input": input})
    return message(blocks, "tool_use")


def error(
    status: int, type: str, text: str, headers: dict[str, str] | None = None
) -> ScriptedResponse:
    """An error response with Anthropic's error body."""
    body = {"type": "error", "error": {"type": type, "message": text}}
    return ScriptedResponse(status=status, body=body, headers=headers or {})


def messages_server(default: ScriptedResponse | None = None) -> FakeServer:
    """A server answering every request with ``default`` unless responses are queued."""

    def respond(request: RecordedRequest) -> ScriptedResponse:
        return default if default is not None else text("Hello from the fake.")

    return FakeServer(default=respond)
