"""Bedrock Converse responses for the fake server (``POST /model/<model id>/converse``).

boto3 signs requests with SigV4; the fake ignores the signature, so tests use dummy AWS
credentials. Errors carry their code in ``x-amzn-ErrorType`` and a ``message`` body, as
the AWS REST-JSON protocol does.
"""

from typing import Any
from urllib.parse import unquote

from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse

DUMMY_AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIDFAKEFAKEFAKE",
    "AWS_SECRET_ACCESS_KEY": "fake-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}
"""Credentials and region for boto3 (never checked by the fake)."""


def model_id(request: RecordedRequest) -> str:
    """The model id of a ``/model/<id>/converse`` request."""
    return unquote(request.path.split("/")[2])


def usage(
    input_tokens: int = 10,
    output_tokens: int = 5,
    cache_read: int | None = None,
    cache_write: int | None = None,
) -> dict[str, Any]:
    """A ``usage`` object (cache counts only when given)."""
    result: dict[str, Any] = {
        "inputTokens": input_tokens,
        "outputTokens": output_tokens,
        "totalTokens": input_tokens + output_tokens + (cache_read or 0) + (cache_write or 0),
    }
    if cache_read is not None:
        result["cacheReadInputTokens"] = cache_read
    if cache_write is not None:
        result["cacheWriteInputTokens"] = cache_write
    return result


def converse(
    content: list[dict[str, Any]],
    stop_reason: str = "end_turn",
    usage_: dict[str, Any] | None = None,
) -> ScriptedResponse:
    """A 200 Converse response whose assistant message holds ``content`` blocks."""
    body = {
        "output": {"message": {"role": "assistant", "content": content}},
        "stopReason": stop_reason,
        "usage": usage_ or usage(),
        "metrics": {"latencyMs": 12},
    }
    return ScriptedResponse(body=body, headers={"x-amzn-requestid": "req-fake-1"})


def text(value: str, stop_reason: str = "end_turn", **kwargs: Any) -> ScriptedResponse:
    """A response with one text block."""
    return converse([{"text": value}], stop_reason, **kwargs)


def tool_use(
    name: str, input: dict[str, Any], id: str = "tooluse_01", preamble: str | None = None
) -> ScriptedResponse:
    """A response asking to call ``name`` (after an optional text block)."""
    blocks: list[dict[str, Any]] = [{"text": preamble}] if preamble else []
    blocks.append({"toolUse": {"toolUseId": id, "name": name, "input": input}})
    return converse(blocks, "tool_use")


def error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> ScriptedResponse:
    """An AWS error response: the code in ``x-amzn-ErrorType``, the message in the body."""
    return ScriptedResponse(
        status=status,
        body={"message": message},
        headers={"x-amzn-ErrorType": f"{code}:http://internal.amazon.com/", **(headers or {})},
    )


def converse_server(default: ScriptedResponse | None = None) -> FakeServer:
    """A server answering every request with ``default`` unless responses are queued."""

    def respond(request: RecordedRequest) -> ScriptedResponse:
        return default if default is not None else text("Hello from the fake.")

    return FakeServer(default=respond)
