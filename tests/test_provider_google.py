"""The ``google`` provider: the real ``google-genai`` client against a fake Gemini server."""

import base64
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.providers.google import errors as google_errors
from inspect_ai.model import (
    ChatMessageSystem,
    ChatMessageUser,
    ContentImage,
    ContentReasoning,
    ContentText,
    get_model,
)
from inspect_ai.solver import generate, system_message
from tests.fake_servers.google import function_call, generate_content, google_error, google_server
from tests.fake_servers.http import FakeServer
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

KEY = "google-test-key"
MODEL = "google/gemini-2.0-flash"
PACKAGE = "inspect_ai._model.providers.google"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_retries(monkeypatch)
    monkeypatch.setenv("GOOGLE_API_KEY", KEY)
    monkeypatch.delenv("GOOGLE_BASE_URL", raising=False)


def camel(value: Any) -> Any:
    """``value`` with snake-case keys in camel case (the SDK sends some fields either way,
    and the API accepts both)."""
    if isinstance(value, dict):
        return {re.sub(r"_([a-z])", lambda m: m.group(1).upper(), k): camel(v)
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, list):
        return [camel(item) for item in value]
    return value


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with google_server() as fake:
        yield fake


def test_plain_text(server: FakeServer, tmp_path: Path) -> None:
    usage = {"promptTokenCount": 12, "candidatesTokenCount": 3, "totalTokenCount": 15,
             "cachedContentTokenCount": 4}  # fmt: skip
    server.enqueue(generate_content("The answer is 3", usage=usage))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "The answer is 3"
    assert sample.output.stop_reason == "stop"
    [request] = server.requests
    assert request.method == "POST"
    assert request.path.endswith("/models/gemini-2.0-flash:generateContent")
    assert request.headers["x-goog-api-key"] == KEY
    assert request.json["contents"] == [{"role": "user", "parts": [{"text": "What is 1 + 2?"}]}]
    assert "systemInstruction" not in request.json
    usage_logged = sample.model_usage[MODEL]
    assert (usage_logged.input_tokens, usage_logged.output_tokens) == (12, 3)
    assert usage_logged.total_tokens == 15 and usage_logged.input_tokens_cache_read == 4
    [event] = model_events(sample)
    assert event.call is not None and event.retries is None
    assert event.call.request["contents"][0]["parts"] == [{"text": "What is 1 + 2?"}]
    assert event.call.response is not None and event.call.response["candidates"]
    assert KEY not in json.dumps(event.call.model_dump())


