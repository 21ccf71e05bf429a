"""Read-compatibility tests against logs written by 2024-2025 versions of the reference.

Each test checks a fact stated in ``shared/fixtures/upstream-legacy/README.md``.
"""

import math
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from inspect_ai.log import (
    EvalLog,
    EvalSample,
    LogFormatError,
    ModelEvent,
    SampleInitEvent,
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_sample_summaries,
    read_eval_log_samples,
)
from inspect_ai.model import ChatMessageTool, ContentImage
from inspect_ai.tool import ToolCallError

from .conftest import LEGACY, assert_absent_sample_error

LIST_LOGS = LEGACY / "list-logs"

POPULARITY = {
    "2024-08-29T15-11-17+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json": "success",
    "2024-08-29T15-11-18+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json": "error",
}
READABLE = [
    "log_formats.eval",
    "log_formats.json",
    "log_read_sample.eval",
    "log_streaming.eval",
    "log_message_deduplication.eval",
    "log_images_tc.json",
    "log_tool_call_error.json",
    "log_valid.txt",
    "log_with_nan.txt",
    "log_length_stop_reason.txt",
    *POPULARITY,
]
UNREADABLE = ["log_version_3.txt", "log_invalid.txt"]


def read(name: str, **kwargs: object) -> EvalLog:
    return read_eval_log(LEGACY / name, **kwargs)


def only_sample(log: EvalLog) -> EvalSample:
    assert log.samples is not None
    (sample,) = log.samples
    return sample


def dump(model: BaseModel | None) -> str | None:
    return None if model is None else model.model_dump_json()


def keys(items: list) -> list[tuple[int | str, int]]:
    return [(item.id, item.epoch) for item in items]


