"""Metrics: value_to_float, the built-ins, clustered stderr, bootstrap, old-style metrics."""

import math
import statistics
import time
from typing import Any

import pytest

from inspect_ai._registry.registry import registry_info
from inspect_ai._scorer import stats
from inspect_ai._scorer.metric import call_metric, metric_log_name, metric_name, metric_params
from inspect_ai.scorer import (
    CORRECT,
    INCORRECT,
    NOANSWER,
    PARTIAL,
    Metric,
    SampleScore,
    Score,
    accuracy,
    bootstrap_std,
    bootstrap_stderr,
    mean,
    metric,
    std,
    stderr,
    value_to_float,
    var,
)


def samples(*values: Any, metadata: list[dict[str, Any]] | None = None) -> list[SampleScore]:
    return [
        SampleScore(
            score=Score(value=value),
            sample_id=index + 1,
            sample_metadata=metadata[index] if metadata else None,
        )
        for index, value in enumerate(values)
    ]


def test_value_to_float_defaults() -> None:
    to_float = value_to_float()
    assert [to_float(v) for v in [CORRECT, INCORRECT, PARTIAL, NOANSWER]] == [1, 0, 0.5, 0]
    assert [to_float(v) for v in [True, False, 3, 2.5]] == [1.0, 0.0, 3.0, 2.5]
    assert [to_float(v) for v in ["yes", "True", "no", "false", "0.25", "7"]] == [
        1,
        1,
        0,
        0,
        0.25,
        7,
    ]
    assert to_float("banana") == 0.0
    assert to_float({"a": 1}) == 0.0


def test_value_to_float_custom_letters() -> None:
    to_float = value_to_float(correct="Y", incorrect="X", partial="H")
    assert [to_float("Y"), to_float("X"), to_float("H")] == [1.0, 0.0, 0.5]


def test_accuracy_counts_partial_as_half() -> None:
    assert accuracy()(samples("C", "I", "P", "C")) == pytest.approx(0.625)
    assert accuracy()(samples()) == 0.0
    assert accuracy()(samples(1, 0, True, 1.0)) == 0.75


def test_accuracy_with_custom_to_float() -> None:
    strict = accuracy(to_float=value_to_float(partial="nothing"))
    assert strict(samples("C", "P")) == 0.5  # "P" is no longer partial (and unknown: 0)


def test_mean_var_std() -> None:
    values = [1.0, 2.0, 4.0, 7.0]
    scores = samples(*values)
    assert mean()(scores) == pytest.approx(3.5)
    assert var()(scores) == pytest.approx(statistics.variance(values))
    assert std()(scores) == pytest.approx(statistics.stdev(values))
    assert var()(samples(1.0)) == 0.0 and std()(samples(1.0)) == 0.0


def test_stderr_matches_the_reference_value() -> None:
    # plain-default fixture: 20 samples alternating wrong/right, stderr 0.11470786693528086
    scores = samples(*(["I", "C"] * 10))
    assert accuracy()(scores) == 0.5
    assert stderr()(scores) == 0.11470786693528086


def test_stderr_small_inputs() -> None:
    assert stderr()(samples()) == 0.0
    assert stderr()(samples("C")) == 0.0
    assert stderr()(samples("C", "C", "C")) == 0.0


def test_unscored_nan_values_are_left_out() -> None:
    nan = float("nan")
    assert mean()(samples(1.0, nan, 3.0)) == 2.0
    assert accuracy()(samples("C", nan)) == 1.0
    assert stderr()(samples(1.0, nan, 3.0)) == pytest.approx(1.0)


def test_clustered_stderr() -> None:
    values = [1.0, 1.0, 0.0, 0.0, 1.0, 0.0]
    groups = ["a", "a", "b", "b", "c", "c"]
    metadata = [{"group": group} for group in groups]
    scores = samples(*values, metadata=metadata)
    centre = sum(values) / len(values)
    sums = {group: 0.0 for group in groups}
    for value, group in zip(values, groups, strict=True):
        sums[group] += value - centre
    count, n = len(sums), len(values)
    expected = math.sqrt(count / (count - 1) * sum(s * s for s in sums.values()) / n**2)
    clustered = stderr(cluster="group")(scores)
    assert clustered == pytest.approx(expected)
    assert clustered != pytest.approx(stderr()(scores))


def test_clustered_stderr_with_singleton_clusters_equals_plain_stderr() -> None:
    values = [1.0, 0.0, 1.0, 1.0, 0.0]
    metadata = [{"id": index} for index in range(len(values))]
    scores = samples(*values, metadata=metadata)
    assert stderr(cluster="id")(scores) == pytest.approx(stderr()(scores))


