"""The ``groq`` provider: the real ``groq`` client against a fake (OpenAI-style) server."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai.model import get_model
from inspect_ai.solver import generate, system_message
from tests.fake_servers.http import FakeServer
from tests.fake_servers.openai import (
    chat_completion,
    grading_reply,
    openai_error,
    replying,
    tool_call,
)
from tests.provider_cases import (
    cli_eval,
    fast_retries,
    generate_once,
    model_events,
    roles,
    run_sample,
    run_tools,
)

KEY = "groq-test-key"
MODEL = "groq/llama-3.3-70b-versatile"
PATH = "/openai/v1/chat/completions"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_retries(monkeypatch)
    monkeypatch.setenv("GROQ_API_KEY", KEY)
    monkeypatch.delenv("GROQ_BASE_URL", raising=False)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer() as fake:
        yield fake


def test_plain_text_with_system_message(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("The answer is 3", model="llama-3.3-70b-versatile"))
    sample = run_sample(
        MODEL, tmp_path, solver=[system_message("Be brief."), generate()],
        model_base_url=server.url, temperature=0.3, max_tokens=50, seed=1, logprobs=True,
    )  # fmt: skip
    assert sample.output.completion == "The answer is 3"
    assert sample.output.stop_reason == "stop"
    [request] = server.requests
    assert request.path == PATH and request.headers["authorization"] == f"Bearer {KEY}"
    body = request.json
    assert body["model"] == "llama-3.3-70b-versatile"
    assert body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What is 1 + 2?"},
    ]
    assert (body["temperature"], body["max_tokens"], body["seed"]) == (0.3, 50, 1)
    assert "logprobs" not in body
    assert sample.model_usage[MODEL].total_tokens == 15
    [event] = model_events(sample)
    assert event.call is not None and KEY not in json.dumps(event.call.model_dump())


def test_tool_call_round_trip(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        chat_completion(None, tool_calls=[tool_call("add", {"x": 1, "y": 2}, id="call_a")]),
        chat_completion("The sum is 3"),
    )
    sample = run_tools(MODEL, tmp_path, model_base_url=server.url)
    assert roles(sample) == "user assistant tool assistant"
    assert sample.output.completion == "The sum is 3"
    first, second = (request.json for request in server.requests)
    assert first["tools"][0]["function"]["name"] == "add" and first["tool_choice"] == "auto"
    assert second["messages"][1]["tool_calls"][0]["id"] == "call_a"
    assert second["messages"][2] == {"role": "tool", "tool_call_id": "call_a", "content": "3"}


def test_rate_limit_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(429, "Rate limit reached", type="tokens", code="rate_limit_exceeded"),
                   chat_completion("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_server_error_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(503, "Service unavailable", type="internal_server_error"),
                   chat_completion("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert [event.retries for event in model_events(sample)] == [1]


def test_bad_request_fails_the_sample(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(400, "The model llama-9 does not exist"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is not None and "The model llama-9 does not exist" in sample.error.message
    assert len(server.requests) == 1


def test_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("late", delay=3), chat_completion("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url, attempt_timeout=1)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_context_overflow_is_a_context_limit(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(400, "Please reduce the length of the messages or completion.",
                                code="context_length_exceeded"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.limit is not None and sample.limit.type == "context"


def test_base_url_from_the_environment(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GROQ_BASE_URL", server.url)
    server.enqueue(chat_completion("from env"))
    assert generate_once(get_model(MODEL, memoize=False)).completion == "from env"


def test_missing_key_fails_at_model_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GROQ_API_KEY")
    with pytest.raises(PrerequisiteError, match="GROQ_API_KEY"):
        get_model(MODEL, memoize=False)


def test_security_guide_through_the_cli(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.default = replying(grading_reply)
    monkeypatch.setenv("GROQ_BASE_URL", server.url)
    log = cli_eval(MODEL, tmp_path)
    assert log.status == "success" and log.results is not None
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert len(server.requests) == 32
