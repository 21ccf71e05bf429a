"""The anthropic provider: the real ``anthropic`` client against a fake Messages API server."""

import asyncio
import base64
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval
from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.connections import release_loop_pools
from inspect_ai._solver.use_tools import use_tools
from inspect_ai._tool.tool_def import tool_infos
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, read_eval_log
from inspect_ai.model import (
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    ContentImage,
    ContentReasoning,
    ContentText,
    GenerateConfig,
    Model,
    ModelOutput,
    get_model,
)
from inspect_ai.solver import generate, system_message
from inspect_ai.tool import ToolCall, ToolFunction
from tests.fake_servers import anthropic as fake
from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse
from tests.provider_cases import RED_PNG, add, fast_retries, model_events

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def running_server() -> Iterator[FakeServer]:
    with fake.messages_server() as running:
        yield running


@pytest.fixture
def server(running_server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    """The fake Messages API server (cleared), the key and base URL set, and fast retries."""
    running_server.clear()
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", running_server.url)
    fast_retries(monkeypatch)
    return running_server


def claude(config: GenerateConfig | None = None, **model_args: Any) -> Model:
    return get_model(
        "anthropic/claude-x", config=config or GenerateConfig(), memoize=False, **model_args
    )


def generate_once(model: Model, input: str | list[Any], **kwargs: Any) -> ModelOutput:
    """One ``generate()`` outside an eval (its loop's pools and client released after)."""

    async def once() -> ModelOutput:
        try:
            return await model.generate(input, **kwargs)
        finally:
            release_loop_pools()
            await model.api.aclose()

    return asyncio.run(once())


def run(task: Task, model: Model, **kwargs: Any) -> EvalLog:
    [log] = eval(task, model=model, display="none", **kwargs)
    return log


def only_sample(log: EvalLog) -> EvalSample:
    assert log.samples is not None and len(log.samples) == 1
    return log.samples[0]


def test_plain_text_with_a_system_message(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(fake.text("Paris.", usage_=fake.usage(12, 3)))
    task = Task(
        dataset=[Sample(input="Capital of France?")],
        solver=[system_message("Be brief."), generate()],
    )
    log = run(task, claude(), log_dir=str(tmp_path))
    assert log.status == "success"
    sample = only_sample(log)
    assert sample.output.completion == "Paris."
    assert sample.output.stop_reason == "stop"
    [request] = server.requests
    assert request.path == "/v1/messages"
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.json == {
        "model": "claude-x",
        "max_tokens": 8192,
        "system": "Be brief.",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Capital of France?"}]}],
    }
    [event] = model_events(sample)
    assert event.call.request == request.json
    assert event.call.response["content"] == [{"type": "text", "text": "Paris."}]
    assert "test-key" not in str(event.call.model_dump())
    assert log.stats.model_usage["anthropic/claude-x"].input_tokens == 12


def test_config_sends_only_what_anthropic_supports(server: FakeServer) -> None:
    config = GenerateConfig(
        max_tokens=100, temperature=0.2, top_p=0.9, top_k=40, stop_seqs=["END"], seed=7,
        num_choices=2, logprobs=True, frequency_penalty=0.5, presence_penalty=0.5,
    )  # fmt: skip
    generate_once(claude(config), "hi")
    body = server.requests[0].json
    assert {k: v for k, v in body.items() if k not in ("model", "messages")} == {
        "max_tokens": 100, "temperature": 0.2, "top_p": 0.9, "top_k": 40, "stop_sequences": ["END"],
    }  # fmt: skip


def test_older_models_default_to_4096_max_tokens(server: FakeServer) -> None:
    model = get_model("anthropic/claude-3-haiku-20240307", memoize=False)
    generate_once(model, "hi")
    assert server.requests[0].json["max_tokens"] == 4096


def test_reasoning_tokens_enable_thinking(server: FakeServer) -> None:
    server.enqueue(
        fake.message([
            {"type": "thinking", "thinking": "Let me see.", "signature": "sig-1"},
            {"type": "redacted_thinking", "data": "opaque"},
            {"type": "text", "text": "42"},
        ])
    )  # fmt: skip
    output = generate_once(claude(GenerateConfig(reasoning_tokens=2000, temperature=0.5)), "hi")
    body = server.requests[0].json
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2000}
    assert "temperature" not in body
    assert output.completion == "42"
    content = output.message.content
    assert isinstance(content, list)
    assert content[0] == ContentReasoning(reasoning="Let me see.", signature="sig-1")
    assert content[1] == ContentReasoning(reasoning="opaque", redacted=True)
    # sent back as thinking blocks in the next turn
    generate_once(
        claude(), [ChatMessageUser(content="hi"), output.message, ChatMessageUser(content="and?")]
    )
    assistant = server.requests[1].json["messages"][1]
    assert assistant["content"][:2] == [
        {"type": "thinking", "thinking": "Let me see.", "signature": "sig-1"},
        {"type": "redacted_thinking", "data": "opaque"},
    ]


def test_a_tool_call_round_trip(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        fake.tool_use("add", {"x": 1, "y": 2}, id="toolu_abc", preamble="Adding."),
        fake.text("The answer is 3."),
    )
    task = Task(dataset=[Sample(input="What is 1 + 2?")], solver=[use_tools(add()), generate()])
    log = run(task, claude(), log_dir=str(tmp_path))
    sample = only_sample(log)
    assert sample.output.completion == "The answer is 3."
    assert [m.role for m in sample.messages] == ["user", "assistant", "tool", "assistant"]
    assistant = sample.messages[1]
    assert isinstance(assistant, ChatMessageAssistant) and assistant.tool_calls
    assert assistant.tool_calls[0].function == "add"
    assert assistant.tool_calls[0].arguments == {"x": 1, "y": 2}
    assert model_events(sample)[0].output.stop_reason == "tool_calls"
    first, second = (request.json for request in server.requests)
    assert first["tools"] == [
        {
            "name": "add",
            "description": "Add two numbers.",
            "input_schema": {
                "type": "object",
                "properties": {
                    "x": {"type": "integer", "description": "First number."},
                    "y": {"type": "integer", "description": "Second number."},
                },
                "required": ["x", "y"],
                "additionalProperties": False,
            },
        }
    ]
    assert first["tool_choice"] == {"type": "auto"}
    assert second["messages"][1:] == [
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "Adding."},
                {"type": "tool_use", "id": "toolu_abc", "name": "add", "input": {"x": 1, "y": 2}},
            ],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_abc",
                    "content": [{"type": "text", "text": "3"}],
                }
            ],
        },
    ]


