"""eval_results(): reductions and metrics, rebuilt from the reference logs' own sample scores."""

import json
import math
from pathlib import Path
from typing import Any

import pytest

from inspect_ai._scorer.results.compute import compute_results, eval_results
from inspect_ai._scorer.scorer import scorer_metrics, scorer_name, unique_scorer_names
from inspect_ai._scorer.spec import eval_scorer, eval_scorers, metric_definitions
from inspect_ai._solver.state import TaskState
from inspect_ai.log import read_eval_log
from inspect_ai.scorer import (
    Metric,
    SampleScore,
    Score,
    Scorer,
    Target,
    accuracy,
    at_least,
    includes,
    match,
    mean,
    metric,
    model_graded_fact,
    scorer,
    stderr,
)
from inspect_ai.scorer import choice as choice_scorer

UPSTREAM = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "upstream-logs"


@scorer(metrics=[mean(), stderr()])
def answer_length() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value=len(state.output.completion))

    return score


@scorer(metrics={"correct": [accuracy(), stderr()], "length": [mean()]})
def dict_scorer() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value={"correct": "C", "length": 1})

    return score


def fixture(pattern: str) -> tuple[dict[str, Any], list[dict[str, SampleScore]]]:
    """A reference log as JSON data, and its sample scores as eval_results() takes them."""
    path = next(UPSTREAM.glob(pattern))
    log = read_eval_log(str(path))
    data = json.loads(log.model_dump_json(exclude_none=True))
    scores = [
        {
            name: SampleScore(
                score=score, sample_id=sample.id, sample_metadata=sample.metadata, scorer=name
            )
            for name, score in (sample.scores or {}).items()
        }
        for sample in log.samples or []
        if sample.error is None
    ]
    return data, scores


def dumped(model: Any) -> Any:
    return json.loads(model.model_dump_json(exclude_none=True))


CASES: list[tuple[str, list[Any], Any, Any]] = [
    ("*plain-default*.json", [match()], None, None),
    ("*arith-match_Zr8*q.json", [match(numeric=True)], None, None),
    ("*arith-match_Zr8*-scored.json", [match(numeric=True), includes()], None, None),
    ("*arith-includes*.eval", [includes()], None, None),
    (
        "*multi-scorer-task_3T9*.json",
        [match(numeric=True), includes(), answer_length(), dict_scorer()],
        None,
        None,
    ),
    (
        "*multi-scorer-task_KP9*.eval",
        [match(numeric=True), includes(), answer_length(), dict_scorer()],
        [accuracy(), stderr(), mean()],
        None,
    ),
    (
        "*epochs-reducers*.json",
        [match(numeric=True), answer_length()],
        None,
        ["mean", "max", "at_least_2"],
    ),
    (
        "*epochs-reducers*.eval",
        [match(numeric=True), answer_length()],
        None,
        ["mean", "max", at_least(2)],
    ),
    ("*sample-errors*.json", [match(numeric=True)], None, None),
    ("*slow-task*.json", [includes()], None, None),
    ("*model-graded*.json", [model_graded_fact()], None, None),
    ("*mcq*.json", [choice_scorer()], None, None),
    ("*tool-use*.json", [match(numeric=True)], None, None),
]


@pytest.mark.parametrize(("pattern", "scorers", "task_metrics", "reducers"), CASES)
def test_results_rebuilt_from_reference_logs(
    pattern: str, scorers: list[Any], task_metrics: Any, reducers: Any
) -> None:
    data, scores = fixture(pattern)
    total = data["results"]["total_samples"]
    results, reductions = eval_results(total, scores, scorers, task_metrics, reducers)
    assert dumped(results) == data["results"]
    assert [dumped(item) for item in reductions] == data["reductions"]
    assert [dumped(item) for item in eval_scorers(scorers, task_metrics)] == data["eval"]["scorers"]


def test_pairs_of_names_and_scorers_are_accepted() -> None:
    data, scores = fixture("*arith-match_Zr8*-scored.json")
    named = [("match", match(numeric=True)), ("includes", includes())]
    results, _ = compute_results(20, scores, named, None, None)
    assert dumped(results) == data["results"]


# synthetic cases ---------------------------------------------------------------------------


def sample_scores(
    values: dict[str, list[Any]], epochs: int = 1, metadata: list[dict[str, Any]] | None = None
) -> list[dict[str, SampleScore]]:
    """One dict per sample-epoch; ``values[scorer][sample * epochs + epoch]``."""
    count = len(next(iter(values.values()))) // epochs
    out = []
    for epoch in range(epochs):
        for sample in range(count):
            entry = {}
            for name, items in values.items():
                value = items[sample * epochs + epoch]
                if value is not None:
                    entry[name] = SampleScore(
                        score=Score(value=value),
                        sample_id=sample + 1,
                        sample_metadata=metadata[sample] if metadata else None,
                        scorer=name,
                    )
            out.append(entry)
    return out


