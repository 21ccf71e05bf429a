"""The data model: JSON conventions, unknown keys, legacy shapes, events and helpers."""

import json
import math
from datetime import UTC, datetime

import pytest
from pydantic import BaseModel, TypeAdapter

from inspect_ai._log.model.sample import expand_pools
from inspect_ai.dataset import Sample
from inspect_ai.log import (
    EvalLog,
    EvalSample,
    Event,
    InfoEvent,
    JsonChange,
    ModelEvent,
    StateEvent,
    ToolEvent,
)
from inspect_ai.model import (
    ChatMessageAssistant,
    ChatMessageUser,
    ContentImage,
    ContentText,
    GenerateConfig,
    ModelOutput,
    ModelUsage,
)
from inspect_ai.scorer import Score
from inspect_ai.util import StoreModel

events = TypeAdapter(list[Event])


def test_none_valued_keys_are_omitted_and_field_order_is_kept() -> None:
    message = ChatMessageAssistant(id="m1", content="hi", source="generate", model="x")
    text = message.model_dump_json(exclude_none=True)
    assert text == '{"id":"m1","content":"hi","source":"generate","role":"assistant","model":"x"}'


def test_non_finite_floats_are_bare_tokens() -> None:
    score = Score(value=float("nan"))
    assert score.model_dump_json(exclude_none=True) == '{"value":NaN,"history":[]}'
    back = Score.model_validate_json('{"value": Infinity}')
    assert back.value == math.inf


def test_unknown_keys_from_newer_writers_are_ignored() -> None:
    data = {"id": 1, "epoch": 1, "input": "q", "target": "a", "brand_new_field": {"x": 1}}
    sample = EvalSample.model_validate(data)
    assert "brand_new_field" not in sample.model_dump()