@pytest.mark.parametrize(
    ("choice", "parallel", "expected"),
    [
        ("any", None, {"type": "any"}),
        ("none", None, {"type": "none"}),
        (ToolFunction(name="add"), None, {"type": "tool", "name": "add"}),
        ("auto", False, {"type": "auto", "disable_parallel_tool_use": True}),
    ],
)
def test_tool_choice(
    server: FakeServer, choice: Any, parallel: bool | None, expected: dict[str, Any]
) -> None:
    model = claude(GenerateConfig(parallel_tool_calls=parallel))
    generate_once(model, "hi", tools=tool_infos([add()]), tool_choice=choice)
    assert server.requests[0].json["tool_choice"] == expected


def test_consecutive_turns_are_merged_and_tool_errors_flagged(server: FakeServer) -> None:
    call = ToolCall(id="toolu_1", function="add", arguments={"x": 1})
    messages = [
        ChatMessageSystem(content="one"),
        ChatMessageSystem(content="two"),
        ChatMessageUser(content="a"),
        ChatMessageUser(content="b"),
        ChatMessageAssistant(content="", tool_calls=[call]),
        ChatMessageTool(
            content="",
            tool_call_id="toolu_1",
            error={"type": "parsing", "message": "y is required"},
        ),
        ChatMessageUser(content="again"),
    ]
    generate_once(claude(), messages)
    body = server.requests[0].json
    assert body["system"] == "one\n\ntwo"
    assert body["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "add", "input": {"x": 1}}]},
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result", "tool_use_id": "toolu_1", "is_error": True,
                    "content": [{"type": "text", "text": "y is required"}],
                },
                {"type": "text", "text": "again"},
            ],
        },
    ]  # fmt: skip