def test_system_message_and_config(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(generate_content("ok"))
    run_sample(
        MODEL, tmp_path, solver=[system_message("Be brief."), generate()],
        model_base_url=server.url, temperature=0.2, top_p=0.9, top_k=40, max_tokens=100,
        stop_seqs=["END"], seed=7, num_choices=1,
    )  # fmt: skip
    body = camel(server.requests[0].json)
    assert body["systemInstruction"]["parts"] == [{"text": "Be brief."}]
    assert [content["role"] for content in body["contents"]] == ["user"]
    assert body["generationConfig"] == {
        "temperature": 0.2, "topP": 0.9, "topK": 40, "maxOutputTokens": 100,
        "stopSequences": ["END"], "seed": 7, "candidateCount": 1,
    }  # fmt: skip


def test_tool_call_round_trip(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        generate_content(None, function_calls=[function_call("add", {"x": 1, "y": 2}, id="c1")]),
        generate_content("The sum is 3"),
    )
    sample = run_tools(MODEL, tmp_path, model_base_url=server.url)
    assert roles(sample) == "user assistant tool assistant"
    call = sample.messages[1].tool_calls[0]  # type: ignore[union-attr]
    assert (call.id, call.function, call.arguments) == ("c1", "add", {"x": 1, "y": 2})
    assert sample.messages[2].text == "3"
    assert sample.output.completion == "The sum is 3"
    first, second = (request.json for request in server.requests)
    [declaration] = first["tools"][0]["functionDeclarations"]
    assert declaration["name"] == "add" and declaration["description"] == "Add two numbers."
    schema = camel(declaration)["parametersJsonSchema"]
    assert schema["properties"]["x"] == {"type": "integer", "description": "First number."}
    assert schema["required"] == ["x", "y"] and schema["additionalProperties"] is False
    assert first["toolConfig"] == {"functionCallingConfig": {"mode": "AUTO"}}
    assert [content["role"] for content in second["contents"]] == ["user", "model", "user"]
    assert second["contents"][1]["parts"] == [
        {"functionCall": {"id": "c1", "name": "add", "args": {"x": 1, "y": 2}}}
    ]
    assert second["contents"][2]["parts"] == [
        {"functionResponse": {"id": "c1", "name": "add", "response": {"output": "3"}}}
    ]
    stop_reasons = [event.output.stop_reason for event in model_events(sample)]
    assert stop_reasons == ["tool_calls", "stop"]


def test_tool_call_without_id_gets_one(server: FakeServer) -> None:
    server.enqueue(generate_content(None, function_calls=[function_call("add", {"x": 1, "y": 2})]))
    model = get_model(MODEL, base_url=server.url)
    output = generate_once(model)
    [call] = output.message.tool_calls or []
    assert call.function == "add" and call.id.startswith("add_")
    assert output.stop_reason == "tool_calls"


def test_image_input(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(generate_content("red"))
    image = str(image_file(tmp_path))
    message = ChatMessageUser(content=[
        ContentText(text="What colour?"),
        ContentImage(image=image),
        ContentImage(image="https://example.com/cat.jpg"),
    ])  # fmt: skip
    run_sample(MODEL, tmp_path, input=[message], model_base_url=server.url)
    parts = server.requests[0].json["contents"][0]["parts"]
    assert parts[0] == {"text": "What colour?"}
    # (the SDK sends the bytes URL-safe base64 encoded)
    inline = camel(parts[1])["inlineData"]
    assert base64.urlsafe_b64decode(inline["data"]) == RED_PNG
    assert inline["mimeType"] == "image/png"
    assert camel(parts[2]) == {
        "fileData": {"fileUri": "https://example.com/cat.jpg", "mimeType": "image/jpeg"}
    }


@pytest.mark.parametrize(
    ("finish_reason", "stop_reason"),
    [("STOP", "stop"), ("MAX_TOKENS", "max_tokens"), ("SAFETY", "content_filter"),
     ("RECITATION", "content_filter"), ("OTHER", "unknown")],
)  # fmt: skip
def test_stop_reasons(server: FakeServer, finish_reason: str, stop_reason: str) -> None:
    server.enqueue(generate_content("partial", finish_reason=finish_reason))
    output = generate_once(get_model(MODEL, base_url=server.url))
    assert output.stop_reason == stop_reason
    assert output.completion == "partial"


def test_blocked_prompt(server: FakeServer) -> None:
    from tests.fake_servers.http import ScriptedResponse

    server.enqueue(ScriptedResponse(body={"promptFeedback": {"blockReason": "SAFETY"}}))
    output = generate_once(get_model(MODEL, base_url=server.url))
    assert output.stop_reason == "content_filter" and output.completion == ""


def test_reasoning_logprobs_and_choices(server: FakeServer) -> None:
    signature = base64.b64encode(b"sig").decode()
    thought = {"text": "Let me think.", "thought": True, "thoughtSignature": signature}
    logprobs = {
        "chosenCandidates": [{"token": "Hi", "logProbability": -0.1}],
        "topCandidates": [{"candidates": [{"token": "Hi", "logProbability": -0.1},
                                          {"token": "Hello", "logProbability": -2.3}]}],
    }  # fmt: skip
    usage = {"promptTokenCount": 5, "candidatesTokenCount": 2, "thoughtsTokenCount": 7,
             "totalTokenCount": 14}  # fmt: skip
    server.enqueue(
        generate_content("Hi", extra_parts=[thought], logprobs=logprobs, candidates=2, usage=usage),
        generate_content("again"),
    )
    model = get_model(MODEL, base_url=server.url)
    output = generate_once(model, logprobs=True, top_logprobs=2, num_choices=2, reasoning_tokens=64)
    assert len(output.choices) == 2
    content = output.message.content
    assert isinstance(content, list) and isinstance(content[0], ContentReasoning)
    assert content[0].reasoning == "Let me think." and content[0].signature == signature
    assert output.completion == "Hi"
    logprob = output.choices[0].logprobs.content[0]  # type: ignore[union-attr]
    assert (logprob.token, logprob.logprob) == ("Hi", -0.1)
    assert [top.token for top in logprob.top_logprobs or []] == ["Hi", "Hello"]
    assert output.usage is not None and output.usage.reasoning_tokens == 7
    assert output.usage.output_tokens == 9
    config = camel(server.requests[0].json["generationConfig"])
    assert config["responseLogprobs"] is True and config["logprobs"] == 2
    assert config["thinkingConfig"] == {"thinkingBudget": 64, "includeThoughts": True}
    # the thought (and its signature) goes back to the model in the next turn
    generate_once(
        model, [ChatMessageUser(content="Hi"), output.message, ChatMessageUser(content="Again")]
    )
    parts = camel(server.requests[1].json["contents"][1]["parts"])
    assert parts[0] == {"text": "Let me think.", "thought": True, "thoughtSignature": signature}
    assert parts[1] == {"text": "Hi"}


def test_rate_limit_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(google_error(429, "Resource has been exhausted (e.g. check quota)."),
                   generate_content("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok" and sample.error is None
    assert [event.retries for event in model_events(sample)] == [1]
    assert len(server.requests) == 2


def test_retry_after_is_honoured(server: FakeServer) -> None:
    server.enqueue(google_error(429, "Slow down.", headers={"Retry-After": "0.4"}),
                   generate_content("ok"))  # fmt: skip
    started = time.monotonic()
    assert generate_once(get_model(MODEL, base_url=server.url)).completion == "ok"
    assert time.monotonic() - started >= 0.4


def test_retry_delay_from_retry_info() -> None:
    from google.genai import errors

    details = [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "27s"}]
    body = {"error": {"code": 429, "message": "quota", "status": "RESOURCE_EXHAUSTED",
                      "details": details}}  # fmt: skip
    error = errors.ClientError(429, body)
    assert google_errors.retry_after(error) == 27.0
    assert google_errors.is_rate_limit(error) and google_errors.should_retry(error)


def test_server_error_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(google_error(500, "Internal error encountered."), generate_content("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_bad_request_fails_the_sample(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(google_error(400, "Invalid value at generation_config.temperature (at most 2)."))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is not None
    assert "Invalid value at generation_config.temperature (at most 2)." in sample.error.message
    assert len(server.requests) == 1


def test_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(generate_content("late", delay=3), generate_content("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url, attempt_timeout=1)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_context_overflow_is_a_context_limit(server: FakeServer, tmp_path: Path) -> None:
    message = (
        "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."
    )
    server.enqueue(google_error(400, message))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "context"


def test_base_url_from_the_environment(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_BASE_URL", server.url)
    server.enqueue(generate_content("from env"))
    model = get_model(MODEL, memoize=False)
    assert generate_once(model).completion == "from env"


def test_missing_key_fails_at_model_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOOGLE_API_KEY")
    with pytest.raises(PrerequisiteError, match="GOOGLE_API_KEY"):
        get_model(MODEL, memoize=False)


def test_system_messages_are_joined() -> None:
    from inspect_ai._model.providers.google.messages import google_contents

    contents, system = google_contents([
        ChatMessageSystem(content="One."), ChatMessageSystem(content="Two."),
        ChatMessageUser(content="Hi"),
    ])  # fmt: skip
    assert system == "One.\n\nTwo." and len(contents) == 1


def test_missing_package_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import sys

    for name in [name for name in sys.modules if name.startswith(PACKAGE)]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "google.genai", None)
    with pytest.raises(PrerequisiteError, match="pip install google-genai$"):
        importlib.import_module(f"{PACKAGE}.provider")


def test_security_guide_through_the_cli(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOOGLE_BASE_URL", server.url)
    log = cli_eval(MODEL, tmp_path)
    assert log.status == "success" and log.eval.model == MODEL
    assert log.samples is not None and len(log.samples) == 16
    requests = [r for r in server.requests if r.path.endswith(":generateContent")]
    assert len(requests) == 32  # an answer and a grading per sample
    assert all(request.headers["x-goog-api-key"] == KEY for request in requests)
    assert log.stats.model_usage[MODEL].input_tokens == 320
