"""A fake OpenAI Chat Completions server: response and error bodies, and a default responder.

``POST <base>/chat/completions`` is answered with a ``chat.completion`` object; errors have
OpenAI's shape (``{"error": {"message", "type", "param", "code"}}``). Run it as a process
with ``python -m tests.fake_servers.openai [--delay SECONDS] [--threads N]``: it prints its base URL
(``http://127.0.0.1:<port>/v1``) on the first line of stdout and serves until killed.
"""

import argparse
import itertools
import json
import sys
import threading
from collections.abc import Callable
from typing import Any

from tests.fake_servers.http import FakeServer, RecordedRequest, Responder, ScriptedResponse

DEFAULT_USAGE = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}

_ids = itertools.count(1)


def chat_completion(
    content: str | None = "Hello!",
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = None,
    model: str = "gpt-4o-mini",
    usage: dict[str, Any] | None = None,
    logprobs: dict[str, Any] | None = None,
    extra_message: dict[str, Any] | None = None,
    choices: int = 1,
    headers: dict[str, str] | None = None,
    delay: float = 0.0,
) -> ScriptedResponse:
    """A ``chat.completion`` response with ``choices`` identical choices.

    Args:
        content: Text of the assistant message.
        tool_calls: Tool calls of the message (see ``tool_call()``).
        finish_reason: Finish reason (``tool_calls`` when there are calls, else ``stop``).
        model: Model named in the response.
        usage: Usage object (a small default when None).
        logprobs: Logprobs object of each choice.
        extra_message: Extra fields of the message (e.g. ``reasoning_content``).
        choices: Number of choices.
        headers: Extra response headers.
        delay: Seconds before answering.
    """
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
    if tool_calls:
        message["tool_calls"] = tool_calls
    message.update(extra_message or {})
    reason = finish_reason or ("tool_calls" if tool_calls else "stop")
    body = {
        "id": f"chatcmpl-{next(_ids)}",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [
            {"index": index, "message": message, "logprobs": logprobs, "finish_reason": reason}
            for index in range(choices)
        ],
        "usage": DEFAULT_USAGE if usage is None else usage,
        "system_fingerprint": "fp_fake",
    }
    return ScriptedResponse(body=body, headers=headers or {}, delay=delay)


def tool_call(name: str, arguments: dict[str, Any] | str, id: str = "call_1") -> dict[str, Any]:
    """A tool call of an assistant message (``arguments`` as a dict, or raw JSON text)."""
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {"id": id, "type": "function", "function": {"name": name, "arguments": text}}


def openai_error(
    status: int,
    message: str,
    *,
    type: str = "invalid_request_error",
    code: str | None = None,
    param: str | None = None,
    headers: dict[str, str] | None = None,
    delay: float = 0.0,
) -> ScriptedResponse:
    """An error response in OpenAI's shape."""
    error = {"message": message, "type": type, "param": param, "code": code}
    return ScriptedResponse(
        status=status, body={"error": error}, headers=headers or {}, delay=delay
    )


def replying(reply: Callable[[dict[str, Any]], str], delay: float = 0.0) -> Responder:
    """A responder answering every chat completion request with ``reply(request body)``."""

    def respond(request: RecordedRequest) -> ScriptedResponse:
        if request.method != "POST" or not request.path.endswith("/chat/completions"):
            return openai_error(404, f"Unknown path {request.path}", type="not_found")
        body = request.json
        return chat_completion(reply(body), model=body.get("model", "model"), delay=delay)

    return respond


def last_user_text(body: dict[str, Any]) -> str:
    """The text of the last user message of a request body."""
    for message in reversed(body.get("messages", [])):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                return content
            return "\n".join(part.get("text", "") for part in content or [])
    return ""


def grading_reply(body: dict[str, Any]) -> str:
    """``GRADE: C`` for grader prompts (which ask for ``GRADE: ``), else a short answer."""
    return "GRADE: C" if "GRADE:" in last_user_text(body) else "Use strong, unique passwords."


def openai_server(reply: Callable[[dict[str, Any]], str] = grading_reply) -> FakeServer:
    """A (not yet started) fake server answering chat completions with ``reply``."""
    return FakeServer(default=replying(reply))


def main() -> None:
    """Serve until killed, printing the base URL first (for benchmarks and subprocesses)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument(
        "--threads", type=int, default=0, help="handler threads started up front (see FakeServer)"
    )
    args = parser.parse_args()
    server = FakeServer(replying(grading_reply, delay=args.delay), threads=args.threads).start()
    print(f"{server.url}/v1", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        sys.exit(0)


if __name__ == "__main__":
    main()