def test_timestamps_are_written_with_an_explicit_utc_offset() -> None:
    event = InfoEvent(data={"a": 1}, timestamp=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert '"timestamp":"2026-01-02T03:04:05+00:00"' in event.model_dump_json()


def test_events_are_a_union_discriminated_on_event() -> None:
    parsed = events.validate_python(
        [
            {"event": "info", "timestamp": "2026-01-01T00:00:00+00:00", "data": "x"},
            {"event": "state", "timestamp": "2026-01-01T00:00:00+00:00",
             "changes": [{"op": "replace", "path": "/a", "from": "/b", "value": 1}]},
            {"event": "tool", "timestamp": "2026-01-01T00:00:00+00:00", "id": "c1",
             "function": "add", "arguments": {"x": 1}, "result": [{"type": "text", "text": "2"}]},
        ]
    )  # fmt: skip
    assert [type(e) for e in parsed] == [InfoEvent, StateEvent, ToolEvent]
    change = parsed[1].changes[0]  # type: ignore[union-attr]
    assert isinstance(change, JsonChange) and change.from_ == "/b"
    assert '"from":"/b"' in change.model_dump_json(by_alias=True)
    tool = parsed[2]
    assert isinstance(tool, ToolEvent) and isinstance(tool.result, list)


def test_condensed_model_events_are_expanded_from_the_pools() -> None:
    stored = EvalSample.model_validate(
        {
            "id": 1, "epoch": 1, "input": "q", "target": "a",
            "events": [{
                "event": "model", "timestamp": "2026-01-01T00:00:00+00:00", "model": "m",
                "input": [], "input_refs": [[0, 2], [3, 4]], "tools": [], "tool_choice": "none",
                "config": {}, "output": {"model": "m"},
                "call": {"request": {"model": "m"}, "call_refs": [[1, 2]], "call_key": "messages"},
            }],
            "events_data": {
                "messages": [{"role": "user", "content": str(i)} for i in range(4)],
                "calls": [{"c": 0}, {"c": 1}],
            },
        }
    )  # fmt: skip
    assert stored.events_data is not None
    sample = expand_pools(stored)
    event = sample.events[0]
    assert isinstance(event, ModelEvent)
    assert [m.text for m in event.input] == ["0", "1", "3"]
    assert event.input_refs is None
    assert event.call is not None and event.call.request["messages"] == [{"c": 1}]
    assert sample.events_data is None


def test_legacy_stop_reason_and_missing_completion() -> None:
    output = ModelOutput.model_validate(
        {"model": "m", "choices": [{"message": {"role": "assistant", "content": "Yes"},
                                    "stop_reason": "length"}]}
    )  # fmt: skip
    assert output.stop_reason == "max_tokens"
    assert output.completion == "Yes"


def test_legacy_results_shapes_migrate_to_scores() -> None:
    v1 = {
        "scorer": {"name": "match", "params": {}},
        "metrics": {"accuracy": {"name": "accuracy", "value": 1, "options": {}}},
    }
    mid = {"scorers": [{"name": "match", "params": {}, "metrics": {}}]}
    for results in (v1, mid):
        log = EvalLog.model_validate({"eval": {"task": "t"}, "results": results})
        assert log.results is not None
        assert [s.name for s in log.results.scores] == ["match"]


def test_score_value_helpers() -> None:
    assert Score(value="C").as_str() == "C"
    assert Score(value=3).as_int() == 3
    assert Score(value=3).as_float() == 3.0
    assert Score(value=True).as_bool() is True
    assert Score(value=[1, "a"]).as_list() == [1, "a"]
    assert Score(value={"a": 1}).as_dict() == {"a": 1}
    with pytest.raises(ValueError):
        Score(value="C").as_int()
    with pytest.raises(ValueError):
        Score(value=True).as_int()


def test_message_text_and_content() -> None:
    message = ChatMessageUser(
        content=[ContentText(text="look"), ContentImage(image="data:image/png;base64,AA")]
    )
    assert message.text == "look"
    assert message.id is not None and len(message.id) == 22
    message.text = "see"
    assert message.text == "see"
    assert any(isinstance(c, ContentImage) for c in message.content)


def test_model_usage_adds_up() -> None:
    total = ModelUsage(input_tokens=1, output_tokens=2, total_tokens=3) + ModelUsage(
        input_tokens=10, output_tokens=20, total_tokens=30, reasoning_tokens=5
    )
    assert (total.input_tokens, total.output_tokens, total.total_tokens) == (11, 22, 33)
    assert total.reasoning_tokens == 5 and total.input_tokens_cache_read is None


def test_generate_config_merge_prefers_set_fields() -> None:
    merged = GenerateConfig(temperature=0.5, max_tokens=10).merge(GenerateConfig(max_tokens=20))
    assert (merged.temperature, merged.max_tokens) == (0.5, 20)


class Facts(BaseModel):
    a: int
    parity: str


class Counter(StoreModel):
    counter: int = 0
    seen: list[str] = []


def test_metadata_as_and_store_as() -> None:
    sample = EvalSample(
        id=1, epoch=1, input="q", target="a",
        metadata={"a": 1, "parity": "odd"},
        store={"Counter:counter": 2, "Counter:seen": ["x"], "other": True},
    )  # fmt: skip
    assert sample.metadata_as(Facts) == Facts(a=1, parity="odd")
    counter = sample.store_as(Counter)
    assert counter.counter == 2 and counter.seen == ["x"]
    counter.counter = 3
    assert counter.store.get("Counter:counter") == 3
    assert sample.store["Counter:counter"] == 2


def test_dataset_sample_positional_arguments_and_sandbox_shorthand() -> None:
    sample = Sample("question", ["A", "B"], "A", 7, {"k": "v"}, "docker")
    assert (sample.input, sample.choices, sample.target, sample.id) == (
        "question",
        ["A", "B"],
        "A",
        7,
    )
    assert sample.sandbox is not None and sample.sandbox.type == "docker"
    pair = Sample(input="q", sandbox=("docker", "compose.yaml"))
    assert pair.sandbox is not None and pair.sandbox.config == "compose.yaml"
    assert json.loads(pair.model_dump_json(exclude_none=True))["sandbox"] == {
        "type": "docker",
        "config": "compose.yaml",
    }
