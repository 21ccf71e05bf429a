"""Caching model calls: keys, hits and misses, expiry, corrupt entries, events and evals."""

import asyncio
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from inspect_ai import Task, eval
from inspect_ai._model.cache.expiry import expiry_seconds
from inspect_ai._sample.context import SampleContext, set_sample_context
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample
from inspect_ai.model import (
    CachePolicy,
    ChatMessage,
    ChatMessageSystem,
    ChatMessageUser,
    GenerateConfig,
    Model,
    ModelAPI,
    ModelOutput,
    ModelUsage,
    ToolFunction,
    ToolInfo,
    cache_path,
)
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import Tool, ToolCall, tool


class Counting(ModelAPI):
    """Answers "answer <n>" to the n-th call, counting the calls."""

    def __init__(self, model_name: str = "counter", base_url: str | None = None) -> None:
        super().__init__(model_name, base_url, config=GenerateConfig())
        self.calls = 0

    async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        self.calls += 1
        output = ModelOutput.from_content(self.model_name, f"answer {self.calls}")
        output.usage = ModelUsage(input_tokens=10, output_tokens=5, total_tokens=15)
        return output


def counting_model(
    base_url: str | None = None, model_args: dict[str, Any] | None = None
) -> tuple[Model, Counting]:
    api = Counting(base_url=base_url)
    return Model(api, GenerateConfig(), "counting", model_args), api


def generate_twice(
    first: dict[str, Any], second: dict[str, Any], model: Model | None = None
) -> tuple[ModelOutput, ModelOutput, int]:
    """Two calls of one model (keyword arguments of ``Model.generate``) and the API calls."""
    model, api = (model, model.api) if model is not None else counting_model()
    assert isinstance(api, Counting)

    async def main() -> tuple[ModelOutput, ModelOutput]:
        return await model.generate(**first), await model.generate(**second)

    one, two = asyncio.run(main())
    return one, two, api.calls


HELLO: dict[str, Any] = {"input": "Hello", "cache": True}


def entries() -> list[Path]:
    return sorted(path for path in cache_path().rglob("*") if path.is_file())


def test_a_second_identical_call_is_read_from_the_cache() -> None:
    one, two, calls = generate_twice(HELLO, HELLO)
    assert calls == 1
    assert one.completion == two.completion == "answer 1"
    assert one.usage == two.usage
    assert one.message.id != two.message.id  # each read gets new message ids
    [entry] = entries()
    assert entry.parent == cache_path("counting/counter")


def test_the_cache_lives_under_inspect_cache_dir(tmp_path: Path) -> None:
    assert cache_path() == tmp_path / "inspect-cache" / "generate"
    assert cache_path("openai/gpt-4o") == cache_path() / "openai" / "gpt-4o"
    assert cache_path("ollama/llama3:8b") == cache_path() / "ollama" / "llama3_8b"
    assert cache_path("x/../y") == cache_path() / "x" / "_" / "y"


def test_without_cache_nothing_is_cached() -> None:
    _, _, calls = generate_twice({"input": "Hello"}, {"input": "Hello"})
    assert calls == 2
    assert entries() == []


TOOL = ToolInfo(name="add", description="Add numbers.")


@pytest.mark.parametrize(
    "second",
    [
        {"input": "Hello!"},
        {"input": [ChatMessageSystem(content="Be brief."), ChatMessageUser(content="Hello")]},
        {"input": "Hello", "config": GenerateConfig(temperature=0.5)},
        {"input": "Hello", "config": GenerateConfig(system_message="Be brief.")},
        {"input": "Hello", "config": GenerateConfig(max_tokens=10)},
        {"input": "Hello", "tools": [TOOL]},
        {"input": "Hello", "tools": [TOOL], "tool_choice": ToolFunction(name="add")},
        {"input": "Hello", "cache": CachePolicy(scopes={"role": "red"})},
    ],
    ids=["prompt", "messages", "temperature", "system", "max_tokens", "tools", "choice", "scopes"],
)
def test_a_different_call_is_a_miss(second: dict[str, Any]) -> None:
    _, _, calls = generate_twice(HELLO, {"cache": True, **second})
    assert calls == 2


@pytest.mark.parametrize(
    "config",
    [
        GenerateConfig(max_retries=3, timeout=60, attempt_timeout=10),
        GenerateConfig(max_connections=3, max_tool_output=100),
    ],
)
def test_how_a_call_is_made_is_not_part_of_the_key(config: GenerateConfig) -> None:
    _, _, calls = generate_twice(HELLO, {**HELLO, "config": config})
    assert calls == 1


def test_the_base_url_and_model_args_are_part_of_the_key() -> None:
    for model, _ in [counting_model(base_url="http://x"), counting_model(model_args={"a": 1})]:
        _, _, calls = generate_twice(HELLO, HELLO, model)
        assert calls == 1
    _, _, calls = generate_twice(HELLO, HELLO)
    assert calls == 1
    assert len(entries()) == 3


