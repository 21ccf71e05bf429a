"""The bedrock provider: boto3's Converse API against a fake Bedrock runtime server."""

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
from tests.fake_servers import bedrock as fake
from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse
from tests.provider_cases import RED_PNG, add, fast_retries, model_events

ROOT = Path(__file__).resolve().parents[1]
CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
AWS_VARS_UNSET = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "AWS_REGION")


@pytest.fixture(scope="module")
def running_server() -> Iterator[FakeServer]:
    with fake.converse_server() as running:
        yield running


@pytest.fixture
def server(running_server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    """The fake Converse server (cleared), dummy AWS credentials, and fast retries."""
    running_server.clear()
    for name in AWS_VARS_UNSET:
        monkeypatch.delenv(name, raising=False)
    for name, value in fake.DUMMY_AWS_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BEDROCK_BASE_URL", running_server.url)
    fast_retries(monkeypatch)
    return running_server


def bedrock(model: str = CLAUDE, config: GenerateConfig | None = None, **model_args: Any) -> Model:
    return get_model(
        f"bedrock/{model}", config=config or GenerateConfig(), memoize=False, **model_args
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


def hi_task() -> Task:
    return Task(dataset=[Sample(input="hi")], solver=generate())


def test_plain_text_with_a_system_message(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(fake.text("Paris.", usage_=fake.usage(12, 3)))
    task = Task(
        dataset=[Sample(input="Capital of France?")],
        solver=[system_message("Be brief."), generate()],
    )
    log = run(task, bedrock(), log_dir=str(tmp_path))
    assert log.status == "success"
    sample = only_sample(log)
    assert sample.output.completion == "Paris."
    assert sample.output.stop_reason == "stop"
    [request] = server.requests
    assert request.path == "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse"
    assert fake.model_id(request) == CLAUDE
    authorization = request.headers["authorization"]
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=AKIDFAKEFAKEFAKE/")
    assert "/us-east-1/bedrock/" in authorization
    assert request.json == {
        "system": [{"text": "Be brief."}],
        "messages": [{"role": "user", "content": [{"text": "Capital of France?"}]}],
    }
    [event] = model_events(sample)
    assert event.call.request == {"modelId": CLAUDE, **request.json}
    assert event.call.response["output"]["message"]["content"] == [{"text": "Paris."}]
    assert "fake-secret" not in str(event.call.model_dump())
    assert sample.output.usage is not None and sample.output.usage.input_tokens == 12


def test_config_maps_to_the_inference_config(server: FakeServer) -> None:
    config = GenerateConfig(
        max_tokens=100, temperature=0.2, top_p=0.9, top_k=40, stop_seqs=["END"], seed=7,
        num_choices=2, logprobs=True, frequency_penalty=0.5,
    )  # fmt: skip
    generate_once(bedrock(config=config), "hi")
    generate_once(bedrock("meta.llama3-70b-instruct-v1:0", config=config), "hi")
    claude, llama = (request.json for request in server.requests)
    inference = {"maxTokens": 100, "temperature": 0.2, "topP": 0.9, "stopSequences": ["END"]}
    assert claude["inferenceConfig"] == inference
    assert claude["additionalModelRequestFields"] == {"top_k": 40}
    assert llama["inferenceConfig"] == inference
    assert set(llama) == {"messages", "inferenceConfig"}


def test_a_tool_call_round_trip(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        fake.tool_use("add", {"x": 1, "y": 2}, id="tooluse_abc", preamble="Adding."),
        fake.text("The answer is 3."),
    )
    task = Task(dataset=[Sample(input="What is 1 + 2?")], solver=[use_tools(add()), generate()])
    log = run(task, bedrock(), log_dir=str(tmp_path))
    sample = only_sample(log)
    assert sample.output.completion == "The answer is 3."
    assert [m.role for m in sample.messages] == ["user", "assistant", "tool", "assistant"]
    assistant = sample.messages[1]
    assert isinstance(assistant, ChatMessageAssistant) and assistant.tool_calls
    assert assistant.tool_calls[0].arguments == {"x": 1, "y": 2}
    assert model_events(sample)[0].output.stop_reason == "tool_calls"
    first, second = (request.json for request in server.requests)
    assert first["toolConfig"] == {
        "tools": [
            {
                "toolSpec": {
                    "name": "add",
                    "description": "Add two numbers.",
                    "inputSchema": {
                        "json": {
                            "type": "object",
                            "properties": {
                                "x": {"type": "integer", "description": "First number."},
                                "y": {"type": "integer", "description": "Second number."},
                            },
                            "required": ["x", "y"],
                            "additionalProperties": False,
                        }
                    },
                }
            }
        ]
    }
    tool_use = {"toolUseId": "tooluse_abc", "name": "add", "input": {"x": 1, "y": 2}}
    tool_result = {"toolUseId": "tooluse_abc", "content": [{"text": "3"}], "status": "success"}
    assert second["messages"][1:] == [
        {"role": "assistant", "content": [{"text": "Adding."}, {"toolUse": tool_use}]},
        {"role": "user", "content": [{"toolResult": tool_result}]},
    ]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("any", {"any": {}}), (ToolFunction(name="add"), {"tool": {"name": "add"}}), ("auto", None)],
)
def test_tool_choice(server: FakeServer, choice: Any, expected: dict[str, Any] | None) -> None:
    generate_once(bedrock(), "hi", tools=tool_infos([add()]), tool_choice=choice)
    assert server.requests[0].json["toolConfig"].get("toolChoice") == expected


def test_no_tool_choice_leaves_tools_out_unless_the_history_uses_them(server: FakeServer) -> None:
    tools = tool_infos([add()])
    generate_once(bedrock(), "hi", tools=tools, tool_choice="none")
    call = ToolCall(id="t1", function="add", arguments={"x": 1, "y": 2})
    history = [
        ChatMessageUser(content="add"),
        ChatMessageAssistant(content="", tool_calls=[call]),
        ChatMessageUser(content="never mind"),
    ]
    generate_once(bedrock(), history, tools=tools, tool_choice="none")
    plain, with_history = (request.json for request in server.requests)
    assert "toolConfig" not in plain
    assert "toolChoice" not in with_history["toolConfig"]
    assert with_history["messages"][1] == {
        "role": "assistant",
        "content": [{"toolUse": {"toolUseId": "t1", "name": "add", "input": {"x": 1, "y": 2}}}],
    }


def test_image_input(server: FakeServer, tmp_path: Path) -> None:
    image = tmp_path / "dot.png"
    image.write_bytes(RED_PNG)
    content = [ContentText(text="What is this?"), ContentImage(image=str(image))]
    generate_once(bedrock(), [ChatMessageUser(content=content)])
    [message] = server.requests[0].json["messages"]
    encoded = base64.b64encode(RED_PNG).decode()
    assert message["content"] == [
        {"text": "What is this?"},
        {"image": {"format": "png", "source": {"bytes": encoded}}},
    ]


def test_an_image_url_is_refused(server: FakeServer) -> None:
    content = [ContentImage(image="https://example.com/cat.png")]
    with pytest.raises(ValueError, match="s3://"):
        generate_once(bedrock(), [ChatMessageUser(content=content)])


def test_usage_with_cache_tokens(server: FakeServer) -> None:
    server.enqueue(fake.text("ok", usage_=fake.usage(100, 20, cache_read=400, cache_write=300)))
    usage = generate_once(bedrock(), "hi").usage
    assert usage is not None
    assert (usage.input_tokens, usage.output_tokens, usage.total_tokens) == (100, 20, 820)
    assert (usage.input_tokens_cache_write, usage.input_tokens_cache_read) == (300, 400)


def test_reasoning_round_trip(server: FakeServer) -> None:
    opaque = base64.b64encode(b"\x00secret").decode()
    server.enqueue(
        fake.converse([
            {"reasoningContent": {"reasoningText": {"text": "Hmm.", "signature": "sig"}}},
            {"reasoningContent": {"redactedContent": opaque}},
            {"text": "42"},
        ])
    )  # fmt: skip
    output = generate_once(bedrock(), "hi")
    assert output.completion == "42"
    assert isinstance(output.message.content, list)
    assert output.message.content[:2] == [
        ContentReasoning(reasoning="Hmm.", signature="sig"),
        ContentReasoning(reasoning=opaque, redacted=True),
    ]
    generate_once(bedrock(), [ChatMessageUser(content="hi"), output.message])
    assistant = server.requests[1].json["messages"][1]
    assert assistant["content"][:2] == [
        {"reasoningContent": {"reasoningText": {"text": "Hmm.", "signature": "sig"}}},
        {"reasoningContent": {"redactedContent": opaque}},
    ]


@pytest.mark.parametrize(
    ("converse_reason", "stop_reason"),
    [("end_turn", "stop"), ("stop_sequence", "stop"), ("max_tokens", "max_tokens"),
     ("tool_use", "tool_calls"), ("guardrail_intervened", "content_filter"),
     ("content_filtered", "content_filter"), ("model_context_window_exceeded", "model_length"),
     ("malformed_model_output", "unknown")],
)  # fmt: skip
def test_stop_reasons(server: FakeServer, converse_reason: str, stop_reason: str) -> None:
    server.enqueue(fake.text("partial", stop_reason=converse_reason))
    assert generate_once(bedrock(), "hi").stop_reason == stop_reason


def closed_port() -> str:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_a_refused_connection_is_retried(server: FakeServer) -> None:
    api = bedrock(base_url=closed_port()).api
    with pytest.raises(Exception) as raised:
        asyncio.run(api.generate([ChatMessageUser(content="hi")], [], "none", GenerateConfig()))
    assert api.should_retry(raised.value)
    assert not api.is_rate_limit(raised.value)


def timed(response: ScriptedResponse, times: list[float]) -> Any:
    def respond(request: RecordedRequest) -> ScriptedResponse:
        times.append(time.monotonic())
        return response

    return respond


def test_throttling_is_retried_after_the_time_asked(server: FakeServer, tmp_path: Path) -> None:
    times: list[float] = []
    throttled = fake.error(429, "ThrottlingException", "Too many requests", {"Retry-After": "0.3"})
    server.enqueue(timed(throttled, times), timed(fake.text("ok"), times))
    model = bedrock()
    sample = only_sample(run(hi_task(), model, log_dir=str(tmp_path)))
    assert sample.output.completion == "ok"
    assert model_events(sample)[0].retries == 1
    assert times[1] - times[0] >= 0.3


@pytest.mark.parametrize(
    ("response", "retried", "rate_limit", "wait"),
    [
        (
            fake.error(429, "ThrottlingException", "Slow down.", {"Retry-After": "7"}),
            True,
            True,
            7.0,
        ),
        (fake.error(503, "ServiceUnavailableException", "Busy."), True, False, None),
        (fake.error(500, "InternalServerException", "Oops."), True, False, None),
        (fake.error(400, "ValidationException", "Bad."), False, False, None),
        (fake.error(403, "AccessDeniedException", "No access."), False, False, None),
    ],
)
def test_errors_are_classified(
    server: FakeServer,
    response: ScriptedResponse,
    retried: bool,
    rate_limit: bool,
    wait: float | None,
) -> None:
    api = bedrock().api
    server.enqueue(response)
    with pytest.raises(Exception) as raised:
        asyncio.run(api.generate([ChatMessageUser(content="hi")], [], "none", GenerateConfig()))
    assert api.should_retry(raised.value) is retried
    assert api.is_rate_limit(raised.value) is rate_limit
    assert api.retry_after(raised.value) == wait


@pytest.mark.parametrize(
    ("status", "code"),
    [(500, "InternalServerException"), (503, "ServiceUnavailableException"),
     (424, "ModelNotReadyException")],
)  # fmt: skip
def test_server_errors_are_retried(
    server: FakeServer, tmp_path: Path, status: int, code: str
) -> None:
    server.enqueue(fake.error(status, code, "Try again."), fake.text("ok"))
    sample = only_sample(run(hi_task(), bedrock(), log_dir=str(tmp_path)))
    assert sample.output.completion == "ok"
    assert model_events(sample)[0].retries == 1
    assert len(server.requests) == 2


def test_a_bad_request_fails_the_sample_with_the_vendors_message(
    server: FakeServer, tmp_path: Path
) -> None:
    server.enqueue(fake.error(400, "ValidationException", "Malformed input request: bad role"))
    log = run(hi_task(), bedrock(), log_dir=str(tmp_path), fail_on_error=False)
    sample = only_sample(log)
    assert sample.error is not None
    assert "Malformed input request: bad role" in sample.error.message
    assert len(server.requests) == 1


def test_a_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(ScriptedResponse(body={}, delay=2.0), fake.text("ok"))
    model = bedrock(config=GenerateConfig(attempt_timeout=1))
    sample = only_sample(run(hi_task(), model, log_dir=str(tmp_path)))
    assert sample.output.completion == "ok"
    assert model_events(sample)[0].retries == 1


def test_a_context_overflow_ends_the_sample_with_a_context_limit(
    server: FakeServer, tmp_path: Path
) -> None:
    server.enqueue(fake.error(400, "ValidationException", "Input is too long for requested model."))
    sample = only_sample(run(hi_task(), bedrock(), log_dir=str(tmp_path)))
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "context"
    assert len(server.requests) == 1


def test_model_args_go_to_the_client(server: FakeServer) -> None:
    keys = {"aws_access_key_id": "AKIDOTHER", "aws_secret_access_key": "other-secret"}
    model = bedrock(aws_session_token="session-token", region_name="eu-west-1", **keys)
    generate_once(model, "hi")
    headers = server.requests[0].headers
    assert headers["x-amz-security-token"] == "session-token"
    assert headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDOTHER/")
    assert "/eu-west-1/bedrock/" in headers["authorization"]


def test_missing_region_or_credentials_fail_at_model_creation(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "absent-config"))
    with pytest.raises(PrerequisiteError, match="AWS_DEFAULT_REGION"):
        bedrock()
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "absent-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    with pytest.raises(PrerequisiteError, match="AWS_ACCESS_KEY_ID"):
        bedrock()