def file_name(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def test_readme_covers_every_file() -> None:
    on_disk = {p.name for p in LEGACY.iterdir() if p.is_file() and p.name != "README.md"}
    assert on_disk == set(READABLE) | set(UNREADABLE)


@pytest.mark.parametrize("name", READABLE)
def test_reads_in_full_and_header_only(name: str) -> None:
    full = read(name)
    header = read(name, header_only=True)
    assert header.samples is None
    assert header.status == full.status
    assert header.eval.task_id == full.eval.task_id
    # compared as JSON since log_with_nan's NaN metric is not equal to itself
    assert dump(header.results) == dump(full.results)


# --- log_formats ------------------------------------------------------------------------------


def test_log_formats_eval_and_json_hold_the_same_eval() -> None:
    as_eval, as_json = read("log_formats.eval"), read("log_formats.json")
    assert as_eval.version == as_json.version == 2
    for log in (as_eval, as_json):
        assert log.status == "success"
        assert log.eval.task == "popularity"
    for field in ("task_id", "run_id", "created", "model", "task"):
        assert getattr(as_eval.eval, field) == getattr(as_json.eval, field)
    assert as_eval.plan == as_json.plan
    assert as_eval.results == as_json.results
    assert as_eval.stats == as_json.stats
    a, b = only_sample(as_eval), only_sample(as_json)
    assert (a.id, a.epoch, a.input, a.target) == (b.id, b.epoch, b.input, b.target)
    assert a.scores == b.scores
    assert [(m.role, m.text) for m in a.messages] == [(m.role, m.text) for m in b.messages]


@pytest.mark.parametrize("fmt", ["eval", "json"])
def test_log_formats_explicit_format(fmt: str) -> None:
    log = read(f"log_formats.{fmt}", format=fmt)
    assert log.eval.task_id == read("log_formats.eval").eval.task_id


# --- log_read_sample --------------------------------------------------------------------------


def test_read_one_sample_by_id_and_epoch() -> None:
    path = LEGACY / "log_read_sample.eval"
    sample = read_eval_log_sample(path, 1, epoch=1)
    assert (sample.id, sample.epoch) == (1, 1)
    assert sample.model_dump() == only_sample(read("log_read_sample.eval")).model_dump()
    assert read_eval_log_sample(path, 1).model_dump() == sample.model_dump()


@pytest.mark.parametrize(
    ("name", "id", "epoch"),
    [
        ("log_read_sample.eval", 1, 2),
        ("log_read_sample.eval", 99, 1),
        ("log_formats.json", "nope", 3),
        ("log_streaming.eval", 3, 1),
    ],
)
def test_absent_sample_raises_index_error_naming_id_and_epoch(
    name: str, id: int | str, epoch: int
) -> None:
    path = LEGACY / name
    assert_absent_sample_error(path, id, epoch)


# --- log_streaming ----------------------------------------------------------------------------


def test_streaming_two_samples_two_epochs_in_order() -> None:
    path = LEGACY / "log_streaming.eval"
    header = read("log_streaming.eval", header_only=True)
    assert header.eval.dataset.sample_ids == [1, 2]
    assert header.eval.config.epochs == 2
    expected = [(1, 1), (2, 1), (1, 2), (2, 2)]
    assert keys(list(read_eval_log_samples(path))) == expected
    assert keys(list(read_eval_log_samples(path, all_samples_required=False))) == expected
    assert keys(read("log_streaming.eval").samples) == expected
    assert sorted(keys(read_eval_log_sample_summaries(path))) == sorted(expected)
    for id, epoch in expected:
        assert keys([read_eval_log_sample(path, id, epoch)]) == [(id, epoch)]


# --- log_message_deduplication ----------------------------------------------------------------


def test_message_deduplication_version_3_reads() -> None:
    log = read("log_message_deduplication.eval")
    assert log.version == 3
    assert log.status == "success"
    sample = only_sample(log)
    assert sample.id == "0"
    assert sample.input == "Guess the number"
    # model events point into the sample's pooled messages: reading expands them
    inputs = [event.input for event in sample.events if isinstance(event, ModelEvent)]
    assert [len(messages) for messages in inputs] == [1, 3, 5, 7, 9, 11]
    for messages in inputs:
        assert messages[0].text == "Guess the number"
    assert [m.role for m in inputs[-1]] == [m.role for m in sample.messages[:11]]
    single = read_eval_log_sample(LEGACY / "log_message_deduplication.eval", "0")
    assert single.model_dump() == sample.model_dump()


def test_message_deduplication_attachments_resolve() -> None:
    path = LEGACY / "log_message_deduplication.eval"
    assert "attachment://" in read_eval_log_sample(path, "0").model_dump_json()
    resolved = read_eval_log_sample(path, "0", resolve_attachments=True)
    assert "attachment://" not in resolved.model_dump_json()


# --- log_images_tc ----------------------------------------------------------------------------


def model_input(sample: EvalSample) -> list:
    (event,) = [e for e in sample.events if isinstance(e, ModelEvent)]
    return event.input


def test_images_tc_references_kept_by_default() -> None:
    sample = only_sample(read("log_images_tc.json"))
    assert "tc://" in sample.model_dump_json()


@pytest.mark.parametrize("single", [False, True])
def test_images_tc_resolved(single: bool) -> None:
    if single:
        sample = read_eval_log_sample(LEGACY / "log_images_tc.json", 1, resolve_attachments=True)
    else:
        sample = only_sample(read("log_images_tc.json", resolve_attachments=True))
    assert "tc://" not in sample.model_dump_json()
    system, user = model_input(sample)
    assert system.role == "system"
    assert "answer with only a single word" in system.text
    images = [c for c in user.content if isinstance(c, ContentImage)]
    assert len(images) == 1
    assert images[0].image.startswith("data:image/png;base64,")
    (init,) = [e for e in sample.events if isinstance(e, SampleInitEvent)]
    assert init.sample.input[0].content[1].image == images[0].image


# --- log_tool_call_error ----------------------------------------------------------------------


def test_tool_messages_carry_tool_call_errors() -> None:
    sample = only_sample(read("log_tool_call_error.json"))
    tools = [m for m in sample.messages if isinstance(m, ChatMessageTool)]
    assert len(tools) == 11
    assert all(isinstance(m.error, ToolCallError) for m in tools)
    assert {m.error.type for m in tools} == {
        "parsing",
        "timeout",
        "unicode_decode",
        "permission",
        "file_not_found",
        "is_a_directory",
        "limit",
        "approval",
        "unknown",
        "output_limit",
    }
    last = tools[-1]
    assert last.error.type == "output_limit"
    assert last.error.message == "The tool output limit of 10 MiB was exceeded."


# --- small JSON logs with a neutral extension -------------------------------------------------


def test_log_valid() -> None:
    log = read("log_valid.txt")
    assert log.version == 2
    assert log.status == "success"
    assert log.eval.task == "wikipedia"
    assert log.eval.metadata == {"meaning_of_life": 42}
    assert log.stats.model_usage["openai/gpt-4"].total_tokens == 10219
    assert read("log_valid.txt", format="json").eval.task_id == log.eval.task_id


def test_log_with_nan_migrates_v1_results() -> None:
    log = read("log_with_nan.txt")
    assert log.version == 1
    assert log.results is not None
    (score,) = log.results.scores
    assert score.name == "model_graded_fact"
    assert score.scorer == "model_graded_fact"
    assert math.isnan(score.metrics["accuracy"].value)
    assert score.metrics["bootstrap_std"].value == 0.0


@pytest.mark.parametrize("header_only", [False, True])
def test_future_version_is_refused(header_only: bool) -> None:
    with pytest.raises(LogFormatError) as raised:
        read("log_version_3.txt", header_only=header_only)
    message = str(raised.value)
    assert "version" in message
    assert re.search(r"\b4\b", message.replace(str(LEGACY), ""))


@pytest.mark.parametrize("header_only", [False, True])
def test_truncated_log_gives_log_format_error(header_only: bool) -> None:
    with pytest.raises(LogFormatError):
        read("log_invalid.txt", header_only=header_only)


def test_log_format_error_is_a_value_error() -> None:
    assert issubclass(LogFormatError, ValueError)
    with pytest.raises(ValueError):
        read("log_invalid.txt")


def test_length_stop_reason_reads_as_max_tokens() -> None:
    sample = only_sample(read("log_length_stop_reason.txt"))
    assert sample.output.stop_reason == "max_tokens"
    assert [c.stop_reason for c in sample.output.choices] == ["max_tokens"]
    model_events = [e for e in sample.events if isinstance(e, ModelEvent)]
    assert model_events
    assert all(e.output.stop_reason == "max_tokens" for e in model_events)


# --- file names with a literal "+" ------------------------------------------------------------


@pytest.mark.parametrize(("name", "status"), POPULARITY.items())
def test_popularity_names_with_plus(name: str, status: str) -> None:
    assert "+" in name
    log = read(name)
    assert log.status == status
    assert log.samples is None  # header-only logs
    assert log.eval.task == "popularity"
    assert log.eval.task_id == "5EAmX6wjMFqea6WY7XHzZp"
    assert Path(log.location).name == name


def test_popularity_listed_with_task_and_id() -> None:
    infos = {file_name(i.name): i for i in list_eval_logs(str(LEGACY), recursive=False)}
    for name, status in POPULARITY.items():
        info = infos[name]
        assert (info.task, info.task_id, info.suffix) == (
            "popularity",
            "5EAmX6wjMFqea6WY7XHzZp",
            None,
        )
        assert read_eval_log(info).status == status
    # a .json counts only with a timestamp prefix; .txt never counts
    assert {n for n in infos if n.endswith(".json")} == set(POPULARITY)
    assert not any(n.endswith(".txt") for n in infos)


# --- list-logs/ -------------------------------------------------------------------------------


def test_list_logs_directory() -> None:
    infos = list_eval_logs(str(LIST_LOGS))
    by_name = {file_name(info.name): info for info in infos}
    assert set(by_name) == {
        "2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json",
        "2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval",
        "custom.eval",
    }
    for info in infos:
        assert info.name.startswith("file://")
        assert read_eval_log(info, header_only=True).eval.task_id
    json_log = by_name["2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json"]
    assert (json_log.task, json_log.task_id) == ("input-task", "8zXjbRzCWrL9GXiXo2vus9")
    eval_log = by_name["2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval"]
    assert (eval_log.task, eval_log.task_id) == ("input-task", "hxs4q9azL3ySGkjJirypKZ")


def test_list_logs_by_format() -> None:
    names = {file_name(i.name) for i in list_eval_logs(str(LIST_LOGS), formats=["eval"])}
    assert names == {
        "2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval",
        "custom.eval",
    }
    names = {file_name(i.name) for i in list_eval_logs(str(LIST_LOGS), formats=["json"])}
    assert names == {"2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json"}


def test_list_recursive_includes_subdirectory() -> None:
    flat = {file_name(i.name) for i in list_eval_logs(str(LEGACY), recursive=False)}
    deep = {file_name(i.name) for i in list_eval_logs(str(LEGACY), recursive=True)}
    assert "custom.eval" not in flat
    assert {"custom.eval", "log_formats.eval"} <= deep
    assert "ignore.json" not in deep


# --- missing files ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["missing.eval", "missing.json", "missing.txt"])
def test_missing_file_raises_file_not_found(name: str) -> None:
    path = LEGACY / name
    with pytest.raises(FileNotFoundError):
        read_eval_log(path)
    with pytest.raises(FileNotFoundError):
        read_eval_log(path, header_only=True)
    with pytest.raises(FileNotFoundError):
        read_eval_log_sample(path, 1)
    with pytest.raises(FileNotFoundError):
        list(read_eval_log_samples(path))