def test_message_ids_are_not_part_of_the_key() -> None:
    first = {"input": [ChatMessageUser(content="Hello")], "cache": True}
    second = {"input": [ChatMessageUser(content="Hello")], "cache": True}
    assert first["input"][0].id != second["input"][0].id
    _, _, calls = generate_twice(first, second)
    assert calls == 1


def test_scopes_keep_separate_entries() -> None:
    model, api = counting_model()
    red, blue = CachePolicy(scopes={"team": "red"}), CachePolicy(scopes={"team": "blue"})

    async def main() -> list[str]:
        outputs = [await model.generate("Hello", cache=policy) for policy in [red, blue, red]]
        return [output.completion for output in outputs]

    assert asyncio.run(main()) == ["answer 1", "answer 2", "answer 1"]
    assert api.calls == 2


def in_epochs(model: Model, policy: CachePolicy, epochs: Sequence[int | None]) -> list[str]:
    """The completions of one call made in each of ``epochs`` (None: outside a sample)."""

    async def one(epoch: int | None) -> str:
        if epoch is not None:
            set_sample_context(SampleContext(epoch=epoch))
        return (await model.generate("Hello", cache=policy)).completion

    async def main() -> list[str]:
        return [await asyncio.create_task(one(epoch)) for epoch in epochs]

    return asyncio.run(main())


def test_calls_are_cached_per_epoch_by_default() -> None:
    model, api = counting_model()
    completions = in_epochs(model, CachePolicy(), [1, 2, 1, 2])
    assert completions == ["answer 1", "answer 2", "answer 1", "answer 2"]
    assert api.calls == 2


def test_calls_may_share_one_entry_across_epochs() -> None:
    model, api = counting_model()
    completions = in_epochs(model, CachePolicy(per_epoch=False), [1, 2, 3, None])
    assert completions == ["answer 1"] * 4
    assert api.calls == 1


def test_the_default_policy_expires_after_a_week(monkeypatch: pytest.MonkeyPatch) -> None:
    assert CachePolicy().expiry == "1W" and CachePolicy().per_epoch
    model, api = counting_model()
    asyncio.run(model.generate("Hello", cache=True))
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 6 * 24 * 3600)
    asyncio.run(model.generate("Hello", cache=True))
    assert api.calls == 1
    monkeypatch.setattr(time, "time", lambda: now + 8 * 24 * 3600)
    asyncio.run(model.generate("Hello", cache=True))
    assert api.calls == 2


def test_expiry_of_a_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    model, api = counting_model()
    hour, never = CachePolicy(expiry="1h"), CachePolicy(expiry=None, scopes={"n": "1"})
    now = time.time()

    def call_at(offset: float, policy: CachePolicy) -> str:
        monkeypatch.setattr(time, "time", lambda: now + offset)
        return asyncio.run(model.generate("Hello", cache=policy)).completion

    assert call_at(0, hour) == "answer 1"
    assert call_at(3599, hour) == "answer 1"
    assert call_at(3601, hour) == "answer 2"  # expired: called again, and stored again
    assert call_at(3700, hour) == "answer 2"
    assert call_at(0, never) == "answer 3"
    assert call_at(100 * 365 * 24 * 3600, never) == "answer 3"
    assert api.calls == 3


@pytest.mark.parametrize(
    ("expiry", "seconds"),
    [("30s", 30), ("5m", 300), ("1h", 3600), ("2D", 172800), ("1W", 604800),
     ("1M", 2592000), ("1Y", 31536000), (None, None)],
)  # fmt: skip
def test_expiry_units(expiry: str | None, seconds: int | None) -> None:
    assert expiry_seconds(expiry) == seconds
    assert CachePolicy(expiry=expiry).expiry == expiry


@pytest.mark.parametrize("expiry", ["1w", "1 week", "W", "1.5h", "-1D", ""])
def test_a_bad_expiry_is_refused(expiry: str) -> None:
    with pytest.raises(ValueError, match="Invalid cache expiry"):
        expiry_seconds(expiry)
    with pytest.raises(ValidationError, match="Invalid cache expiry"):
        CachePolicy(expiry=expiry)


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", b'{"created": 1, "expires": null}\n{"choices": 3}',
     b'{"created": 1, "expires": null}\n{"model": "m", "choi', b'[1]\n{}',
     b'{"created": "x", "expires": null}\n{}', b"\xff\xfe\n\xff"],
)  # fmt: skip
def test_a_corrupt_entry_is_a_miss_and_is_replaced(content: bytes) -> None:
    model, api = counting_model()
    asyncio.run(model.generate("Hello", cache=True))
    [entry] = entries()
    entry.write_bytes(content)
    assert asyncio.run(model.generate("Hello", cache=True)).completion == "answer 2"
    assert entries() == [entry]
    assert asyncio.run(model.generate("Hello", cache=True)).completion == "answer 2"
    assert api.calls == 2


