"""The ``azureai`` provider: Azure AI model inference chat completions (REST) against a fake."""

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai.model import ChatMessageUser, ContentImage, ContentText, get_model
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
    RED_PNG,
    cli_eval,
    fast_retries,
    generate_once,
    image_file,
    model_events,
    roles,
    run_sample,
    run_tools,
)

KEY = "azure-test-key"
MODEL = "azureai/llama-2-70b-chat-wnsnw"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_retries(monkeypatch)
    monkeypatch.setenv("AZUREAI_API_KEY", KEY)
    for name in ("AZURE_API_KEY", "AZUREAI_BASE_URL", "INSPECT_EVAL_MODEL_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer() as fake:
        yield fake


def test_plain_text_with_system_message(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("The answer is 3", finish_reason="length"))
    sample = run_sample(
        MODEL, tmp_path, solver=[system_message("Be brief."), generate()],
        model_base_url=server.url, temperature=0.3, max_tokens=50, num_choices=2,
    )  # fmt: skip
    assert sample.output.completion == "The answer is 3"
    assert sample.output.stop_reason == "max_tokens"
    [request] = server.requests
    assert request.path == "/chat/completions"
    assert request.query == {"api-version": ["2024-05-01-preview"]}
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["api-key"] == KEY
    body = request.json
    assert body["model"] == "llama-2-70b-chat-wnsnw"
    assert body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What is 1 + 2?"},
    ]
    assert (body["temperature"], body["max_tokens"]) == (0.3, 50) and "n" not in body
    assert sample.model_usage[MODEL].input_tokens == 10
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
    assert first["tools"][0]["function"]["parameters"]["required"] == ["x", "y"]
    assert second["messages"][2] == {"role": "tool", "tool_call_id": "call_a", "content": "3"}


def test_image_input(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("red"))
    message = ChatMessageUser(
        content=[ContentText(text="Colour?"), ContentImage(image=str(image_file(tmp_path)))]
    )
    run_sample(MODEL, tmp_path, input=[message], model_base_url=server.url)
    image = server.requests[0].json["messages"][0]["content"][1]
    assert (
        image["image_url"]["url"] == "data:image/png;base64," + base64.b64encode(RED_PNG).decode()
    )


def test_rate_limit_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(429, "Rate limit is exceeded.", headers={"Retry-After": "0"}),
                   chat_completion("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_server_error_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(500, "Internal error"), chat_completion("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert [event.retries for event in model_events(sample)] == [1]


def test_bad_request_fails_the_sample(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(openai_error(400, "Extra parameters ['foo'] are not allowed"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is not None
    assert "Extra parameters ['foo'] are not allowed" in sample.error.message
    assert len(server.requests) == 1


def test_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("late", delay=3), chat_completion("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url, attempt_timeout=1)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_context_overflow_is_a_context_limit(server: FakeServer, tmp_path: Path) -> None:
    message = "This model's maximum context length is 4096 tokens."
    server.enqueue(openai_error(400, message, code="context_length_exceeded"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.limit is not None and sample.limit.type == "context"


def test_model_args_go_to_the_body(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZUREAI_BASE_URL", server.url + "/models")
    server.enqueue(chat_completion("ok"))
    model = get_model(MODEL, memoize=False, safe_prompt=True, api_version="2025-01-01")
    generate_once(model)
    [request] = server.requests
    assert request.path == "/models/chat/completions"
    assert request.query == {"api-version": ["2025-01-01"]}
    assert request.json["safe_prompt"] is True
    assert request.headers["extra-parameters"] == "pass-through"


def test_missing_key_or_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PrerequisiteError, match="AZUREAI_BASE_URL"):
        get_model(MODEL, memoize=False)
    monkeypatch.delenv("AZUREAI_API_KEY")
    monkeypatch.setenv("AZUREAI_BASE_URL", "http://127.0.0.1:9")
    with pytest.raises(PrerequisiteError, match="AZUREAI_API_KEY"):
        get_model(MODEL, memoize=False)
    monkeypatch.setenv("AZURE_API_KEY", "older-name")
    assert get_model(MODEL, memoize=False).api.api_key == "older-name"


def test_security_guide_through_the_cli(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.default = replying(grading_reply)
    monkeypatch.setenv("AZUREAI_BASE_URL", server.url)
    log = cli_eval(MODEL, tmp_path)
    assert log.status == "success" and log.results is not None
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert len(server.requests) == 32


def test_one_model_in_two_event_loops(server: FakeServer) -> None:
    model = get_model(MODEL, base_url=server.url, memoize=False)
    server.enqueue(chat_completion("first"), chat_completion("second"))
    assert generate_once(model).completion == "first"  # (each call runs its own loop)
    assert generate_once(model).completion == "second"