def test_image_input(server: FakeServer, tmp_path: Path) -> None:
    image = tmp_path / "dot.png"
    image.write_bytes(RED_PNG)
    content = [
        ContentText(text="What is this?"),
        ContentImage(image=str(image)),
        ContentImage(image="https://example.com/cat.jpg"),
    ]
    generate_once(claude(), [ChatMessageUser(content=content)])
    [message] = server.requests[0].json["messages"]
    assert message["content"] == [
        {"type": "text", "text": "What is this?"},
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": base64.b64encode(RED_PNG).decode()}},
        {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
    ]  # fmt: skip


def test_usage_with_cache_tokens(server: FakeServer) -> None:
    server.enqueue(fake.text("ok", usage_=fake.usage(100, 20, cache_write=300, cache_read=400)))
    usage = generate_once(claude(), "hi").usage
    assert usage is not None
    assert (usage.input_tokens, usage.output_tokens, usage.total_tokens) == (100, 20, 820)
    assert (usage.input_tokens_cache_write, usage.input_tokens_cache_read) == (300, 400)


def test_cache_prompt_marks_breakpoints(server: FakeServer) -> None:
    model = claude(GenerateConfig(cache_prompt=True))
    generate_once(
        model,
        [ChatMessageSystem(content="sys"), ChatMessageUser(content="hi")],
        tools=tool_infos([add()]),
    )
    body = server.requests[0].json
    ephemeral = {"type": "ephemeral"}
    assert body["system"] == [{"type": "text", "text": "sys", "cache_control": ephemeral}]
    assert body["tools"][-1]["cache_control"] == ephemeral
    assert body["messages"][-1]["content"][-1]["cache_control"] == ephemeral


@pytest.mark.parametrize(
    ("anthropic_reason", "stop_reason"),
    [("end_turn", "stop"), ("stop_sequence", "stop"), ("max_tokens", "max_tokens"),
     ("tool_use", "tool_calls"), ("refusal", "content_filter"),
     ("model_context_window_exceeded", "model_length"), ("pause_turn", "unknown")],
)  # fmt: skip
def test_stop_reasons(server: FakeServer, anthropic_reason: str, stop_reason: str) -> None:
    server.enqueue(fake.text("partial", stop_reason=anthropic_reason))
    assert generate_once(claude(), "hi").stop_reason == stop_reason


def closed_port() -> str:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_a_refused_connection_is_retried(server: FakeServer) -> None:
    api = claude(base_url=closed_port()).api
    with pytest.raises(Exception) as raised:
        asyncio.run(api.generate([ChatMessageUser(content="hi")], [], "none", GenerateConfig()))
    assert api.should_retry(raised.value)
    assert not api.is_rate_limit(raised.value)


def timed(response: ScriptedResponse, times: list[float]) -> Any:
    def respond(request: RecordedRequest) -> ScriptedResponse:
        times.append(time.monotonic())
        return response

    return respond


def test_a_rate_limit_is_retried_after_the_time_asked(server: FakeServer, tmp_path: Path) -> None:
    times: list[float] = []
    limited = fake.error(429, "rate_limit_error", "Slow down.", headers={"retry-after": "0.3"})
    server.enqueue(timed(limited, times), timed(fake.text("ok"), times))
    log = run(
        Task(dataset=[Sample(input="hi")], solver=generate()), claude(), log_dir=str(tmp_path)
    )
    sample = only_sample(log)
    assert sample.output.completion == "ok"
    assert model_events(sample)[0].retries == 1
    assert times[1] - times[0] >= 0.3


@pytest.mark.parametrize(
    ("response", "retried", "rate_limit", "wait"),
    [
        (fake.error(429, "rate_limit_error", "Slow down.", {"retry-after": "7"}), True, True, 7.0),
        (fake.error(529, "overloaded_error", "Overloaded."), True, False, None),
        (fake.error(500, "api_error", "Oops."), True, False, None),
        (fake.error(400, "invalid_request_error", "Bad."), False, False, None),
        (fake.error(401, "authentication_error", "Bad key."), False, False, None),
    ],
)
def test_errors_are_classified(
    server: FakeServer,
    response: ScriptedResponse,
    retried: bool,
    rate_limit: bool,
    wait: float | None,
) -> None:
    api = claude().api
    server.enqueue(response)
    with pytest.raises(Exception) as raised:
        asyncio.run(api.generate([ChatMessageUser(content="hi")], [], "none", GenerateConfig()))
    assert api.should_retry(raised.value) is retried
    assert api.is_rate_limit(raised.value) is rate_limit
    assert api.retry_after(raised.value) == wait


@pytest.mark.parametrize(
    ("status", "type"), [(529, "overloaded_error"), (500, "api_error"), (503, "api_error")]
)
def test_server_errors_are_retried(
    server: FakeServer, tmp_path: Path, status: int, type: str
) -> None:
    server.enqueue(fake.error(status, type, "Try again."), fake.text("ok"))
    log = run(
        Task(dataset=[Sample(input="hi")], solver=generate()), claude(), log_dir=str(tmp_path)
    )
    sample = only_sample(log)
    assert sample.output.completion == "ok"
    assert model_events(sample)[0].retries == 1
    assert len(server.requests) == 2


def test_a_bad_request_fails_the_sample_with_the_vendors_message(
    server: FakeServer, tmp_path: Path
) -> None:
    server.enqueue(fake.error(400, "invalid_request_error", "messages: roles must alternate"))
    task = Task(dataset=[Sample(input="hi")], solver=generate())
    log = run(task, claude(), log_dir=str(tmp_path), fail_on_error=False)
    sample = only_sample(log)
    assert sample.error is not None
    assert "roles must alternate" in sample.error.message
    assert len(server.requests) == 1


def test_a_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(ScriptedResponse(body={}, delay=2.0), fake.text("ok"))
    model = claude(GenerateConfig(attempt_timeout=1))
    log = run(Task(dataset=[Sample(input="hi")], solver=generate()), model, log_dir=str(tmp_path))
    sample = only_sample(log)
    assert sample.output.completion == "ok"
    assert model_events(sample)[0].retries == 1


def test_a_context_overflow_ends_the_sample_with_a_context_limit(
    server: FakeServer, tmp_path: Path
) -> None:
    server.enqueue(
        fake.error(
            400, "invalid_request_error", "prompt is too long: 210000 tokens > 200000 maximum"
        )
    )
    log = run(
        Task(dataset=[Sample(input="hi")], solver=generate()), claude(), log_dir=str(tmp_path)
    )
    sample = only_sample(log)
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "context"
    assert len(server.requests) == 1


def test_model_args_go_to_the_client(server: FakeServer) -> None:
    generate_once(claude(default_headers={"x-custom": "yes"}), "hi")
    assert server.requests[0].headers["x-custom"] == "yes"


def test_a_missing_key_fails_at_model_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(PrerequisiteError, match="ANTHROPIC_API_KEY"):
        claude()


def test_a_missing_package_is_one_line() -> None:
    code = (
        "import sys; sys.modules['anthropic'] = None\n"
        "from inspect_ai.model import get_model\n"
        "try:\n    get_model('anthropic/claude-x', api_key='k')\n"
        "except Exception as ex:\n    print(type(ex).__name__, ex)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    [line] = result.stdout.strip().splitlines()
    assert line.startswith("PrerequisiteError ") and line.endswith("pip install anthropic")


@pytest.mark.parametrize(
    ("name", "args"),
    [("anthropic/bedrock/anthropic.claude-3-haiku-20240307-v1:0", {}),
     ("anthropic/anthropic.claude-3-haiku-20240307-v1:0", {"bedrock": True})],
)  # fmt: skip
def test_anthropic_on_bedrock(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, name: str, args: dict[str, Any]
) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    monkeypatch.delenv("AWS_BEARER_TOKEN_BEDROCK", raising=False)
    monkeypatch.setenv("BEDROCK_ANTHROPIC_BASE_URL", server.url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDFAKE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "fake-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-west-2")
    model = get_model(name, memoize=False, **args)
    assert generate_once(model, "hi").completion == "Hello from the fake."
    [request] = server.requests
    assert request.path == "/model/anthropic.claude-3-haiku-20240307-v1:0/invoke"
    assert request.headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDFAKE/")
    assert "/us-west-2/bedrock/" in request.headers["authorization"]
    assert "model" not in request.json and "anthropic_version" in request.json
    assert request.json["max_tokens"] == 4096


def test_a_model_is_reused_across_evals(server: FakeServer, tmp_path: Path) -> None:
    model = claude()
    task = Task(dataset=[Sample(input="hi")], solver=generate())
    for _ in range(2):
        assert run(task, model, log_dir=str(tmp_path)).status == "success"
    assert len(server.requests) == 2


def grader_or_answer(request: RecordedRequest) -> ScriptedResponse:
    """Grades everything correct; answers questions briefly."""
    text = str(request.json["messages"])
    return fake.text("GRADE: C" if "GRADE: " in text else "Use strong, unique passwords.")


def test_cli_eval_of_the_security_guide(tmp_path: Path) -> None:
    with FakeServer(default=grader_or_answer) as server:
        env = {**os.environ, "ANTHROPIC_BASE_URL": server.url, "ANTHROPIC_API_KEY": "test"}
        command = [
            sys.executable, "-m", "inspect_ai._cli.main", "eval",
            str(ROOT / "examples" / "security_guide" / "security_guide.py"),
            "--model", "anthropic/claude-x", "--display", "none", "--limit", "3",
            "--log-dir", str(tmp_path),
        ]  # fmt: skip
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [log_file] = tmp_path.glob("*.eval")
    log = read_eval_log(str(log_file))
    assert log.status == "success"
    assert log.eval.model == "anthropic/claude-x"
    assert log.samples is not None and len(log.samples) == 3
    assert all(
        sample.scores and sample.scores["model_graded_fact"].value == "C" for sample in log.samples
    )
    assert len(server.requests) == 6  # an answer and a grade per sample