def test_clustered_stderr_needs_the_metadata_key() -> None:
    with pytest.raises(ValueError, match="group"):
        stderr(cluster="group")(samples(1.0, 0.0))


def test_clustered_stderr_single_cluster_is_zero() -> None:
    scores = samples(1.0, 0.0, metadata=[{"g": 1}, {"g": 1}])
    assert stderr(cluster="g")(scores) == 0.0


def test_bootstrap_stderr_approximates_the_standard_error() -> None:
    values = [float(i % 2) for i in range(200)]
    estimate = bootstrap_stderr()(samples(*values))
    expected = statistics.pstdev(values) / math.sqrt(len(values))
    assert estimate == pytest.approx(expected, rel=0.15)
    assert bootstrap_stderr()(samples(*values)) == estimate  # seeded: repeatable
    assert bootstrap_stderr()(samples(1.0)) == 0.0


def test_bootstrap_stderr_is_fast() -> None:
    scores = samples(*[float(i % 3 == 0) for i in range(2000)])
    started = time.perf_counter()
    bootstrap_stderr(num_samples=1000)(scores)
    assert time.perf_counter() - started < 5.0


def test_bootstrap_std_is_the_same_metric_under_the_guide_name() -> None:
    scores = samples(*[float(i % 2) for i in range(50)])
    assert bootstrap_std(num_samples=200)(scores) == bootstrap_stderr(num_samples=200)(scores)
    assert metric_name(bootstrap_std()) == "bootstrap_std"


def test_builtin_metric_names() -> None:
    assert metric_name(accuracy()) == "accuracy"
    assert metric_log_name(accuracy()) == "inspect_ai/accuracy"
    assert metric_log_name(stderr()) == "inspect_ai/stderr"
    assert metric_params(stderr(cluster="g")) == {"cluster": "g"}
    assert metric_params(accuracy()) == {}


def test_builtin_metrics_accept_plain_scores_too() -> None:
    assert accuracy()([Score(value="C"), Score(value="I")]) == 0.5  # type: ignore[list-item]


# custom metrics --------------------------------------------------------------------------


@metric
def old_style_var() -> Metric:
    """The guide's variance example, written against list[Score]."""

    def metric(scores: list[Score]) -> float:
        assert all(type(score) is Score for score in scores)
        return statistics.pvariance([score.as_float() for score in scores])

    return metric  # type: ignore[return-value]


@metric(name="ids_seen")
def new_style() -> Metric:
    def metric(scores: list[SampleScore]) -> float:
        assert all(isinstance(score, SampleScore) for score in scores)
        return float(len({score.sample_id for score in scores}))

    return metric


def undecorated_var() -> Metric:
    def metric(scores: list[Score]) -> float:
        return statistics.pvariance([score.as_float() for score in scores])

    return metric  # type: ignore[return-value]


def test_old_style_metric_gets_plain_scores() -> None:
    scores = samples(1.0, 2.0, 3.0)
    assert old_style_var()(scores) == pytest.approx(2 / 3)
    assert metric_name(old_style_var()) == "old_style_var"
    assert registry_info(old_style_var()).type == "metric"


def test_new_style_metric_gets_sample_scores() -> None:
    assert new_style()(samples(1.0, 2.0)) == 2.0
    assert metric_name(new_style()) == "ids_seen"
    # plain scores given to a new-style metric are wrapped
    assert new_style()([Score(value=1.0)]) == 1.0  # type: ignore[list-item]


def test_undecorated_metric_is_adapted_when_called() -> None:
    assert call_metric(undecorated_var(), samples(1.0, 2.0, 3.0)) == pytest.approx(2 / 3)


def test_string_annotations_are_understood() -> None:
    namespace: dict[str, Any] = {}
    exec(
        "from __future__ import annotations\n"
        "from inspect_ai.scorer import Score\n"
        "def fn(scores: list[Score]) -> float:\n"
        "    return float(type(scores[0]).__name__ == 'Score')\n",
        namespace,
    )
    assert call_metric(namespace["fn"], samples(1.0)) == 1.0


def test_sample_score_delegates_to_its_score() -> None:
    item = SampleScore(score=Score(value=2, answer="a", explanation="e", metadata={"k": 1}))
    assert (item.value, item.answer, item.explanation, item.metadata) == (2, "a", "e", {"k": 1})
    assert item.as_float() == 2.0 and item.as_int() == 2 and item.text == "2"


def test_stats_match_numpy_summation() -> None:
    numpy = pytest.importorskip("numpy")
    values = [((i * 7919) % 1000) / 7.0 for i in range(5000)]
    assert stats.fsum_pairwise(values) == float(numpy.sum(numpy.array(values)))
    assert stats.std(values, ddof=1) == float(numpy.std(numpy.array(values), ddof=1))
