"""The ``mistral`` provider: the real ``mistralai`` client against a fake Mistral server."""

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai.model import ChatMessageUser, ContentImage, ContentReasoning, ContentText, get_model
from inspect_ai.solver import generate, system_message
from tests.fake_servers.http import FakeServer
from tests.fake_servers.mistral import chat_response, mistral_error, mistral_server, tool_call
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

KEY = "mistral-test-key"
MODEL = "mistral/mistral-large-latest"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_retries(monkeypatch)
    monkeypatch.setenv("MISTRAL_API_KEY", KEY)
    for name in ("MISTRAL_BASE_URL", "AZUREAI_MISTRAL_API_KEY", "AZUREAI_MISTRAL_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with mistral_server() as fake:
        yield fake


def test_plain_text(server: FakeServer, tmp_path: Path) -> None:
    usage = {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}
    server.enqueue(chat_response("The answer is 3", usage=usage))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "The answer is 3"
    assert sample.output.stop_reason == "stop"
    [request] = server.requests
    assert (request.method, request.path) == ("POST", "/v1/chat/completions")
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.json["model"] == "mistral-large-latest"
    assert request.json["messages"] == [{"role": "user", "content": "What is 1 + 2?"}]
    usage_logged = sample.model_usage[MODEL]
    assert (usage_logged.input_tokens, usage_logged.output_tokens) == (12, 3)
    assert usage_logged.total_tokens == 15
    [event] = model_events(sample)
    assert event.call is not None and event.retries is None
    assert event.call.request["messages"] == request.json["messages"]
    assert event.call.response is not None and event.call.response["choices"]
    assert KEY not in json.dumps(event.call.model_dump())


def test_system_message_and_config(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_response("ok"))
    run_sample(
        MODEL, tmp_path, solver=[system_message("Be brief."), generate()],
        model_base_url=server.url, temperature=0.2, top_p=0.9, max_tokens=100,
        stop_seqs=["END"], seed=7, presence_penalty=0.5, top_k=40,
    )  # fmt: skip
    body = server.requests[0].json
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}
    assert body["messages"][1]["role"] == "user"
    for name, value in [
        ("temperature", 0.2),
        ("top_p", 0.9),
        ("max_tokens", 100),
        ("stop", ["END"]),
        ("random_seed", 7),
        ("presence_penalty", 0.5),
    ]:
        assert body[name] == value, name  # fmt: skip
    assert "top_k" not in body and "seed" not in body


def test_tool_call_round_trip(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        chat_response("", tool_calls=[tool_call("add", {"x": 1, "y": 2}, id="abcDEF123")]),
        chat_response("The sum is 3"),
    )
    sample = run_tools(MODEL, tmp_path, model_base_url=server.url)
    assert roles(sample) == "user assistant tool assistant"
    call = sample.messages[1].tool_calls[0]  # type: ignore[union-attr]
    assert (call.id, call.function, call.arguments) == ("abcDEF123", "add", {"x": 1, "y": 2})
    assert sample.output.completion == "The sum is 3"
    first, second = (request.json for request in server.requests)
    [function] = first["tools"]
    assert function["type"] == "function" and function["function"]["name"] == "add"
    assert function["function"]["parameters"]["required"] == ["x", "y"]
    assert first["tool_choice"] == "auto"
    assistant, tool = second["messages"][1:]
    assert assistant["role"] == "assistant"
    assert assistant["tool_calls"][0]["id"] == "abcDEF123"
    assert json.loads(assistant["tool_calls"][0]["function"]["arguments"]) == {"x": 1, "y": 2}
    assert tool == {"role": "tool", "tool_call_id": "abcDEF123", "name": "add", "content": "3"}
    assert [event.output.stop_reason for event in model_events(sample)] == ["tool_calls", "stop"]


def test_image_input(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_response("red"))
    message = ChatMessageUser(content=[
        ContentText(text="What colour?"),
        ContentImage(image=str(image_file(tmp_path))),
        ContentImage(image="https://example.com/cat.jpg", detail="low"),
    ])  # fmt: skip
    run_sample(MODEL, tmp_path, input=[message], model_base_url=server.url)
    text, inline, url = server.requests[0].json["messages"][0]["content"]
    assert text == {"type": "text", "text": "What colour?"}
    data_uri = "data:image/png;base64," + base64.b64encode(RED_PNG).decode()
    assert inline == {"type": "image_url", "image_url": {"url": data_uri}}
    assert url == {
        "type": "image_url", "image_url": {"url": "https://example.com/cat.jpg", "detail": "low"}
    }  # fmt: skip


