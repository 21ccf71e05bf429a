"""A fake Gemini API (``generateContent``): response and error bodies in Google's shape.

``POST <base>/v1beta/models/<model>:generateContent`` is answered with a
``GenerateContentResponse``; errors are ``{"error": {"code", "message", "status"}}``.
"""

import itertools
from typing import Any

from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse

DEFAULT_USAGE = {"promptTokenCount": 10, "candidatesTokenCount": 5, "totalTokenCount": 15}

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}

_ids = itertools.count(1)


def generate_content(
    text: str | None = "Hello!",
    *,
    function_calls: list[dict[str, Any]] | None = None,
    finish_reason: str = "STOP",
    usage: dict[str, Any] | None = None,
    model_version: str = "gemini-2.0-flash-001",
    candidates: int = 1,
    extra_parts: list[dict[str, Any]] | None = None,
    logprobs: dict[str, Any] | None = None,
    delay: float = 0.0,
) -> ScriptedResponse:
    """A ``GenerateContentResponse`` with ``candidates`` identical candidates.

    Args:
        text: Text of the model turn (no text part when None).
        function_calls: ``functionCall`` parts (see ``function_call()``).
        finish_reason: Finish reason of each candidate.
        usage: ``usageMetadata`` (a small default when None).
        model_version: Model version named in the response.
        candidates: Number of candidates.
        extra_parts: Parts placed before the text (e.g. thoughts).
        logprobs: ``logprobsResult`` of each candidate.
        delay: Seconds before answering.
    """
    parts: list[dict[str, Any]] = list(extra_parts or [])
    if text is not None:
        parts.append({"text": text})
    parts.extend(function_calls or [])
    candidate: dict[str, Any] = {
        "content": {"role": "model", "parts": parts},
        "finishReason": finish_reason,
    }
    if logprobs is not None:
        candidate["logprobsResult"] = logprobs
    body = {
        "candidates": [{**candidate, "index": index} for index in range(candidates)],
        "usageMetadata": DEFAULT_USAGE if usage is None else usage,
        "modelVersion": model_version,
        "responseId": f"resp-{next(_ids)}",
    }
    return ScriptedResponse(body=body, delay=delay)


def function_call(name: str, args: dict[str, Any], id: str | None = None) -> dict[str, Any]:
    """A ``functionCall`` part."""
    call: dict[str, Any] = {"name": name, "args": args}
    if id is not None:
        call["id"] = id
    return {"functionCall": call}


def google_error(
    code: int,
    message: str,
    *,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> ScriptedResponse:
    """An error response in Google's shape."""
    error: dict[str, Any] = {
        "code": code,
        "message": message,
        "status": STATUS_NAMES.get(code, "UNKNOWN"),
    }
    if details is not None:
        error["details"] = details
    return ScriptedResponse(status=code, body={"error": error}, headers=headers or {})


def echo(request: RecordedRequest) -> ScriptedResponse:
    """Answers with the text of the last user turn."""
    contents = (request.json or {}).get("contents", [])
    parts = contents[-1].get("parts", []) if contents else []
    return generate_content(" ".join(part.get("text", "") for part in parts))


def google_server() -> FakeServer:
    """A (not yet started) fake Gemini server echoing the last user turn."""
    return FakeServer(default=echo)