@scorer(metrics=[accuracy()], name="plain")
def plain_scorer() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value="C")

    return score


def test_default_reducer_is_mean_and_has_no_reducer_name() -> None:
    scores = sample_scores({"plain": ["C", "I", "C", "C"]}, epochs=2)
    results, reductions = eval_results(4, scores, [plain_scorer()])
    assert results.completed_samples == 4
    [entry] = results.scores
    assert entry.reducer is None and entry.scored_samples == 2
    assert entry.metrics["accuracy"].value == 0.75
    assert [item.value for item in reductions[0].samples] == [0.5, 1.0]
    assert reductions[0].reducer is None
    assert results.headline is not None and results.headline.reducer is None


def test_single_explicit_reducer_is_not_named() -> None:
    scores = sample_scores({"plain": ["C", "I", "I", "I"]}, epochs=2)
    results, reductions = eval_results(4, scores, [plain_scorer()], reducers="max")
    assert results.scores[0].reducer is None
    assert results.scores[0].metrics["accuracy"].value == 0.5
    assert [item.value for item in reductions[0].samples] == ["C", "I"]


def test_several_reducers_give_one_entry_each() -> None:
    scores = sample_scores({"plain": ["C", "I", "I", "I"]}, epochs=2)
    results, reductions = eval_results(4, scores, [plain_scorer()], reducers=["mean", "max"])
    assert [(s.name, s.reducer) for s in results.scores] == [("plain", "mean"), ("plain", "max")]
    assert [r.reducer for r in reductions] == ["mean", "max"]
    assert results.headline is not None and results.headline.reducer == "mean"


@scorer(metrics=[{"a": [mean()]}, {"b": [mean(), stderr()]}])
def list_of_dicts() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value={"a": 1, "b": 2})

    return score


@scorer(metrics={"*": [mean()], "b": [accuracy()]})
def star_keys() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value={"a": 1, "b": 2})

    return score


@scorer(metrics=[accuracy(), {"b": [mean()]}])
def mixed_metrics() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value={"a": 1, "b": 2})

    return score


def test_dict_metrics_in_a_list() -> None:
    scores = sample_scores({"list_of_dicts": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]})
    results, _ = eval_results(2, scores, [list_of_dicts()])
    assert [(s.name, s.scorer) for s in results.scores] == [
        ("a", "list_of_dicts"),
        ("b", "list_of_dicts"),
    ]
    assert results.scores[0].metrics["mean"].value == 2.0
    assert set(results.scores[1].metrics) == {"mean", "stderr"}
    assert results.headline is not None
    assert (results.headline.scorer, results.headline.score) == ("list_of_dicts", "a")


def test_star_key_applies_to_every_other_key() -> None:
    scores = sample_scores({"star_keys": [{"a": 1, "b": "C", "c": 5}, {"a": 3, "b": "I", "c": 7}]})
    results, _ = eval_results(2, scores, [star_keys()])
    by_name = {s.name: s for s in results.scores}
    assert set(by_name) == {"a", "b", "c"}
    assert by_name["b"].metrics["accuracy"].value == 0.5
    assert by_name["c"].metrics["mean"].value == 6.0


def test_plain_metrics_next_to_dict_metrics() -> None:
    scores = sample_scores({"mixed_metrics": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]})
    results, _ = eval_results(2, scores, [mixed_metrics()])
    assert [s.name for s in results.scores] == ["mixed_metrics", "b"]
    assert results.scores[1].metrics["mean"].value == 3.0


def test_dict_key_missing_from_some_samples() -> None:
    scores = sample_scores({"list_of_dicts": [{"a": 1, "b": 2}, {"a": 3}]})
    results, _ = eval_results(2, scores, [list_of_dicts()])
    b = results.scores[1]
    assert (b.scored_samples, b.unscored_samples) == (1, 1)
    assert b.metrics["mean"].value == 2.0


def test_task_metrics_override_the_scorers() -> None:
    scores = sample_scores({"plain": ["C", "I"]})
    results, _ = eval_results(2, scores, [plain_scorer()], task_metrics=[mean(), stderr()])
    assert list(results.scores[0].metrics) == ["mean", "stderr"]
    entry = eval_scorer(plain_scorer(), "plain", [mean(), stderr()])
    assert entry.metrics == metric_definitions([mean(), stderr()])


