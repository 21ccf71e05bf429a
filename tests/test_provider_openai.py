"""The ``openai`` provider against a fake Chat Completions server, with the real client."""

import asyncio
import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspect_ai import Task, eval
from inspect_ai._cli.main import inspect
from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.connections import connection_stats
from inspect_ai._solver.use_tools import use_tools
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, read_eval_log
from inspect_ai.model import (
    ChatMessageSystem,
    ChatMessageUser,
    ContentImage,
    ContentText,
    GenerateConfig,
    Model,
    ModelOutput,
    get_model,
)
from inspect_ai.scorer import includes
from inspect_ai.solver import generate
from inspect_ai.tool import Tool, tool
from tests.fake_servers.http import FakeServer
from tests.fake_servers.openai import (
    chat_completion,
    openai_error,
    openai_server,
    tool_call,
)

REPO = Path(__file__).resolve().parents[1]
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """A fake OpenAI server that OPENAI_BASE_URL points at (key ``test``)."""
    for name in ("AZUREAI_OPENAI_API_KEY", "AZUREAI_OPENAI_BASE_URL", "OPENAI_API_VERSION"):
        monkeypatch.delenv(name, raising=False)
    with openai_server() as fake:
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        monkeypatch.setenv("OPENAI_BASE_URL", f"{fake.url}/v1")
        yield fake


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries wait 10 ms (unless the server asks for longer); models made by name in other
    tests (with other servers in the environment) are not reused."""
    monkeypatch.setattr("inspect_ai._model.retry.backoff", lambda attempt: 0.01)
    monkeypatch.setattr("inspect_ai._model.get_model._memo", {})


def model(name: str = "openai/gpt-4o-mini", **args: Any) -> Model:
    return get_model(name, memoize=False, **args)


def generate_once(model: Model, input: Any, **kwargs: Any) -> ModelOutput:
    async def run() -> ModelOutput:
        return await model.generate(input, **kwargs)

    return asyncio.run(run())


def run_task(task: Task, tmp_path: Path, **kwargs: Any) -> EvalLog:
    options = {"max_retries": 5, **kwargs}  # a bug fails the test rather than retrying forever
    [log] = eval(task, model="openai/gpt-4o-mini", log_dir=str(tmp_path), display="none", **options)
    return log


def only_sample(log: EvalLog) -> EvalSample:
    [sample] = log.samples or []
    return sample


def model_events(sample: EvalSample) -> list[Any]:
    return [event for event in sample.events if event.event == "model"]


def test_plain_text(server: FakeServer) -> None:
    output = generate_once(model(), "Hi there")
    assert output.completion == "Use strong, unique passwords."
    assert output.stop_reason == "stop"
    assert output.model == "gpt-4o-mini"
    assert output.usage is not None and output.usage.total_tokens == 15
    [request] = server.requests
    assert (request.method, request.path) == ("POST", "/v1/chat/completions")
    assert request.headers["authorization"] == "Bearer test"
    assert request.json == {
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Hi there"}],
    }


def test_system_message_and_config(server: FakeServer) -> None:
    config = GenerateConfig(
        temperature=0.5, top_p=0.9, max_tokens=100, stop_seqs=["END"], seed=7, num_choices=2,
        frequency_penalty=0.1, presence_penalty=0.2, logprobs=True, top_logprobs=3,
        logit_bias={"42": -1.0}, top_k=5, max_retries=3, timeout=60, max_connections=4,
    )  # fmt: skip
    messages = [ChatMessageSystem(content="Be brief."), ChatMessageUser(content="Hi")]
    generate_once(model(), messages, config=config)
    assert server.requests[0].json == {
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi"},
        ],
        "max_tokens": 100,
        "temperature": 0.5,
        "top_p": 0.9,
        "stop": ["END"],
        "seed": 7,
        "n": 2,
        "frequency_penalty": 0.1,
        "presence_penalty": 0.2,
        "logit_bias": {"42": -1.0},
        "logprobs": True,
        "top_logprobs": 3,
    }  # no top_k (OpenAI has none) and no connection options


def test_config_system_message_is_sent(server: FakeServer) -> None:
    generate_once(model(config=GenerateConfig(system_message="You are terse.")), "Hi")
    assert server.requests[0].json["messages"][0] == {"role": "system", "content": "You are terse."}


def test_reasoning_models_take_max_completion_tokens_and_developer_messages(
    server: FakeServer,
) -> None:
    config = GenerateConfig(max_tokens=500, reasoning_effort="low")
    generate_once(model("openai/o3-mini"), "Q", config=config)
    generate_once(model("openai/o3-mini"), [ChatMessageSystem(content="S")], config=config)
    first, second = (request.json for request in server.requests)
    assert first["max_completion_tokens"] == 500 and "max_tokens" not in first
    assert first["reasoning_effort"] == "low"
    assert second["messages"] == [{"role": "developer", "content": "S"}]
    generate_once(model(), "Q", config=config)
    assert "reasoning_effort" not in server.requests[2].json  # not for gpt-4o-mini


def test_response_schema_and_extra_body(server: FakeServer) -> None:
    from inspect_ai._model.generate_config import ResponseSchema
    from inspect_ai._tool.info import JSONSchema

    schema = ResponseSchema(name="answer", json_schema=JSONSchema(type="object"), strict=True)
    config = GenerateConfig(response_schema=schema, extra_body={"user": "u1", "store": False})
    generate_once(model(), "Hi", config=config)
    body = server.requests[0].json
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "answer", "schema": {"type": "object"}, "strict": True},
    }
    assert (body["user"], body["store"]) == ("u1", False)


def test_image_input_as_data_uri(server: FakeServer, tmp_path: Path) -> None:
    picture = tmp_path / "picture.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    content = [
        ContentText(text="What is this?"),
        ContentImage(image=f"data:image/png;base64,{PNG}", detail="low"),
        ContentImage(image=str(picture)),
        ContentImage(image="https://example.com/cat.jpg"),
    ]
    generate_once(model(), [ChatMessageUser(content=content)])
    [message] = server.requests[0].json["messages"]
    assert message["content"] == [
        {"type": "text", "text": "What is this?"},
        {
            "type": "image_url",
            "image_url": {"url": f"data:image/png;base64,{PNG}", "detail": "low"},
        },
        {
            "type": "image_url",
            "image_url": {"url": f"data:image/png;base64,{PNG}", "detail": "auto"},
        },
        {
            "type": "image_url",
            "image_url": {"url": "https://example.com/cat.jpg", "detail": "auto"},
        },
    ]


def test_usage_with_cached_and_reasoning_tokens(server: FakeServer) -> None:
    usage = {
        "prompt_tokens": 100, "completion_tokens": 40, "total_tokens": 140,
        "prompt_tokens_details": {"cached_tokens": 60},
        "completion_tokens_details": {"reasoning_tokens": 25},
    }  # fmt: skip
    server.enqueue(chat_completion("ok", usage=usage))
    output = generate_once(model(), "Hi")
    assert output.usage is not None
    assert output.usage.model_dump(exclude_none=True) == {
        "input_tokens": 40,
        "output_tokens": 40,
        "total_tokens": 140,
        "input_tokens_cache_read": 60,
        "reasoning_tokens": 25,
    }


@pytest.mark.parametrize(
    ("finish_reason", "stop_reason"),
    [
        ("stop", "stop"),
        ("length", "max_tokens"),
        ("content_filter", "content_filter"),
        ("tool_calls", "tool_calls"),
        ("something_new", "unknown"),
    ],
)
def test_stop_reasons(server: FakeServer, finish_reason: str, stop_reason: str) -> None:
    server.enqueue(chat_completion("partial", finish_reason=finish_reason))
    assert generate_once(model(), "Hi").stop_reason == stop_reason


def test_choices_logprobs_and_refusal(server: FakeServer) -> None:
    logprobs = {
        "content": [
            {"token": "Hi", "logprob": -0.1, "bytes": [72, 105],
             "top_logprobs": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]},
                              {"token": "Yo", "logprob": -2.5, "bytes": None}]},
        ]
    }  # fmt: skip
    server.enqueue(chat_completion("Hi", logprobs=logprobs, choices=2))
    output = generate_once(model(), "Hi", config=GenerateConfig(num_choices=2, logprobs=True))
    assert len(output.choices) == 2
    logprob = output.choices[0].logprobs
    assert logprob is not None and logprob.content[0].token == "Hi"
    assert [top.token for top in logprob.content[0].top_logprobs or []] == ["Hi", "Yo"]
    server.enqueue(chat_completion(None, extra_message={"refusal": "I can't help with that."}))
    refused = generate_once(model(), "Something bad")
    assert refused.completion == "I can't help with that."
    assert isinstance(refused.message.content, list) and refused.message.content[0].refusal


@tool
def add() -> Tool:
    async def execute(x: int, y: int) -> int:
        """Add two numbers.

        Args:
            x: First number.
            y: Second number.
        """
        return x + y

    return execute


def tool_task() -> Task:
    return Task(
        dataset=[Sample(input="What is 1 + 2?", target="3")],
        solver=[use_tools(add()), generate()],
        scorer=includes(),
    )


def test_tool_call_round_trip_through_eval(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        chat_completion("Let me add.", tool_calls=[tool_call("add", {"x": 1, "y": 2}, "call_a")]),
        chat_completion("The answer is 3."),
    )
    log = run_task(tool_task(), tmp_path)
    assert log.status == "success"
    sample = only_sample(log)
    assert [m.role for m in sample.messages] == ["user", "assistant", "tool", "assistant"]
    assert sample.messages[2].text == "3"
    assert sample.output.completion == "The answer is 3."
    first, second = (request.json for request in server.requests)
    assert first["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "add",
                "description": "Add two numbers.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "x": {"type": "integer", "description": "First number."},
                        "y": {"type": "integer", "description": "Second number."},
                    },
                    "required": ["x", "y"],
                    "additionalProperties": False,
                },
            },
        }
    ]
    assert first["tool_choice"] == "auto"
    assert second["messages"][1:] == [
        {
            "role": "assistant",
            "content": "Let me add.",
            "tool_calls": [
                {
                    "id": "call_a",
                    "type": "function",
                    "function": {"name": "add", "arguments": '{"x": 1, "y": 2}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_a", "content": "3"},
    ]
    first_event, _ = model_events(sample)
    assert first_event.call.request == first  # what was sent is what the log holds
    assert first_event.call.response["choices"][0]["finish_reason"] == "tool_calls"


def test_tool_choice_and_parallel_tool_calls(server: FakeServer) -> None:
    from inspect_ai.tool import ToolFunction, ToolInfo

    info = ToolInfo(name="add", description="Add.")
    config = GenerateConfig(parallel_tool_calls=False)
    for choice, sent in [("any", "required"), ("none", "none")]:
        generate_once(model(), "Hi", tools=[info], tool_choice=choice, config=config)
        assert server.requests[-1].json["tool_choice"] == sent
    generate_once(model(), "Hi", tools=[info], tool_choice=ToolFunction(name="add"))
    body = server.requests[-1].json
    assert body["tool_choice"] == {"type": "function", "function": {"name": "add"}}
    assert server.requests[0].json["parallel_tool_calls"] is False


def test_bad_tool_arguments_are_reported_to_the_model(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        chat_completion("", tool_calls=[tool_call("add", '{"x": 1, "y": ', "call_b")]),
        chat_completion("Sorry, 3."),
    )
    log = run_task(tool_task(), tmp_path)
    sample = only_sample(log)
    tool_message = sample.messages[2]
    assert tool_message.role == "tool" and tool_message.error is not None
    assert tool_message.error.type == "parsing"
    sent = server.requests[1].json["messages"][2]
    assert sent["role"] == "tool" and sent["content"].startswith("Error: ")


def test_rate_limit_retried_after_retry_after(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        openai_error(429, "Rate limit reached for gpt-4o-mini.", type="requests",
                     code="rate_limit_exceeded", headers={"retry-after": "0.3"}),
        chat_completion("The answer is 3."),
    )  # fmt: skip
    log = run_task(tool_task(), tmp_path)
    assert log.status == "success"
    [event] = model_events(only_sample(log))
    assert event.retries == 1
    first, second = server.requests
    assert second.received - first.received >= 0.3  # the server's wait, not the 10 ms backoff


def test_rate_limit_retries_are_counted(server: FakeServer) -> None:
    server.enqueue(openai_error(429, "Slow down.", headers={"retry-after-ms": "10"}))

    async def run() -> int:
        await model().generate("Hi")
        return sum(pool.rate_limit_retries for pool in connection_stats())

    assert asyncio.run(run()) == 1


def test_server_error_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        openai_error(500, "The server had an error.", type="server_error"),
        openai_error(503, "Overloaded.", type="server_error"),
        chat_completion("The answer is 3."),
    )
    log = run_task(tool_task(), tmp_path)
    assert log.status == "success"
    [event] = model_events(only_sample(log))
    assert event.retries == 2 and len(server.requests) == 3


def test_bad_request_fails_the_sample_with_the_vendor_message(
    server: FakeServer, tmp_path: Path
) -> None:
    server.enqueue(
        openai_error(
            400, "Invalid value for 'temperature': must be at most 2.", param="temperature"
        )
    )
    log = run_task(tool_task(), tmp_path, temperature=5)
    assert log.status == "error" and log.error is not None
    assert "Invalid value for 'temperature': must be at most 2." in log.error.message
    assert len(server.requests) == 1  # not retried
    [event] = model_events(only_sample(log))
    assert "must be at most 2" in (event.error or "")


def test_exhausted_quota_is_not_retried(server: FakeServer) -> None:
    server.enqueue(openai_error(429, "You exceeded your quota.", code="insufficient_quota"))
    with pytest.raises(Exception, match="You exceeded your quota"):
        generate_once(model(), "Hi")
    assert len(server.requests) == 1


def test_attempt_timeout_then_retry(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("too late", delay=2.5), chat_completion("The answer is 3."))
    log = run_task(tool_task(), tmp_path, attempt_timeout=1)
    assert log.status == "success"
    [event] = model_events(only_sample(log))
    assert event.retries == 1 and event.output.completion == "The answer is 3."


def test_timeout_fails_when_retries_run_out(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(chat_completion("too late", delay=2.5))
    log = run_task(tool_task(), tmp_path, attempt_timeout=1, max_retries=0)
    assert log.status == "error" and log.error is not None
    assert "timed out" in log.error.message.lower()


def test_context_length_error_ends_the_sample_with_a_context_limit(
    server: FakeServer, tmp_path: Path
) -> None:
    message = "This model's maximum context length is 128000 tokens. However, you requested 200000."
    server.enqueue(openai_error(400, message, code="context_length_exceeded", param="messages"))
    log = run_task(tool_task(), tmp_path)
    assert log.status == "success"
    sample = only_sample(log)
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "context"
    assert "maximum context length is 128000" in (sample.limit.reason or "")


def test_base_url_argument_overrides_the_environment(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    output = generate_once(model(base_url=f"{server.url}/v1"), "Hi")
    assert output.completion and len(server.requests) == 1


def test_model_args_go_to_the_client(server: FakeServer) -> None:
    generate_once(model(default_headers={"X-Team": "evals"}, organization="org-1"), "Hi")
    headers = server.requests[0].headers
    assert headers["x-team"] == "evals" and headers["openai-organization"] == "org-1"
    with pytest.raises(ValueError, match="Unknown model args for 'openai': colour"):
        model(colour="blue")


def test_the_key_is_kept_out_of_connection_keys_and_calls(server: FakeServer) -> None:
    secret = "sk-very-secret"
    api = model(api_key=secret).api
    assert secret not in api.connection_key()
    assert api.connection_key() != model(api_key="other").api.connection_key()
    server.enqueue(chat_completion("ok"))

    async def run() -> Any:
        return await api.generate([ChatMessageUser(content="Hi")], [], "none", GenerateConfig())

    _, call = asyncio.run(run())
    assert secret not in call.model_dump_json()
    assert server.requests[0].headers["authorization"] == f"Bearer {secret}"


def test_azure_openai(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZUREAI_OPENAI_API_KEY", "azure-key")
    monkeypatch.setenv("AZUREAI_OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_VERSION", "2024-06-01")
    output = generate_once(model("openai/my-gpt4-deployment"), "Hi")
    assert output.completion
    [request] = server.requests
    assert request.path == "/openai/deployments/my-gpt4-deployment/chat/completions"
    assert request.query["api-version"] == ["2024-06-01"]
    assert request.headers["api-key"] == "azure-key"
    generate_once(model("openai/gpt-4o-mini", azure=False), "Hi")
    assert server.requests[1].path == "/v1/chat/completions"


def test_azure_openai_needs_a_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZUREAI_OPENAI_API_KEY", "azure-key")
    monkeypatch.delenv("AZUREAI_OPENAI_BASE_URL", raising=False)
    with pytest.raises(PrerequisiteError, match="set AZUREAI_OPENAI_BASE_URL"):
        model()


def test_missing_key_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("OPENAI_API_KEY", "AZUREAI_OPENAI_API_KEY", "AZUREAI_OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(PrerequisiteError, match="set OPENAI_API_KEY"):
        model()
    task_file = REPO / "examples" / "security_guide" / "security_guide.py"
    result = CliRunner().invoke(
        inspect,
        ["eval", str(task_file), "--model", "openai/gpt-4o-mini", "--display", "none",
         "--log-dir", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines == [
        "Error: No API key for 'openai': set OPENAI_API_KEY (in the environment or a .env file)."
    ]


def test_missing_package_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setitem(sys.modules, "openai", None)  # `import openai` now fails
    for name in ("openai", "together", "vllm"):
        with pytest.raises(PrerequisiteError) as raised:
            model(f"{name}/some-model")
        assert str(raised.value) == (
            f"The '{name}' provider requires the openai package: pip install openai"
        )


def test_security_guide_through_the_cli(server: FakeServer, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "OPENAI_API_KEY": "test",
        "OPENAI_BASE_URL": f"{server.url}/v1",
    }
    command = [
        str(Path(sys.executable).parent / "inspect"), "eval",
        "examples/security_guide/security_guide.py", "--model", "openai/gpt-4o-mini",
        "--display", "none", "--log-dir", str(tmp_path),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""  # (no unclosed-client noise either)
    [log_file] = tmp_path.glob("*.eval")
    log = read_eval_log(str(log_file))
    assert log.status == "success" and log.eval.model == "openai/gpt-4o-mini"
    assert log.samples is not None and len(log.samples) == 16
    assert log.results is not None
    assert log.results.scores[0].metrics["accuracy"].value == 1.0  # the grader said GRADE: C
    events = model_events(log.samples[0])
    assert len(events) == 2  # the answer and the grading
    assert events[0].call.request["model"] == "gpt-4o-mini"
    assert len(server.requests) == 32
    firsts = [request.json["messages"][0] for request in server.requests]
    answers = [first for first in firsts if first["role"] == "system"]
    assert len(answers) == 16 and "computer security expert" in answers[0]["content"]
    assert all(r.headers["authorization"] == "Bearer test" for r in server.requests)
    assert log.stats.model_usage["openai/gpt-4o-mini"].input_tokens == 320
