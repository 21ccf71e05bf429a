"""A fake Cloudflare Workers AI API (``POST <base>/@cf/<model>``).

Answers are ``{"result": {"response", "tool_calls", "usage"}, "success": true, "errors": [],
"messages": []}``; errors are ``{"result": null, "success": false, "errors": [{"code",
"message"}], "messages": []}``.
"""

from typing import Any

from tests.fake_servers.http import FakeServer, ScriptedResponse

DEFAULT_USAGE = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}


def run_result(
    response: str | None = "Hello!",
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    usage: dict[str, Any] | None = None,
    delay: float = 0.0,
) -> ScriptedResponse:
    """A successful text-generation answer."""
    result: dict[str, Any] = {"response": response, "usage": usage or DEFAULT_USAGE}
    if tool_calls is not None:
        result["tool_calls"] = tool_calls
    body = {"result": result, "success": True, "errors": [], "messages": []}
    return ScriptedResponse(body=body, delay=delay)


def tool_call(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """A tool call as Workers AI returns it (arguments as an object, no id)."""
    return {"name": name, "arguments": arguments}


def cloudflare_error(
    status: int, message: str, code: int = 5006, headers: dict[str, str] | None = None
) -> ScriptedResponse:
    """An error answer in Cloudflare's shape."""
    body = {
        "result": None,
        "success": False,
        "errors": [{"code": code, "message": message}],
        "messages": [],
    }
    return ScriptedResponse(status=status, body=body, headers=headers or {})


def cloudflare_server() -> FakeServer:
    """A (not yet started) fake Workers AI server answering every request with ``Hello!``."""
    return FakeServer(default=lambda request: run_result())