@pytest.mark.parametrize(
    ("finish_reason", "stop_reason"),
    [("stop", "stop"), ("length", "max_tokens"), ("model_length", "model_length"),
     ("error", "unknown")],
)  # fmt: skip
def test_stop_reasons(server: FakeServer, finish_reason: str, stop_reason: str) -> None:
    server.enqueue(chat_response("partial", finish_reason=finish_reason))
    output = generate_once(get_model(MODEL, base_url=server.url))
    assert output.stop_reason == stop_reason and output.completion == "partial"


def test_thinking_chunks(server: FakeServer) -> None:
    content = [
        {"type": "thinking", "thinking": [{"type": "text", "text": "Hmm."}]},
        {"type": "text", "text": "Done."},
    ]
    server.enqueue(chat_response(content, choices=2))
    output = generate_once(get_model(MODEL, base_url=server.url), num_choices=2)
    assert len(output.choices) == 2
    reasoning, text = output.message.content
    assert isinstance(reasoning, ContentReasoning) and reasoning.reasoning == "Hmm."
    assert output.completion == "Done." and text.type == "text"
    assert server.requests[0].json["n"] == 2


def test_rate_limit_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(mistral_error(429, "Requests rate limit exceeded", type="rate_limited"),
                   chat_response("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok" and sample.error is None
    assert [event.retries for event in model_events(sample)] == [1]
    assert len(server.requests) == 2


def test_retry_after_is_honoured(server: FakeServer) -> None:
    import time

    server.enqueue(mistral_error(429, "Slow down", headers={"Retry-After": "0.4"}),
                   chat_response("ok"))  # fmt: skip
    started = time.monotonic()
    assert generate_once(get_model(MODEL, base_url=server.url)).completion == "ok"
    assert time.monotonic() - started >= 0.4


def test_server_error_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(mistral_error(500, "Internal server error", type="internal"),
                   chat_response("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_bad_request_fails_the_sample(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(mistral_error(400, "Invalid model: mistral-huge"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is not None and "Invalid model: mistral-huge" in sample.error.message
    assert len(server.requests) == 1


def test_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_response("late", delay=3), chat_response("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url, attempt_timeout=1)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_context_overflow_is_a_context_limit(server: FakeServer, tmp_path: Path) -> None:
    message = (
        "Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 "
        "maximum context length"
    )
    server.enqueue(mistral_error(400, message))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "context"


def test_base_url_from_the_environment(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISTRAL_BASE_URL", server.url)
    server.enqueue(chat_response("from env"))
    assert generate_once(get_model(MODEL, memoize=False)).completion == "from env"


def test_missing_key_fails_at_model_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MISTRAL_API_KEY")
    with pytest.raises(PrerequisiteError, match="MISTRAL_API_KEY"):
        get_model(MODEL, memoize=False)


def test_mistral_on_azure(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZUREAI_MISTRAL_API_KEY", "azure-key")
    monkeypatch.setenv("AZUREAI_MISTRAL_BASE_URL", server.url)
    server.enqueue(chat_response("from azure"))
    model = get_model("mistral/mistral-large-ctwi", memoize=False)
    assert generate_once(model).completion == "from azure"
    [request] = server.requests
    assert request.path == "/models/chat/completions"
    assert request.query["api-version"] == ["2024-05-01-preview"]
    assert request.headers["authorization"] == "Bearer azure-key"
    assert request.json["model"] == "mistral-large-ctwi"


def test_mistral_on_azure_needs_a_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZUREAI_MISTRAL_API_KEY", "azure-key")
    with pytest.raises(PrerequisiteError, match="AZUREAI_MISTRAL_BASE_URL"):
        get_model("mistral/mistral-large-ctwi", memoize=False)


def test_security_guide_through_the_cli(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISTRAL_BASE_URL", server.url)
    log = cli_eval(MODEL, tmp_path)
    assert log.status == "success" and log.eval.model == MODEL
    assert log.samples is not None and len(log.samples) == 16
    assert len(server.requests) == 32  # an answer and a grading per sample
    assert log.stats.model_usage[MODEL].input_tokens == 320


def test_one_model_in_two_event_loops(server: FakeServer) -> None:
    model = get_model(MODEL, base_url=server.url, memoize=False)
    server.enqueue(chat_response("first"), chat_response("second"))
    assert generate_once(model).completion == "first"  # (each call runs its own loop)
    assert generate_once(model).completion == "second"