def test_unscored_samples_are_counted_and_left_out() -> None:
    nan = float("nan")
    scores = sample_scores({"plain": ["C", nan, "I", None], "other": [1, 1, 1, 1]})

    @scorer(metrics=[accuracy()], name="other")
    def other() -> Scorer:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=1)

        return score

    results, reductions = eval_results(4, scores, [plain_scorer(), other()])
    plain = results.scores[0]
    assert (plain.scored_samples, plain.unscored_samples) == (2, 2)
    assert plain.metrics["accuracy"].value == 0.5
    # the NaN sample is in the reductions, the sample never scored is not
    assert [item.sample_id for item in reductions[0].samples] == [1, 2, 3]
    assert math.isnan(reductions[0].samples[1].value)  # type: ignore[arg-type]
    assert '"value":NaN' in reductions[0].model_dump_json(exclude_none=True)


@metric
def spread() -> Metric:
    def metric(scores: list[SampleScore]) -> dict[str, float]:
        values = [score.score.as_float() for score in scores]
        return {"min": min(values), "max": max(values)}

    return metric


@metric
def quantiles() -> Metric:
    def metric(scores: list[SampleScore]) -> list[float]:
        return [0.25, 0.75]

    return metric


@scorer(metrics=[spread(), quantiles()], group="numbers")
def numeric_scorer() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score:
        return Score(value=1.0)

    return score


def test_metrics_returning_several_values_and_scorer_metadata() -> None:
    scores = sample_scores({"numeric_scorer": [1.0, 5.0, 3.0]})
    results, _ = eval_results(3, scores, [numeric_scorer()])
    entry = results.scores[0]
    assert {name: m.value for name, m in entry.metrics.items()} == {
        "spread_min": 1.0,
        "spread_max": 5.0,
        "quantiles_0": 0.25,
        "quantiles_1": 0.75,
    }
    assert entry.metadata == {"group": "numbers"}
    spec = eval_scorer(numeric_scorer())
    assert spec.metadata == {"group": "numbers"}
    assert spec.metrics is not None
    assert [item.name for item in spec.metrics] == ["spread", "quantiles"]  # type: ignore[union-attr]


def test_clustered_stderr_reads_sample_metadata() -> None:
    @scorer(metrics=[stderr(cluster="group")], name="clustered")
    def clustered() -> Scorer:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=1)

        return score

    metadata = [{"group": g} for g in ["a", "a", "b", "b"]]
    scores = sample_scores({"clustered": [1.0, 1.0, 0.0, 0.0]}, metadata=metadata)
    results, _ = eval_results(4, scores, [clustered()])
    assert results.scores[0].metrics["stderr"].value == pytest.approx(0.5)
    assert results.scores[0].metrics["stderr"].params == {"cluster": "group"}


def test_duplicate_scorer_names_are_numbered() -> None:
    scorers = [match(), match(location="begin"), includes(), match("any")]
    assert unique_scorer_names(scorers) == ["match", "match1", "includes", "match2"]
    assert [entry.name for entry in eval_scorers(scorers)] == [
        "match",
        "match1",
        "includes",
        "match2",
    ]
    scores = sample_scores({"match": ["C"], "match1": ["I"], "includes": ["C"], "match2": ["C"]})
    results, _ = eval_results(1, scores, scorers)
    assert [(s.name, s.metrics["accuracy"].value) for s in results.scores] == [
        ("match", 1.0),
        ("match1", 0.0),
        ("includes", 1.0),
        ("match2", 1.0),
    ]


def test_sample_order_is_by_id() -> None:
    scores = [
        {"plain": SampleScore(score=Score(value="C"), sample_id=sample_id)}
        for sample_id in [10, 2, "b", "a", 1]
    ]
    _, reductions = eval_results(5, scores, [plain_scorer()])
    assert [item.sample_id for item in reductions[0].samples] == [1, 2, 10, "a", "b"]


def test_no_scorers() -> None:
    results, reductions = eval_results(3, [{}, {}, {}], [])
    assert (results.total_samples, results.completed_samples) == (3, 3)
    assert results.scores == [] and results.headline is None and reductions == []


def test_scorer_helpers() -> None:
    assert scorer_name(match()) == "match"
    assert scorer_metrics(dict_scorer()) == {
        "correct": scorer_metrics(dict_scorer())["correct"],  # type: ignore[call-overload]
        "length": scorer_metrics(dict_scorer())["length"],  # type: ignore[call-overload]
    }
    assert [dumped(d) for d in metric_definitions(scorer_metrics(match()))] == [
        {"name": "inspect_ai/accuracy", "options": {}},
        {"name": "inspect_ai/stderr", "options": {}},
    ]

    async def undecorated(state: TaskState, target: Target) -> Score:
        return Score(value=1)

    assert scorer_name(undecorated) == "undecorated"
    assert scorer_metrics(undecorated) == []


def test_bare_scorer_decorator() -> None:
    @scorer
    def bare() -> Scorer:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=1)

        return score

    assert scorer_name(bare()) == "bare"
    assert scorer_metrics(bare()) == []
    results, _ = eval_results(1, sample_scores({"bare": [1]}), [bare()])
    assert results.scores[0].metrics == {} and results.headline is None
