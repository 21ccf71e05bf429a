"""``stderr()``: the standard error of the mean, optionally clustered."""

import math
from collections.abc import Hashable, Sequence
from typing import Any

from inspect_ai._scorer import stats
from inspect_ai._scorer.metric import Metric, builtin_metric
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.value_to_float import DEFAULT_TO_FLOAT, ValueToFloat


@builtin_metric
def stderr(to_float: ValueToFloat = DEFAULT_TO_FLOAT, cluster: str | None = None) -> Metric:
    """Compute the standard error of the mean of the score values.

    Without ``cluster`` this is the sample standard deviation over the square root of the
    number of scores. With ``cluster``, samples sharing a value of that metadata key are
    treated as one cluster and the clustered (Liang-Zeger, with the G/(G-1) small-sample
    correction) standard error is computed.

    Args:
        to_float: Converts a score value to a float.
        cluster: Sample metadata key whose values define the clusters.
    """

    def metric(scores: list[SampleScore]) -> float:
        pairs = [(to_float(item.score.value), item) for item in scores]
        pairs = [(value, item) for value, item in pairs if not math.isnan(value)]
        values = [value for value, _ in pairs]
        if len(values) < 2:
            return 0.0
        if cluster is None:
            return stats.std(values, ddof=1) / math.sqrt(len(values))
        groups = [_cluster_of(item, cluster) for _, item in pairs]
        return clustered_stderr(values, groups)

    return metric


def clustered_stderr(values: Sequence[float], clusters: Sequence[Hashable]) -> float:
    """Clustered standard error of the mean of ``values`` (0 with fewer than two clusters)."""
    centre = stats.mean(values)
    residuals: dict[Hashable, float] = {}
    for value, group in zip(values, clusters, strict=True):
        residuals[group] = residuals.get(group, 0.0) + (value - centre)
    count = len(residuals)
    if count < 2:
        return 0.0
    spread = stats.fsum_pairwise([total * total for total in residuals.values()])
    variance = (count / (count - 1)) * spread / (len(values) ** 2)
    return math.sqrt(variance)


def _cluster_of(item: SampleScore, key: str) -> Hashable:
    metadata: dict[str, Any] = item.sample_metadata or {}
    if key not in metadata:
        raise ValueError(
            f"stderr(cluster='{key}'): sample {item.sample_id!r} has no metadata '{key}'."
        )
    value = metadata[key]
    return value if isinstance(value, Hashable) else repr(value)