def test_entries_are_written_atomically_leaving_no_temporary_files() -> None:
    model, _ = counting_model()

    async def main() -> None:
        await asyncio.gather(*(model.generate(f"Hello {n}", cache=True) for n in range(20)))

    asyncio.run(main())
    names = [path.name for path in entries()]
    assert len(names) == 20 and not [name for name in names if name.startswith(".")]


def test_an_unwritable_cache_only_warns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("INSPECT_CACHE_DIR", str(blocker))
    with caplog.at_level(logging.WARNING):
        _, _, calls = generate_twice(HELLO, HELLO)
    assert calls == 2
    assert "Could not write the model cache entry" in caplog.text


def test_the_config_may_ask_for_caching() -> None:
    model = Model(Counting(), GenerateConfig(cache=True), "counting")
    _, _, calls = generate_twice({"input": "Hello"}, {"input": "Hello"}, model)
    assert calls == 1
    # cache=False on the call leaves the config's policy in force; a policy replaces it
    expiring = {"input": "Hello", "cache": CachePolicy(scopes={"x": "y"})}
    _, _, calls = generate_twice(expiring, expiring, model)
    assert calls == 2


# --- in an eval ----------------------------------------------------------------------------


def run_eval(
    model: Model, tmp_path: Path, solver: Any, epochs: int = 1, samples: int = 1
) -> EvalLog:
    dataset = [Sample(input=f"Question {n}", target="x") for n in range(samples)]
    task = Task(dataset=dataset, solver=solver, epochs=epochs)
    [log] = eval(task, model=model, log_dir=str(tmp_path / "logs"), display="none")
    assert log.status == "success", log.error
    return log


def model_events(sample: EvalSample) -> list[Any]:
    return [event for event in sample.events if event.event == "model"]


def test_events_record_cache_reads_and_writes(tmp_path: Path) -> None:
    model, api = counting_model()
    first = run_eval(model, tmp_path, generate(cache=True))
    second = run_eval(model, tmp_path, generate(cache=True))
    assert api.calls == 1
    [written] = model_events((first.samples or [])[0])
    [read] = model_events((second.samples or [])[0])
    assert written.cache == "write" and read.cache == "read"
    assert written.output.completion == read.output.completion == "answer 1"
    assert read.working_time == 0 and read.retries is None
    [sample] = second.samples or []
    assert sample.output.completion == "answer 1"
    # usage of a cached call counts for the sample, as if the call were made
    assert sample.model_usage["counting/counter"].total_tokens == 15


def test_uncached_calls_record_no_cache(tmp_path: Path) -> None:
    model, _ = counting_model()
    log = run_eval(model, tmp_path, generate())
    [event] = model_events((log.samples or [])[0])
    assert event.cache is None


@pytest.mark.parametrize(
    ("cache", "calls"), [(CachePolicy(per_epoch=False), 2), (True, 4), (False, 4)]
)
def test_epochs_of_an_eval(tmp_path: Path, cache: bool | CachePolicy, calls: int) -> None:
    model, api = counting_model()
    log = run_eval(model, tmp_path, generate(cache=cache), epochs=2, samples=2)
    assert api.calls == calls
    if calls == 2:
        by_epoch = {(s.id, s.epoch): s.output.completion for s in log.samples or []}
        assert by_epoch[(1, 1)] == by_epoch[(1, 2)] and by_epoch[(2, 1)] == by_epoch[(2, 2)]


@tool
def double() -> Tool:
    async def execute(x: int) -> int:
        """Double a number.

        Args:
            x: The number.
        """
        return 2 * x

    return execute


class ToolCalling(Counting):
    """Calls ``double`` first, then answers with the tool's result."""

    async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        self.calls += 1
        last: ChatMessage = input[-1]
        if last.role == "tool":
            return ModelOutput.from_content(self.model_name, f"doubled: {last.text}")
        call = ToolCall(id=f"call_{self.calls}", function="double", arguments={"x": 21})
        return ModelOutput.for_tool_call(self.model_name, call.function, call.arguments, call.id)


def test_the_tool_loop_is_cached_call_by_call(tmp_path: Path) -> None:
    api = ToolCalling()
    model = Model(api, GenerateConfig(), "counting")
    solver = [use_tools(double()), generate(cache=CachePolicy(per_epoch=False))]
    log = run_eval(model, tmp_path, solver, epochs=3)
    assert api.calls == 2  # the first epoch's two calls; the others read both
    for sample in log.samples or []:
        assert sample.output.completion == "doubled: 42"
        assert [event.cache for event in model_events(sample)] == (
            ["write", "write"] if sample.epoch == 1 else ["read", "read"]
        )


def test_the_solver_records_its_cache_argument(tmp_path: Path) -> None:
    model, _ = counting_model()
    log = run_eval(model, tmp_path, generate(cache=CachePolicy(expiry="1D")))
    [step] = log.plan.steps
    assert step.params["cache"] == {"expiry": "1D", "per_epoch": True, "scopes": {}}
