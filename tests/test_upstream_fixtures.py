"""Read-compatibility tests against real logs written by the reference implementation 0.3.285.

Each test checks a fact stated in ``shared/fixtures/upstream-logs/README.md``.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from inspect_ai.log import (
    EvalLog,
    EvalSample,
    InfoEvent,
    LogFormatError,
    LoggerEvent,
    ModelEvent,
    SpanBeginEvent,
    StoreEvent,
    ToolEvent,
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_sample_summaries,
    read_eval_log_samples,
)
from inspect_ai.model import (
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    ContentImage,
    ContentText,
)

from .conftest import UPSTREAM, assert_absent_sample_error


@dataclass(frozen=True)
class Expected:
    """One row of the README table."""

    task: str
    status: str
    logged: int
    dataset: int
    epochs: int = 1


# file name -> the row of the README table describing it
TABLE: dict[str, Expected] = {
    "2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD.eval": Expected(
        "plain_default", "success", 20, 20
    ),
    "2026-11-23T00-54-02-00-00_plain-default_TttPHakmhSZw9ETkGXPNM3.json": Expected(
        "plain_default", "success", 20, 20
    ),
    "2026-11-23T00-53-14-00-00_arith-match_VbBKsPT62DxbC4QU9fQae9.eval": Expected(
        "arith_match", "success", 20, 20
    ),
    "2026-11-23T00-54-07-00-00_arith-match_Zr8pcSxRv6Edj5REsoPjVq.json": Expected(
        "arith_match", "success", 20, 20
    ),
    "2026-11-23T00-53-14-00-00_arith-match_VbBKsPT62DxbC4QU9fQae9-scored.eval": Expected(
        "arith_match", "success", 20, 20
    ),
    "2026-11-23T00-54-07-00-00_arith-match_Zr8pcSxRv6Edj5REsoPjVq-scored.json": Expected(
        "arith_match", "success", 20, 20
    ),
    "2026-11-23T00-54-56-00-00_arith-includes_QbWuycmEZctQN4WdGXoGKs.eval": Expected(
        "arith_includes", "success", 20, 20
    ),
    "2026-11-23T00-53-19-00-00_multi-scorer-task_efvnMxHp3nd4Pd3UuAVXeW.eval": Expected(
        "multi_scorer_task", "success", 12, 12
    ),
    "2026-11-23T00-54-11-00-00_multi-scorer-task_3T9qe5mZb8ZjhMYgHCgSkJ.json": Expected(
        "multi_scorer_task", "success", 12, 12
    ),
    "2026-11-23T00-55-01-00-00_multi-scorer-task_KP9JJ9wZ2gGe5LqKqVNgfZ.eval": Expected(
        "multi_scorer_task", "success", 12, 12
    ),
    "2026-11-23T00-53-23-00-00_epochs-reducers_A7shtphkHHveNtvcVkLuVM.eval": Expected(
        "epochs_reducers", "success", 15, 5, epochs=3
    ),
    "2026-11-23T00-54-16-00-00_epochs-reducers_VuaPkv8rQFGWMUzSaNviZR.json": Expected(
        "epochs_reducers", "success", 15, 5, epochs=3
    ),
    "2026-11-23T00-53-27-00-00_sample-errors_H4RujHh8r85pk6YRftMQ4o.eval": Expected(
        "sample_errors", "success", 10, 10
    ),
    "2026-11-23T00-54-20-00-00_sample-errors_mqNKXkmuhSrrxKtNpCXs9Z.json": Expected(
        "sample_errors", "success", 10, 10
    ),
    "2026-11-23T00-53-58-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval": Expected(
        "eval_error", "error", 6, 6
    ),
    "2026-11-23T00-54-51-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json": Expected(
        "eval_error", "error", 6, 6
    ),
    "2026-11-23T00-55-19-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval": Expected(
        "eval_error", "success", 6, 6
    ),
    "2026-11-23T00-55-23-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json": Expected(
        "eval_error", "success", 6, 6
    ),
    "2026-11-23T00-55-06-00-00_slow-task_a4rCUz5zWN8Do2MBsGWgRz.eval": Expected(
        "slow_task", "cancelled", 6, 20
    ),
    "2026-11-23T00-55-14-00-00_slow-task_GiTewYupNQSvjg8xWTbK2u.json": Expected(
        "slow_task", "cancelled", 4, 20
    ),
    "2026-11-23T00-53-32-00-00_tool-use_ZvEfaJduboMHkkERYxEy7L.eval": Expected(
        "tool_use", "success", 5, 5
    ),
    "2026-11-23T00-54-24-00-00_tool-use_Koshahd5mWUC8o6mvKXk8a.json": Expected(
        "tool_use", "success", 5, 5
    ),
    "2026-11-23T00-53-37-00-00_message-limit-task_J43B6u9aRjBJFb79YddbRM.eval": Expected(
        "message_limit_task", "success", 3, 3
    ),
    "2026-11-23T00-54-29-00-00_message-limit-task_ANAP2ci4WEWCS2ddVWKvY4.json": Expected(
        "message_limit_task", "success", 3, 3
    ),
    "2026-11-23T00-53-41-00-00_model-graded_nSQ4EAhTeadHYRQezZeaxM.eval": Expected(
        "model_graded", "success", 8, 8
    ),
    "2026-11-23T00-54-33-00-00_model-graded_PuqP9qbUSESkzVuNoUg93L.json": Expected(
        "model_graded", "success", 8, 8
    ),
    "2026-11-23T00-53-45-00-00_metadata-store_ew3B5Necqt2aYAbSXszFZH.eval": Expected(
        "metadata_store", "success", 6, 6
    ),
    "2026-11-23T00-54-38-00-00_metadata-store_H8cfP7Eo8RCXLw7wKoecDy.json": Expected(
        "metadata_store", "success", 6, 6
    ),
    "2026-11-23T00-53-49-00-00_mcq_cWXo3jFockyaUK8LHSe8gd.eval": Expected("mcq", "success", 4, 4),
    "2026-11-23T00-54-42-00-00_mcq_Yqdv9FKiGt6hayDXxfGGZT.json": Expected("mcq", "success", 4, 4),
    "2026-11-23T00-53-53-00-00_image-input_o9vv6iVw6LyBJRxGBeQptv.eval": Expected(
        "image_input", "success", 2, 2
    ),
    "2026-11-23T00-54-47-00-00_image-input_hhrMiuJjH89vhQ4Rq5s8ZC.json": Expected(
        "image_input", "success", 2, 2
    ),
}

ALL_FILES = sorted(TABLE)
NAME_PATTERN = re.compile(r"^(.+?)_(.+)_([A-Za-z0-9]{22})(-scored)?\.(eval|json)$")

# the errored eval_error runs, each paired with its eval-retry
ERRORED_AND_RETRIED = [
    (
        "2026-11-23T00-53-58-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval",
        "2026-11-23T00-55-19-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval",
    ),
    (
        "2026-11-23T00-54-51-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json",
        "2026-11-23T00-55-23-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json",
    ),
]
ERRORED = [errored for errored, _ in ERRORED_AND_RETRIED]
RETRIED = [retried for _, retried in ERRORED_AND_RETRIED]
SCORED = [name for name in ALL_FILES if name.endswith(("-scored.eval", "-scored.json"))]
MULTI_SCORER = [
    "2026-11-23T00-53-19-00-00_multi-scorer-task_efvnMxHp3nd4Pd3UuAVXeW.eval",
    "2026-11-23T00-54-11-00-00_multi-scorer-task_3T9qe5mZb8ZjhMYgHCgSkJ.json",
]
MULTI_SCORER_OVERRIDE = "2026-11-23T00-55-01-00-00_multi-scorer-task_KP9JJ9wZ2gGe5LqKqVNgfZ.eval"
ARITH = [name for name in ALL_FILES if TABLE[name].task in ("arith_match", "arith_includes")]


def files(task: str) -> list[str]:
    """The files of a task, excluding the variants that have their own tests."""
    special = {*SCORED, *RETRIED, MULTI_SCORER_OVERRIDE}
    return [name for name in ALL_FILES if TABLE[name].task == task and name not in special]


@cache
def load(name: str, resolve_attachments: bool = False) -> EvalLog:
    """The full log (cached: tests must not modify it)."""
    return read_eval_log(UPSTREAM / name, resolve_attachments=resolve_attachments)


def samples(name: str) -> list[EvalSample]:
    log = load(name)
    assert log.samples is not None
    return log.samples


def sample(name: str, id: int | str, epoch: int = 1) -> EvalSample:
    matches = [s for s in samples(name) if s.id == id and s.epoch == epoch]
    assert len(matches) == 1, (id, epoch)
    return matches[0]


def keys(items: list) -> list[tuple[int | str, int]]:
    return [(item.id, item.epoch) for item in items]


def metrics(log: EvalLog) -> dict[str, dict[str, float]]:
    """Metric values by score name (for logs without epoch reducers)."""
    assert log.results is not None
    return {s.name: {k: m.value for k, m in s.metrics.items()} for s in log.results.scores}


def score_values(name: str, scorer: str) -> dict[int | str, object]:
    return {s.id: s.scores[scorer].value for s in samples(name) if s.scores}


def events_of(s: EvalSample, kind: type) -> list:
    return [event for event in s.events if isinstance(event, kind)]


# --- every file, read every way --------------------------------------------------------------


def test_table_covers_every_log_in_the_directory() -> None:
    on_disk = {p.name for p in UPSTREAM.iterdir() if p.suffix in (".eval", ".json")}
    assert on_disk == set(TABLE)


@pytest.mark.parametrize("name", ALL_FILES)
def test_full_read(name: str) -> None:
    expected = TABLE[name]
    log = load(name)
    assert log.version == 2
    assert log.status == expected.status
    assert log.eval.task == expected.task
    assert len(samples(name)) == expected.logged
    assert log.eval.dataset.samples == expected.dataset
    assert (log.eval.config.epochs or 1) == expected.epochs
    # the file name is <created>_<task, '_' -> '-'>_<task_id>[-scored].<format>
    match = NAME_PATTERN.match(name)
    assert match is not None
    assert match.group(2) == expected.task.replace("_", "-")
    assert match.group(3) == log.eval.task_id
    assert Path(log.location).name == name


@pytest.mark.parametrize("name", ALL_FILES)
def test_explicit_format_matches_auto(name: str) -> None:
    fmt = "eval" if name.endswith(".eval") else "json"
    log = read_eval_log(UPSTREAM / name, header_only=True, format=fmt)
    assert log.eval.task_id == load(name).eval.task_id


@pytest.mark.parametrize("name", ALL_FILES)
def test_header_only(name: str) -> None:
    full = load(name)
    header = read_eval_log(UPSTREAM / name, header_only=True)
    assert header.samples is None
    assert header.status == full.status
    assert header.eval.task_id == full.eval.task_id
    assert header.results == full.results
    assert header.stats == full.stats
    assert (header.error is None) == (full.error is None)
    if full.status != "error":
        assert header.results is not None


@pytest.mark.parametrize("name", ALL_FILES)
def test_read_each_sample_by_id_and_epoch(name: str) -> None:
    for expected in samples(name):
        single = read_eval_log_sample(UPSTREAM / name, expected.id, expected.epoch)
        assert (single.id, single.epoch) == (expected.id, expected.epoch)
        assert single.model_dump() == expected.model_dump()


@pytest.mark.parametrize("name", ALL_FILES)
def test_stream_agrees_with_full_read(name: str) -> None:
    streamed = list(read_eval_log_samples(UPSTREAM / name, all_samples_required=False))
    assert keys(streamed) == keys(samples(name))
    assert [s.model_dump() for s in streamed] == [s.model_dump() for s in samples(name)]


@pytest.mark.parametrize("name", ALL_FILES)
def test_stream_order_is_dataset_order_epoch_by_epoch(name: str) -> None:
    log = load(name)
    present = set(keys(samples(name)))
    ids = log.eval.dataset.sample_ids
    assert ids is not None
    epochs = range(1, (log.eval.config.epochs or 1) + 1)
    expected = [(id, epoch) for epoch in epochs for id in ids if (id, epoch) in present]
    streamed = read_eval_log_samples(UPSTREAM / name, all_samples_required=False)
    assert keys(list(streamed)) == expected


@pytest.mark.parametrize("name", ALL_FILES)
def test_stream_requires_all_samples_only_for_successful_logs(name: str) -> None:
    if TABLE[name].status == "success":
        assert len(list(read_eval_log_samples(UPSTREAM / name))) == TABLE[name].logged
    else:
        with pytest.raises(IndexError):
            list(read_eval_log_samples(UPSTREAM / name))


@pytest.mark.parametrize("name", ALL_FILES)
def test_summaries_agree_with_samples(name: str) -> None:
    summaries = read_eval_log_sample_summaries(UPSTREAM / name)
    assert len(summaries) == TABLE[name].logged
    by_key = {(s.id, s.epoch): s for s in samples(name)}
    assert {(s.id, s.epoch) for s in summaries} == set(by_key)
    for summary in summaries:
        full = by_key[(summary.id, summary.epoch)]
        assert (summary.error is None) == (full.error is None)
        assert set(summary.scores or {}) == set(full.scores or {})
        assert summary.target == full.target


# --- README facts per task --------------------------------------------------------------------


@pytest.mark.parametrize("name", files("plain_default"))
def test_plain_default(name: str) -> None:
    log = load(name)
    assert log.eval.model == "mockllm/model"
    assert log.eval.model_args == {}
    assert [s.id for s in samples(name)] == [f"s{i:02d}" for i in range(1, 21)]
    for s in samples(name):
        assert s.output.completion == "Default output from mockllm/model"
        number = int(str(s.id)[1:])
        assert s.target == ("model" if number % 2 == 0 else "banana")
        assert s.scores["match"].value == ("C" if number % 2 == 0 else "I")
    assert metrics(log)["match"]["accuracy"] == pytest.approx(0.5)


@pytest.mark.parametrize("name", [n for n in ALL_FILES if TABLE[n].task != "plain_default"])
def test_custom_outputs_callable_is_written_as_null(name: str) -> None:
    log = load(name)
    assert log.eval.model == "mockllm/model"
    assert log.eval.model_args == {"custom_outputs": None}


@pytest.mark.parametrize("name", ARITH)
def test_arith_dataset(name: str) -> None:
    assert [s.id for s in samples(name)] == list(range(1, 21))
    for s in samples(name):
        i = int(s.id)
        assert s.input == f"What is {i} + {2 * i + 1}?"
        assert s.target == str(3 * i + 1)
        assert {"a", "b", "parity"} <= set(s.metadata)
        assert (s.metadata["a"], s.metadata["b"]) == (i, 2 * i + 1)


@pytest.mark.parametrize("name", [n for n in ARITH if TABLE[n].task == "arith_match"])
def test_arith_match(name: str) -> None:
    log = load(name)
    assert [step.solver for step in log.plan.steps] == ["system_message", "generate"]
    for s in samples(name):
        assert isinstance(s.messages[0], ChatMessageSystem)
        assert isinstance(s.messages[1], ChatMessageUser)
    values = metrics(log)["match"]
    assert values["accuracy"] == pytest.approx(0.75)
    assert values["stderr"] == pytest.approx(0.0993, abs=1e-4)


@pytest.mark.parametrize("name", files("arith_includes"))
def test_arith_includes_wrong_on_every_third(name: str) -> None:
    values = score_values(name, "includes")
    assert values == {i: ("I" if i % 3 == 0 else "C") for i in range(1, 21)}
    assert metrics(load(name))["includes"]["accuracy"] == pytest.approx(0.7)


@pytest.mark.parametrize("name", SCORED)
def test_rescored_logs_hold_match_and_includes(name: str) -> None:
    log = load(name)
    assert [s.name for s in log.results.scores] == ["match", "includes"]
    for s in samples(name):
        assert set(s.scores) == {"match", "includes"}
    assert {r.scorer for r in log.reductions or []} == {"match", "includes"}
    original = load(name.replace("-scored", ""))
    assert log.eval.task_id == original.eval.task_id
    assert metrics(log)["match"] == metrics(original)["match"]


@pytest.mark.parametrize("name", MULTI_SCORER)
def test_multi_scorer_results_named_by_key(name: str) -> None:
    log = load(name)
    by_name = {s.name: s for s in log.results.scores}
    assert set(by_name) == {"match", "includes", "answer_length", "correct", "length"}
    assert by_name["correct"].scorer == by_name["length"].scorer == "dict_scorer"
    assert set(by_name["match"].metrics) == {"accuracy", "stderr"}
    assert set(by_name["includes"].metrics) == {"accuracy", "stderr"}
    assert set(by_name["answer_length"].metrics) == {"mean", "stderr"}
    assert set(by_name["correct"].metrics) == {"accuracy", "stderr"}
    assert set(by_name["length"].metrics) == {"mean"}
    for s in samples(name):
        assert set(s.scores) == {"match", "includes", "answer_length", "dict_scorer"}
        assert set(s.scores["dict_scorer"].value) == {"correct", "length"}


def test_multi_scorer_override_metrics() -> None:
    log = load(MULTI_SCORER_OVERRIDE)
    assert log.eval.task_args.get("override_metrics") in (True, "true")
    by_name = {s.name: s for s in log.results.scores}
    assert set(by_name) == {"match", "includes", "answer_length", "dict_scorer"}
    for score in by_name.values():
        assert set(score.metrics) == {"accuracy", "stderr", "mean"}
    assert all(m.value == 0 for m in by_name["dict_scorer"].metrics.values())


@pytest.mark.parametrize("name", files("epochs_reducers"))
def test_epochs_reducers(name: str) -> None:
    log = load(name)
    assert sorted(keys(samples(name))) == [(i, e) for i in range(1, 6) for e in (1, 2, 3)]
    reducers = {"mean", "max", "at_least_2"}
    entries = [(s.scorer, s.reducer) for s in log.results.scores]
    assert sorted(entries) == sorted((sc, r) for sc in ("match", "answer_length") for r in reducers)
    assert log.reductions is not None
    assert sorted((r.scorer, r.reducer) for r in log.reductions) == sorted(entries)
    for reduction in log.reductions:
        assert sorted(s.sample_id for s in reduction.samples) == [1, 2, 3, 4, 5]
    # the mock is wrong on every 3rd call, so epochs disagree for some sample
    per_sample = {
        i: {sample(name, i, e).scores["match"].value for e in (1, 2, 3)} for i in range(1, 6)
    }
    assert any(len(values) > 1 for values in per_sample.values())


@pytest.mark.parametrize("name", files("sample_errors"))
def test_sample_errors(name: str) -> None:
    log = load(name)
    assert log.results.completed_samples == 8
    assert log.results.total_samples == 10
    errored = [s.id for s in samples(name) if s.error is not None]
    assert errored == [3, 7]
    for s in samples(name):
        if s.error is not None:
            assert not s.scores
            assert "RuntimeError" in s.error.message
            assert f"sample {s.id}" in s.error.message
        else:
            assert set(s.scores) == {"match"}


@pytest.mark.parametrize("name", ERRORED)
def test_eval_error(name: str) -> None:
    log = load(name)
    assert log.status == "error"
    assert log.results is None
    assert log.error is not None
    assert "Deliberate failure for sample 2" in log.error.message
    assert "Traceback" in log.error.traceback
    assert log.error.traceback_ansi
    header = read_eval_log(UPSTREAM / name, header_only=True)
    assert header.results is None
    assert header.error == log.error
    failed = sample(name, 2)
    assert failed.error is not None and not failed.scores


@pytest.mark.parametrize(("errored", "retried"), ERRORED_AND_RETRIED)
def test_eval_retry(errored: str, retried: str) -> None:
    before, after = load(errored), load(retried)
    assert after.status == "success"
    assert after.error is None
    assert after.results is not None
    assert after.eval.task_id == before.eval.task_id
    assert before.eval.task_id in retried
    retried_sample = sample(retried, 2)
    assert retried_sample.error is None
    assert retried_sample.scores
    assert retried_sample.error_retries is not None
    assert len(retried_sample.error_retries) == 1
    assert "Deliberate failure for sample 2" in retried_sample.error_retries[0].message
    # the other samples are carried over from the errored log
    for s in samples(retried):
        if s.id != 2:
            assert not s.error_retries
            assert s.uuid == sample(errored, s.id).uuid


@pytest.mark.parametrize(("name", "scored"), [(n, TABLE[n].logged - 2) for n in files("slow_task")])
def test_cancelled_slow_task(name: str, scored: int) -> None:
    log = load(name)
    assert log.status == "cancelled"
    with_scores = [s for s in samples(name) if s.scores]
    cancelled = [s for s in samples(name) if s.error is not None]
    assert len(with_scores) == scored
    assert len(cancelled) == 2
    for s in cancelled:
        assert "CancelledError" in s.error.message
        assert not s.scores


@pytest.mark.parametrize("name", files("tool_use"))
def test_tool_use(name: str) -> None:
    for s in samples(name):
        user, call, result, answer = s.messages
        assert isinstance(user, ChatMessageUser)
        assert isinstance(call, ChatMessageAssistant)
        assert isinstance(result, ChatMessageTool)
        assert isinstance(answer, ChatMessageAssistant)
        assert call.text  # the tool call comes with content text
        assert call.tool_calls is not None and len(call.tool_calls) == 1
        tool_call = call.tool_calls[0]
        assert tool_call.function == "add"
        x, y = tool_call.arguments["x"], tool_call.arguments["y"]
        assert result.tool_call_id == tool_call.id
        assert result.function == "add"
        assert result.text == str(x + y)
        assert str(x + y) in answer.text
        (tool_event,) = events_of(s, ToolEvent)
        assert tool_event.function == "add"
        assert tool_event.arguments == tool_call.arguments
        assert str(tool_event.result) == str(x + y)


@pytest.mark.parametrize("name", files("message_limit_task"))
def test_message_limit(name: str) -> None:
    assert load(name).eval.config.message_limit == 6
    for s in samples(name):
        assert s.limit is not None
        assert s.limit.type == "message"
        assert s.limit.limit == 6
        assert s.scores["match"].value == "I"
    summaries = read_eval_log_sample_summaries(UPSTREAM / name)
    assert [summary.limit for summary in summaries] == ["message"] * 3


@pytest.mark.parametrize("name", files("model_graded"))
def test_model_graded(name: str) -> None:
    log = load(name)
    assert log.eval.model_roles is not None
    assert log.eval.model_roles["grader"].model == "mockllm/model"
    assert "grader" in log.stats.role_usage
    for s in samples(name):
        assert s.role_usage["grader"].total_tokens > 0
        assert any(e.role == "grader" for e in events_of(s, ModelEvent))
    values = list(score_values(name, "model_graded_fact").values())
    assert sorted(values) == ["C"] * 6 + ["I"] * 2  # every 4th grade is I
    assert metrics(log)["model_graded_fact"]["accuracy"] == pytest.approx(0.75)


@pytest.mark.parametrize("name", files("metadata_store"))
def test_metadata_store(name: str) -> None:
    log = load(name)
    assert log.eval.metadata
    assert log.eval.tags
    for s in samples(name):
        assert set(s.store) == {"seen_at", "counter", "in_step"}
        # dataset metadata plus the solver's edit of state.metadata
        assert {"a", "b", "parity", "solver_note"} <= set(s.metadata)
        infos = events_of(s, InfoEvent)
        assert len(infos) == 2
        assert any(isinstance(i.data, dict) for i in infos)
        assert any(isinstance(i.data, str) and i.source for i in infos)
        assert events_of(s, StoreEvent)
        assert "custom-span" in {span.name for span in events_of(s, SpanBeginEvent)}
    # the step() deprecation warning is logged (once, so look across samples)
    warnings = [e.message.message for s in samples(name) for e in events_of(s, LoggerEvent)]
    assert any("step()" in w and "deprecated" in w for w in warnings)


@pytest.mark.parametrize("name", files("mcq"))
def test_mcq(name: str) -> None:
    for s in samples(name):
        assert s.choices
        assert "ANSWER:" in s.output.completion
    values = score_values(name, "choice")
    assert sorted(values.values()) == ["C", "C", "C", "I"]
    assert metrics(load(name))["choice"]["accuracy"] == pytest.approx(0.75)


def image_content(s: EvalSample) -> ContentImage:
    (message,) = s.input
    assert isinstance(message.content, list)
    text, image = message.content
    assert isinstance(text, ContentText)
    assert isinstance(image, ContentImage)
    return image


@pytest.mark.parametrize("name", files("image_input"))
def test_image_attachment_unresolved(name: str) -> None:
    red = sample(name, "red")
    image = image_content(red).image
    assert image.startswith("attachment://")
    key = image.removeprefix("attachment://")
    assert red.attachments[key].startswith("data:image/png;base64,")
    assert sample(name, "text-only").input == "What colour is the sky?"
    single = read_eval_log_sample(UPSTREAM / name, "red")
    assert image_content(single).image == image


@pytest.mark.parametrize("name", files("image_input"))
def test_image_attachment_resolved(name: str) -> None:
    reads = [
        next(s for s in load(name, resolve_attachments=True).samples if s.id == "red"),
        read_eval_log_sample(UPSTREAM / name, "red", resolve_attachments=True),
        next(iter(read_eval_log_samples(UPSTREAM / name, resolve_attachments=True))),
    ]
    for red in reads:
        assert image_content(red).image.startswith("data:image/png;base64,")
        assert "attachment://" not in red.model_dump_json()
        model_input = events_of(red, ModelEvent)[0].input
        assert "data:image/png;base64," in model_input[-1].model_dump_json()


# --- listing and errors -----------------------------------------------------------------------


def test_list_upstream_logs() -> None:
    infos = list_eval_logs(str(UPSTREAM))
    assert {info.name.rsplit("/", 1)[-1] for info in infos} == set(TABLE)
    for info in infos:
        assert info.name.startswith("file://")
        name = info.name.rsplit("/", 1)[-1]
        log = load(name)
        assert info.task == log.eval.task.replace("_", "-")
        assert info.task_id == log.eval.task_id
        if "-scored" in name:
            assert info.suffix is not None and info.suffix.lstrip("-") == "scored"
        else:
            assert info.suffix is None
        assert read_eval_log(info, header_only=True).eval.task_id == log.eval.task_id
    eval_only = list_eval_logs(str(UPSTREAM), formats=["eval"])
    assert {info.name.rsplit("/", 1)[-1] for info in eval_only} == {
        name for name in TABLE if name.endswith(".eval")
    }


@pytest.mark.parametrize("suffix", [".eval", ".json"])
def test_missing_file(suffix: str) -> None:
    missing = UPSTREAM / f"no-such-log{suffix}"
    with pytest.raises(FileNotFoundError):
        read_eval_log(missing)
    with pytest.raises(FileNotFoundError):
        read_eval_log_sample(missing, 1)
    with pytest.raises(FileNotFoundError):
        list(read_eval_log_samples(missing))
    with pytest.raises(FileNotFoundError):
        read_eval_log_sample_summaries(missing)


@pytest.mark.parametrize("name", files("plain_default") + files("epochs_reducers"))
@pytest.mark.parametrize(("id", "epoch"), [("no-such-id", 1), (1234, 2), ("s01", 9), (1, 4)])
def test_absent_sample_names_id_and_epoch(name: str, id: int | str, epoch: int) -> None:
    path = UPSTREAM / name
    assert_absent_sample_error(path, id, epoch)


@pytest.mark.parametrize("name", files("tool_use"))
@pytest.mark.parametrize("fraction", [0.0, 0.5, 0.9])
def test_truncated_copy_gives_log_format_error(name: str, fraction: float, tmp_path: Path) -> None:
    data = (UPSTREAM / name).read_bytes()
    truncated = tmp_path / name
    truncated.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(LogFormatError):
        read_eval_log(truncated)
    with pytest.raises(LogFormatError):
        read_eval_log(truncated, header_only=True)
    with pytest.raises(LogFormatError):
        read_eval_log_sample_summaries(truncated)


@pytest.mark.parametrize("name", files("tool_use"))
def test_read_by_str_path_and_file_uri(name: str) -> None:
    task_id = load(name).eval.task_id
    path = UPSTREAM / name
    assert read_eval_log(str(path), header_only=True).eval.task_id == task_id
    assert read_eval_log(path.as_uri(), header_only=True).eval.task_id == task_id
    assert read_eval_log_sample(path.as_uri(), 1).id == 1
