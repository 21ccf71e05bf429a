"""``score()`` / ``score_async()``: scoring the samples of a log after the eval."""

import asyncio
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval, score, score_async
from inspect_ai._rescore.output import output_location, scored_location
from inspect_ai._rescore.run import SampleScoringError
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, read_eval_log, write_eval_log
from inspect_ai.scorer import (
    CORRECT,
    INCORRECT,
    Score,
    Scorer,
    Target,
    includes,
    match,
    mean,
    scorer,
)
from inspect_ai.solver import Generate, TaskState, solver

ANSWER = "Default output from mockllm/model"


def dataset(n: int = 4) -> list[Sample]:
    return [
        Sample(input=f"q{i}", target=ANSWER if i % 2 else "no", id=i, metadata={"i": i})
        for i in range(n)
    ]


def unscored_log(tmp_path: Path, **kwargs: Any) -> EvalLog:
    """A log written with ``score=False`` (``--no-score``), read back from its file."""
    task = Task(dataset=kwargs.pop("dataset", dataset()), scorer=match(), **kwargs)
    log = eval(task, model="mockllm/model", log_dir=str(tmp_path), score=False, display="none")[0]
    return read_eval_log(log.location)


def metric_values(log: EvalLog) -> dict[tuple[str, str | None, str], float]:
    assert log.results is not None
    return {
        (entry.name, entry.reducer, name): metric.value
        for entry in log.results.scores
        for name, metric in entry.metrics.items()
    }


def test_unscored_log_is_scored_with_results_and_reductions(tmp_path: Path) -> None:
    log = unscored_log(tmp_path)
    assert log.results is not None and log.results.scores == []
    assert all(sample.scores is None for sample in log.samples or [])

    scored = score(log, match(), display="none")

    assert [sorted(s.scores or {}) for s in scored.samples or []] == [["match"]] * 4
    assert [s.scores["match"].value for s in scored.samples or [] if s.scores] == [
        INCORRECT,
        CORRECT,
        INCORRECT,
        CORRECT,
    ]
    assert metric_values(scored) == {
        ("match", None, "accuracy"): 0.5,
        ("match", None, "stderr"): pytest.approx(0.2886751),
    }
    assert scored.results is not None and scored.results.headline is not None
    assert scored.results.headline.metric == "accuracy"
    assert scored.reductions is not None
    assert [item.value for item in scored.reductions[0].samples] == [0.0, 1.0, 0.0, 1.0]
    # the log given is untouched (copy=True)
    assert all(sample.scores is None for sample in log.samples or [])
    assert [e.event for e in (log.samples or [])[0].events][-1] != "score"
    assert log.results is not None and log.results.scores == [] and log.eval.scorers
    assert log.eval.scorers[0].name == "match" and log.reductions is None


def test_each_sample_records_a_scorer_span_and_score_event(tmp_path: Path) -> None:
    scored = score(unscored_log(tmp_path), match(), display="none")
    sample = (scored.samples or [])[1]
    events = [event.event for event in sample.events]
    assert events[-3:] == ["span_begin", "score", "span_end"]
    score_event = sample.events[-2]
    assert score_event.score.value == CORRECT  # type: ignore[union-attr]
    assert score_event.target == ANSWER  # type: ignore[union-attr]


def test_append_keeps_existing_scores_and_overwrite_replaces_them(tmp_path: Path) -> None:
    first = score(unscored_log(tmp_path), match(), display="none")

    appended = score(first, includes(), display="none")
    assert all(sorted(s.scores or {}) == ["includes", "match"] for s in appended.samples or [])
    assert [spec.name for spec in appended.eval.scorers or []] == ["match", "includes"]
    assert {key[0] for key in metric_values(appended)} == {"match", "includes"}
    assert [r.scorer for r in appended.reductions or []] == ["match", "includes"]

    replaced = score(appended, includes(), action="overwrite", display="none")
    assert all(sorted(s.scores or {}) == ["includes"] for s in replaced.samples or [])
    assert [spec.name for spec in replaced.eval.scorers or []] == ["includes"]
    assert {key[0] for key in metric_values(replaced)} == {"includes"}


def test_appending_to_an_unscored_log_leaves_out_the_scorers_that_never_ran(
    tmp_path: Path,
) -> None:
    scored = score(unscored_log(tmp_path), includes(), display="none")
    assert [spec.name for spec in scored.eval.scorers or []] == ["includes"]
    assert {key[0] for key in metric_values(scored)} == {"includes"}


def test_epochs_are_reduced_with_the_given_reducers(tmp_path: Path) -> None:
    log = unscored_log(tmp_path, epochs=2)
    assert len(log.samples or []) == 8

    default = score(log, match(), display="none")
    assert [r.reducer for r in default.reductions or []] == [None]
    assert len((default.reductions or [])[0].samples) == 4

    several = score(log, match(), epochs_reducer=["mean", "max"], display="none")
    assert [r.reducer for r in several.reductions or []] == ["mean", "max"]
    assert several.eval.config.epochs_reducer == ["mean", "max"]
    assert metric_values(several)[("match", "max", "accuracy")] == 0.5


@scorer(metrics={"a": [mean()], "b": [mean()]})
def two_parts() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value={"a": 1.0, "b": float(state.metadata["i"])})

    return score


