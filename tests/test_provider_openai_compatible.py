"""OpenAI-compatible providers (together, vllm, ollama, openai-api) and the shared mapping."""

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval
from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.providers.openai_compatible.config import config_params
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.messages import openai_messages
from inspect_ai._model.providers.openai_compatible.response import model_output, stop_reason
from inspect_ai._model.providers.openai_compatible.tools import parse_tool_call
from inspect_ai.dataset import Sample
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    ContentAudio,
    ContentImage,
    ContentReasoning,
    ContentText,
    GenerateConfig,
    Model,
    ModelOutput,
    get_model,
)
from inspect_ai.solver import generate
from inspect_ai.tool import ToolCall, ToolCallError
from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse
from tests.fake_servers.openai import chat_completion, openai_error, openai_server

SERVICE_VARS = [
    "TOGETHER_API_KEY", "TOGETHER_BASE_URL", "VLLM_API_KEY", "VLLM_BASE_URL",
    "OLLAMA_API_KEY", "OLLAMA_BASE_URL", "FAKE_API_KEY", "FAKE_BASE_URL",
    "MY_LLM_API_KEY", "MY_LLM_BASE_URL",
]  # fmt: skip


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No service variables from the outside, fast retries, no models reused across tests."""
    for name in SERVICE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("inspect_ai._model.retry.backoff", lambda attempt: 0.01)
    monkeypatch.setattr("inspect_ai._model.get_model._memo", {})


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with openai_server() as fake:
        yield fake


def model(name: str, **args: Any) -> Model:
    return get_model(name, memoize=False, **args)


def generate_once(model: Model, input: Any, **kwargs: Any) -> ModelOutput:
    async def run() -> ModelOutput:
        return await model.generate(input, **kwargs)

    return asyncio.run(run())


# providers ----------------------------------------------------------------------------


def test_together(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOGETHER_API_KEY", "together-key")
    monkeypatch.setenv("TOGETHER_BASE_URL", f"{server.url}/v1")
    config = GenerateConfig(top_k=40, temperature=0.2, max_tokens=64)
    output = generate_once(model("together/meta-llama/Llama-3-8b-chat-hf"), "Hi", config=config)
    assert output.completion
    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer together-key"
    assert request.json == {
        "model": "meta-llama/Llama-3-8b-chat-hf",
        "messages": [{"role": "user", "content": "Hi"}],
        "max_tokens": 64,
        "temperature": 0.2,
        "top_k": 40,
    }


def test_together_defaults_and_missing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PrerequisiteError, match="No API key for 'together': set TOGETHER_API_KEY"):
        model("together/m")
    monkeypatch.setenv("TOGETHER_API_KEY", "k")
    assert model("together/m").api.base_url == "https://api.together.xyz/v1"


@pytest.mark.parametrize(
    ("provider", "prefix", "default_url"),
    [
        ("vllm", "VLLM", "http://localhost:8000/v1"),
        ("ollama", "OLLAMA", "http://localhost:11434/v1"),
    ],
)
def test_local_servers_need_no_key(
    server: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    prefix: str,
    default_url: str,
) -> None:
    assert model(f"{provider}/llama3").api.base_url == default_url
    monkeypatch.setenv(f"{prefix}_BASE_URL", f"{server.url}/v1")
    assert generate_once(model(f"{provider}/llama3"), "Hi").completion
    assert server.requests[0].json["model"] == "llama3"
    monkeypatch.setenv(f"{prefix}_API_KEY", "local-key")
    generate_once(model(f"{provider}/llama3"), "Hi")
    assert server.requests[1].headers["authorization"] == "Bearer local-key"


def test_vllm_top_k_and_reasoning_content(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VLLM_BASE_URL", f"{server.url}/v1")
    server.enqueue(chat_completion("42", extra_message={"reasoning_content": "6 x 7 = 42"}))
    output = generate_once(model("vllm/qwen"), "6 x 7?", config=GenerateConfig(top_k=5))
    assert server.requests[0].json["top_k"] == 5
    assert output.completion == "42"
    content = output.message.content
    assert isinstance(content, list) and isinstance(content[0], ContentReasoning)
    assert content[0].reasoning == "6 x 7 = 42"


def test_ollama_does_not_get_top_k(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_BASE_URL", f"{server.url}/v1")
    generate_once(model("ollama/llama3"), "Hi", config=GenerateConfig(top_k=5))
    assert "top_k" not in server.requests[0].json


def test_openai_api_service(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_LLM_API_KEY", "svc-key")
    monkeypatch.setenv("MY_LLM_BASE_URL", f"{server.url}/v1")
    m = model("openai-api/my-llm/org/model-7b")
    assert str(m) == "openai-api/my-llm/org/model-7b"
    generate_once(m, "Hi")
    [request] = server.requests
    assert request.json["model"] == "org/model-7b"
    assert request.headers["authorization"] == "Bearer svc-key"


def test_openai_api_prerequisites(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(
        PrerequisiteError, match="No API key for 'openai-api/fake': set FAKE_API_KEY"
    ):
        model("openai-api/fake/model")
    monkeypatch.setenv("FAKE_API_KEY", "k")
    with pytest.raises(
        PrerequisiteError, match="No base URL for 'openai-api/fake': set FAKE_BASE_URL"
    ):
        model("openai-api/fake/model")
    assert model("openai-api/fake/model", base_url="http://h/v1").api.base_url == "http://h/v1"
    with pytest.raises(ValueError, match="openai-api/<service>/<model>"):
        model("openai-api/model")


def test_context_length_by_wording(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("VLLM_BASE_URL", f"{server.url}/v1")
    message = "This model's maximum context length is 4096 tokens. However, you requested 5000."
    server.enqueue(openai_error(400, message, type="BadRequestError"))
    task = Task(dataset=[Sample(input="long")], solver=generate())
    [log] = eval(task, model=model("vllm/small"), log_dir=str(tmp_path), display="none")
    [sample] = log.samples or []
    assert sample.limit is not None and sample.limit.type == "context"


def test_connection_limit_with_the_real_client(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_flight, most = 0, 0
    lock = threading.Lock()

    def slow(request: RecordedRequest) -> ScriptedResponse:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        try:
            threading.Event().wait(0.05)
            return chat_completion("ok")
        finally:
            with lock:
                in_flight -= 1

    server.default = slow
    monkeypatch.setenv("VLLM_BASE_URL", f"{server.url}/v1")
    m = model("vllm/m", config=GenerateConfig(max_connections=4))

    async def run() -> None:
        await asyncio.gather(*(m.generate(f"q{i}") for i in range(20)))

    asyncio.run(run())
    assert len(server.requests) == 20 and most == 4


def test_default_max_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    assert model("vllm/m").api.max_connections() == 10


def test_connection_error_is_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    import openai

    waits: list[int] = []
    monkeypatch.setattr("inspect_ai._model.retry.backoff", lambda n: waits.append(n) or 0.01)
    monkeypatch.setenv("VLLM_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    with pytest.raises(openai.APIConnectionError):
        generate_once(model("vllm/m"), "Hi", config=GenerateConfig(max_retries=2))
    assert waits == [1, 2]


# mapping ------------------------------------------------------------------------------


def test_messages_mapping(tmp_path: Path) -> None:
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF")
    call = ToolCall(id="c1", function="look", arguments={"at": "sky"})
    messages: list[ChatMessage] = [
        ChatMessageSystem(content="sys"),
        ChatMessageUser(
            content=[ContentText(text="hear"), ContentAudio(audio=str(audio), format="wav")]
        ),
        ChatMessageAssistant(
            content=[ContentReasoning(reasoning="hmm"), ContentText(text="")], tool_calls=[call]
        ),
        ChatMessageTool(
            content=[ContentText(text="a picture"), ContentImage(image="https://x/y.png")],
            tool_call_id="c1",
        ),
        ChatMessageTool(
            content="", tool_call_id="c2", error=ToolCallError(type="parsing", message="bad")
        ),
        ChatMessageAssistant(content="done"),
    ]
    assert openai_messages(messages) == [
        {"role": "system", "content": "sys"},
        {"role": "user", "content": [
            {"type": "text", "text": "hear"},
            {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
        ]},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "look", "arguments": '{"at": "sky"}'}},
        ]},
        {"role": "tool", "tool_call_id": "c1", "content": "a picture"},
        {"role": "tool", "tool_call_id": "c2", "content": "Error: bad"},
        {"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "auto"}},
        ]},
        {"role": "assistant", "content": "done"},
    ]  # fmt: skip


def test_tool_call_parsing() -> None:
    assert parse_tool_call("1", "f", '{"a": 1}').arguments == {"a": 1}
    assert parse_tool_call("1", "f", "").arguments == {}
    broken = parse_tool_call("1", "f", '{"a": ')
    assert broken.arguments == {} and "Error parsing the arguments of f" in (
        broken.parse_error or ""
    )
    listed = parse_tool_call("1", "f", "[1, 2]")
    assert "not a JSON object" in (listed.parse_error or "")


def test_config_params_only_what_is_set() -> None:
    assert config_params(GenerateConfig(), Dialect()) == {}
    params = config_params(
        GenerateConfig(top_logprobs=2, max_tokens=9), Dialect("max_completion_tokens")
    )
    assert params == {"max_completion_tokens": 9, "logprobs": True, "top_logprobs": 2}


def test_stop_reason_mapping() -> None:
    assert stop_reason("stop", has_tool_calls=True) == "tool_calls"
    assert stop_reason(None, has_tool_calls=False) == "unknown"
    assert stop_reason("length", has_tool_calls=False) == "max_tokens"


def test_output_from_a_sparse_body() -> None:
    output = model_output({"choices": [{"message": {"content": "hi"}}]}, "m")
    assert output.model == "m" and output.completion == "hi" and output.usage is None
    assert output.stop_reason == "unknown"
