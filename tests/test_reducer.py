"""Epoch reducers: the built-ins, dict and list values, names, and creating them by name."""

import math

import pytest

from inspect_ai._registry.registry import registry_info
from inspect_ai._scorer.reducer import reducer_name
from inspect_ai._scorer.reducers.create import create_reducers
from inspect_ai.scorer import (
    Score,
    ScoreReducer,
    at_least,
    max_score,
    mean_score,
    median_score,
    mode_score,
    pass_at,
    score_reducer,
)


def scores(*values: object) -> list[Score]:
    return [Score(value=value) for value in values]


def test_mean_converts_to_float() -> None:
    assert mean_score()(scores("C", "I", "C")).value == pytest.approx(2 / 3)
    single = mean_score()(scores("C")).value
    assert single == 1.0 and isinstance(single, float)
    assert mean_score()(scores(9, 9, 10)).value == pytest.approx(28 / 3)


def test_median_and_mode() -> None:
    assert median_score()(scores(1, 5, 2)).value == 2.0
    assert median_score()(scores(1, 2, 3, 4)).value == 2.5
    assert mode_score()(scores("C", "I", "I")).value == "I"
    assert mode_score()(scores("C", "I")).value == "C"  # ties: first seen


def test_max_keeps_the_original_value() -> None:
    assert max_score()(scores("I", "C", "I")).value == "C"
    best = max_score()(scores(9, 10, 9)).value
    assert best == 10 and isinstance(best, int)


def test_at_least() -> None:
    assert at_least(2)(scores("C", "I", "C")).value == 1
    assert at_least(2)(scores("C", "I", "I")).value == 0
    assert at_least(2, value=10)(scores(9, 10, 11)).value == 1
    assert at_least(3, value=10)(scores(9, 10, 11)).value == 0


def test_pass_at_k() -> None:
    # n=3, c=1, k=2: 1 - C(2,2)/C(3,2) = 2/3
    assert pass_at(2)(scores("C", "I", "I")).value == pytest.approx(2 / 3)
    assert pass_at(1)(scores("C", "I", "I", "I")).value == pytest.approx(0.25)
    assert pass_at(2)(scores("I", "I", "I")).value == 0.0
    assert pass_at(2)(scores("C", "C", "I")).value == 1.0
    assert pass_at(5)(scores("C", "I")).value == 1.0


def test_k_must_be_positive() -> None:
    with pytest.raises(ValueError):
        pass_at(0)
    with pytest.raises(ValueError):
        at_least(-1)


def test_dict_values_are_reduced_per_key() -> None:
    epochs = scores({"correct": "C", "length": 31}, {"correct": "I", "length": 33})
    assert mean_score()(epochs).value == {"correct": 0.5, "length": 32.0}
    assert max_score()(epochs).value == {"correct": "C", "length": 33}
    assert at_least(1, value=32)(epochs).value == {"correct": 0, "length": 1}
    assert mode_score()(epochs).value == {"correct": "C", "length": 31}


def test_dict_values_with_missing_keys() -> None:
    epochs = scores({"a": 1.0, "b": 2.0}, {"a": 3.0})
    assert mean_score()(epochs).value == {"a": 2.0, "b": 2.0}


def test_list_values_are_reduced_per_position() -> None:
    assert mean_score()(scores([1, 0], [0, 0], [1, 1])).value == [pytest.approx(2 / 3), 1 / 3]


def test_answer_explanation_metadata_kept_only_when_shared() -> None:
    same = [
        Score(value=9, answer="9", explanation="9 chars", metadata={"k": 1}),
        Score(value=9, answer="9", explanation="9 chars", metadata={"k": 1}),
    ]
    reduced = mean_score()(same)
    assert (reduced.answer, reduced.explanation, reduced.metadata) == ("9", "9 chars", {"k": 1})
    different = [
        Score(value="C", answer="4", explanation="ANSWER: 4"),
        Score(value="I", answer="5", explanation="ANSWER: 5"),
    ]
    reduced = max_score()(different)
    assert (reduced.answer, reduced.explanation, reduced.metadata) == (None, None, None)


def test_unscored_epochs_are_left_out() -> None:
    nan = float("nan")
    assert mean_score()(scores(1.0, nan, 0.0)).value == 0.5
    assert math.isnan(mean_score()(scores(nan, nan)).value)  # type: ignore[arg-type]


def test_no_scores_is_an_error() -> None:
    with pytest.raises(ValueError):
        mean_score()([])


def test_reducer_names() -> None:
    assert reducer_name(mean_score()) == "mean"
    assert reducer_name(median_score()) == "median"
    assert reducer_name(mode_score()) == "mode"
    assert reducer_name(max_score()) == "max"
    assert reducer_name(pass_at(3)) == "pass_at_3"
    assert reducer_name(at_least(2)) == "at_least_2"
    assert registry_info(mean_score()).type == "score_reducer"


@score_reducer(name="last")
def last_score() -> ScoreReducer:
    def reduce(scores: list[Score]) -> Score:
        return scores[-1]

    return reduce


@score_reducer
def first_score() -> ScoreReducer:
    def reduce(scores: list[Score]) -> Score:
        return scores[0]

    return reduce


def test_custom_reducers() -> None:
    assert reducer_name(last_score()) == "last"
    assert reducer_name(first_score()) == "first_score"
    assert last_score()(scores(1, 2)).value == 2


def test_create_reducers_from_names_and_objects() -> None:
    assert create_reducers(None) is None
    created = create_reducers(["mean", "max", "at_least_2", "pass_at_5", "median", "mode"])
    assert created is not None
    assert [reducer_name(r) for r in created] == [
        "mean",
        "max",
        "at_least_2",
        "pass_at_5",
        "median",
        "mode",
    ]
    single = create_reducers("mode")
    assert single is not None and [reducer_name(r) for r in single] == ["mode"]
    mixed = create_reducers([mean_score(), "last"])
    assert mixed is not None and [reducer_name(r) for r in mixed] == ["mean", "last"]
    obj = create_reducers(max_score())
    assert obj is not None and reducer_name(obj[0]) == "max"


def test_create_reducers_unknown_name() -> None:
    with pytest.raises(ValueError, match="nonsense"):
        create_reducers("nonsense")