def test_dict_valued_scores_stay_intact_through_a_written_log(tmp_path: Path) -> None:
    scored = score(unscored_log(tmp_path), two_parts(), display="none")
    assert metric_values(scored) == {("a", None, "mean"): 1.0, ("b", None, "mean"): 1.5}
    for extension in ("eval", "json"):
        location = str(tmp_path / f"scored.{extension}")
        write_eval_log(scored, location)
        read = read_eval_log(location)
        sample = (read.samples or [])[3]
        assert sample.scores is not None
        assert sample.scores["two_parts"].value == {"a": 1.0, "b": 3.0}
        assert read.results == scored.results
        assert read.reductions == scored.reductions


SEEN: dict[str, Any] = {}


@solver
def remember() -> Any:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.store.set("note", f"stored {state.sample_id}")
        state.choices.mark_choice(0, True)
        return await generate(state)

    return solve


@scorer(metrics=[mean()])
def inspector() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        SEEN[f"{state.sample_id}/{state.epoch}"] = {
            "input": state.input_text,
            "messages": [message.role for message in state.messages],
            "completion": state.output.completion,
            "target": target.text,
            "choices": [choice.value for choice in state.choices],
            "metadata": dict(state.metadata),
            "store": state.store.get("note"),
        }
        return Score(value=1.0)

    return score


def test_the_task_state_is_rebuilt_from_the_sample(tmp_path: Path) -> None:
    long_input = "Please answer this question. " * 40
    samples = [Sample(input=long_input, target="t", id="s1", choices=["x", "y"], metadata={"k": 1})]
    log = unscored_log(tmp_path, dataset=samples, solver=[remember()], epochs=2)
    for sample in log.samples or []:  # as a log read without resolving attachments holds it
        sample.attachments = {"0123abcd": long_input}
        sample.input = sample.messages[0].content = "attachment://0123abcd"
    SEEN.clear()
    score(log, inspector(), display="none")
    assert sorted(SEEN) == ["s1/1", "s1/2"]
    assert SEEN["s1/2"] == {
        "input": long_input,
        "messages": ["user", "assistant"],
        "completion": ANSWER,
        "target": "t",
        "choices": ["x", "y"],
        "metadata": {"k": 1},
        "store": "stored s1",
    }


@scorer(metrics=[mean()])
def rendezvous(count: int) -> Scorer:
    """Scores only once ``count`` samples are being scored at the same time."""
    arrived: list[int] = []
    everyone = asyncio.Event()

    async def score(state: TaskState, target: Target) -> Score:
        arrived.append(1)
        if len(arrived) == count:
            everyone.set()
        await asyncio.wait_for(everyone.wait(), timeout=30)
        return Score(value=1.0)

    return score


def test_samples_are_scored_concurrently(tmp_path: Path) -> None:
    log = unscored_log(tmp_path, dataset=dataset(6))
    scored = score(log, rendezvous(6), display="none")
    assert metric_values(scored) == {("rendezvous", None, "mean"): 1.0}


def test_score_async_in_a_running_loop(tmp_path: Path) -> None:
    log = unscored_log(tmp_path)

    async def main() -> EvalLog:
        return await score_async(log, [match(), includes()], display="none", copy=False)

    scored = asyncio.run(main())
    assert scored is log
    assert all(sorted(s.scores or {}) == ["includes", "match"] for s in log.samples or [])


@solver
def fail_on_odd() -> Any:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        if state.metadata["i"] % 2:
            raise RuntimeError("odd")
        return await generate(state)

    return solve


def test_samples_that_errored_are_not_scored(tmp_path: Path) -> None:
    log = unscored_log(tmp_path, solver=[fail_on_odd()], fail_on_error=False)
    scored = score(log, match(), display="none")
    assert [s.scores is not None for s in scored.samples or []] == [True, False, True, False]
    assert scored.results is not None and scored.results.completed_samples == 2
    assert scored.results.total_samples == 4


@scorer(metrics=[mean()])
def broken() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        raise RuntimeError("scorer bug")

    return score


def test_a_failing_scorer_names_the_sample(tmp_path: Path) -> None:
    with pytest.raises(SampleScoringError, match=r"sample \d+ \(epoch 1\).*scorer bug"):
        score(unscored_log(tmp_path), broken(), display="none")


def test_a_log_without_samples_is_a_clear_error(tmp_path: Path) -> None:
    log = unscored_log(tmp_path)
    header = read_eval_log(log.location, header_only=True)
    with pytest.raises(ValueError, match="no samples to score"):
        score(header, match(), display="none")
    task = Task(dataset=dataset(), scorer=match())
    unlogged = eval(
        task, model="mockllm/model", log_dir=str(tmp_path), log_samples=False, display="none"
    )[0]
    with pytest.raises(ValueError, match="no samples to score"):
        score(read_eval_log(unlogged.location), match(), display="none")


def test_unknown_action_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Unknown score action 'merge'"):
        score(unscored_log(tmp_path), match(), action="merge", display="none")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("logs/a.eval", "logs/a-scored.eval"),
        ("logs/a.json", "logs/a-scored.json"),
        ("logs/a-scored.json", "logs/a-scored.json"),
        ("s3://bucket/x.y/a.eval", "s3://bucket/x.y/a-scored.eval"),
        ("logs.d/noext", "logs.d/noext-scored"),
    ],
)
def test_scored_file_names(location: str, expected: str) -> None:
    assert scored_location(location) == expected


def test_output_location_rules() -> None:
    assert output_location("a.eval", "b.json", None) == "b.json"
    assert output_location("a.eval", None, True) == "a.eval"
    assert output_location("a.eval", None, None) == "a.eval"  # overwrite by default
    assert output_location("a.eval", None, False) == "a-scored.eval"
    assert output_location("a-scored.eval", None, False) == "a-scored.eval"