def test_a_missing_package_is_one_line() -> None:
    code = (
        "import sys; sys.modules['boto3'] = None\n"
        "from inspect_ai.model import get_model\n"
        "try:\n    get_model('bedrock/x')\n"
        "except Exception as ex:\n    print(type(ex).__name__, ex)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    [line] = result.stdout.strip().splitlines()
    assert line.startswith("PrerequisiteError ") and line.endswith("pip install boto3")


def test_a_model_is_reused_across_evals(server: FakeServer, tmp_path: Path) -> None:
    model = bedrock()
    for _ in range(2):
        assert run(hi_task(), model, log_dir=str(tmp_path)).status == "success"
    assert len(server.requests) == 2


def grader_or_answer(request: RecordedRequest) -> ScriptedResponse:
    """Grades everything correct; answers questions briefly."""
    text = str(request.json["messages"])
    return fake.text("GRADE: C" if "GRADE: " in text else "Use strong, unique passwords.")


def test_cli_eval_of_the_security_guide(tmp_path: Path) -> None:
    with FakeServer(default=grader_or_answer) as server:
        env = {**os.environ, **fake.DUMMY_AWS_ENV, "BEDROCK_BASE_URL": server.url}
        for name in AWS_VARS_UNSET:
            env.pop(name, None)
        command = [
            sys.executable, "-m", "inspect_ai._cli.main", "eval",
            str(ROOT / "examples" / "security_guide" / "security_guide.py"),
            "--model", f"bedrock/{CLAUDE}", "--display", "none", "--limit", "2",
            "--log-dir", str(tmp_path),
        ]  # fmt: skip
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [log_file] = tmp_path.glob("*.eval")
    log = read_eval_log(str(log_file))
    assert log.status == "success"
    assert log.eval.model == f"bedrock/{CLAUDE}"
    assert log.samples is not None and len(log.samples) == 2
    assert all(s.scores and s.scores["model_graded_fact"].value == "C" for s in log.samples)
    assert len(server.requests) == 4
