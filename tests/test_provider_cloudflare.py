"""The ``cf`` provider: Cloudflare Workers AI (REST) against a fake server."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai.model import ChatMessageUser, ContentImage, ContentText, get_model
from inspect_ai.solver import generate, system_message
from tests.fake_servers.cloudflare import cloudflare_error, run_result, tool_call
from tests.fake_servers.http import FakeServer
from tests.provider_cases import (
    cli_eval,
    fast_retries,
    generate_once,
    model_events,
    roles,
    run_sample,
    run_tools,
)

TOKEN = "cf-test-token"
MODEL = "cf/meta/llama-3.1-8b-instruct"
PATH = "/@cf/meta/llama-3.1-8b-instruct"


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_retries(monkeypatch)
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", TOKEN)
    monkeypatch.setenv("CLOUDFLARE_ACCOUNT_ID", "acct")
    monkeypatch.delenv("CLOUDFLARE_BASE_URL", raising=False)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer() as fake:
        yield fake


def test_plain_text_with_system_message(server: FakeServer, tmp_path: Path) -> None:
    usage = {"prompt_tokens": 20, "completion_tokens": 4, "total_tokens": 24}
    server.enqueue(run_result("The answer is 3", usage=usage))
    sample = run_sample(
        MODEL, tmp_path, solver=[system_message("Be brief."), generate()],
        model_base_url=server.url, temperature=0.3, max_tokens=50, top_k=5, stop_seqs=["x"],
    )  # fmt: skip
    assert sample.output.completion == "The answer is 3"
    assert sample.output.stop_reason == "stop"
    [request] = server.requests
    assert request.path == PATH and request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.json == {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "What is 1 + 2?"},
        ],
        "temperature": 0.3, "max_tokens": 50, "top_k": 5,
    }  # fmt: skip
    assert sample.model_usage[MODEL].total_tokens == 24
    [event] = model_events(sample)
    assert event.call is not None and TOKEN not in json.dumps(event.call.model_dump())


def test_tool_call_round_trip(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(
        run_result(None, tool_calls=[tool_call("add", {"x": 1, "y": 2})]),
        run_result("The sum is 3"),
    )
    sample = run_tools(MODEL, tmp_path, model_base_url=server.url)
    assert roles(sample) == "user assistant tool assistant"
    assert sample.output.completion == "The sum is 3"
    first, second = (request.json for request in server.requests)
    assert first["tools"][0]["function"]["name"] == "add"
    call_id = sample.messages[1].tool_calls[0].id  # type: ignore[union-attr]
    assert second["messages"][1]["tool_calls"][0]["function"]["name"] == "add"
    assert second["messages"][2] == {
        "role": "tool", "content": "3", "tool_call_id": call_id, "name": "add"
    }  # fmt: skip


def test_rate_limit_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(cloudflare_error(429, "Capacity temporarily exceeded", code=3040),
                   run_result("ok"))  # fmt: skip
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_bad_request_fails_the_sample(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(cloudflare_error(400, "AiError: Bad input: must have required property"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.error is not None
    assert "AiError: Bad input: must have required property" in sample.error.message
    assert len(server.requests) == 1


def test_timeout_is_retried(server: FakeServer, tmp_path: Path) -> None:
    server.enqueue(run_result("late", delay=3), run_result("ok"))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url, attempt_timeout=1)
    assert sample.output.completion == "ok"
    assert [event.retries for event in model_events(sample)] == [1]


def test_context_overflow_is_a_context_limit(server: FakeServer, tmp_path: Path) -> None:
    message = "AiError: The estimated number of input and maximum output tokens (9000) exceeded this model context window limit (8192)."  # noqa: E501
    server.enqueue(cloudflare_error(400, message, code=5021))
    sample = run_sample(MODEL, tmp_path, model_base_url=server.url)
    assert sample.limit is not None and sample.limit.type == "context"


def test_images_are_refused(server: FakeServer, tmp_path: Path) -> None:
    message = ChatMessageUser(
        content=[ContentText(text="Colour?"), ContentImage(image="https://example.com/a.png")]
    )
    sample = run_sample(MODEL, tmp_path, input=[message], model_base_url=server.url)
    assert sample.error is not None and "text only" in sample.error.message


def test_default_base_url_names_the_account() -> None:
    model = get_model(MODEL, memoize=False)
    assert model.api.base_url == "https://api.cloudflare.com/client/v4/accounts/acct/ai/run"


def test_base_url_from_the_environment(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", server.url)
    monkeypatch.delenv("CLOUDFLARE_ACCOUNT_ID")
    server.enqueue(run_result("from env"))
    assert generate_once(get_model(MODEL, memoize=False)).completion == "from env"


def test_missing_token_fails_at_model_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDFLARE_API_TOKEN")
    with pytest.raises(PrerequisiteError, match="CLOUDFLARE_API_TOKEN"):
        get_model(MODEL, memoize=False)


def test_security_guide_through_the_cli(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.default = lambda request: run_result("GRADE: C")
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", server.url)
    log = cli_eval(MODEL, tmp_path)
    assert log.status == "success" and log.results is not None
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert len(server.requests) == 32
