"""Reducing scores whatever the shape of their values (scalar, list or dict).

A reducer is written for lists of scalar values; dict values are reduced key by key and
list values position by position. The reduced score keeps the answer, explanation and
metadata the scores agree on (and drops those that differ).
"""

import math
from collections.abc import Callable, Sequence
from typing import Any

from inspect_ai._scorer.score import Score, Value, ValueScalar
from inspect_ai._scorer.value_to_float import ValueToFloat

ScalarReducer = Callable[[list[ValueScalar]], ValueScalar]
"""Reduces the scalar values of one key (or position, or a scalar score) to one."""


def reduce_scores(scores: Sequence[Score], reduce: ScalarReducer) -> Score:
    """One score from ``scores``: values reduced by ``reduce``, shared fields kept."""
    if not scores:
        raise ValueError("There are no scores to reduce.")
    return Score(
        value=reduce_values([score.value for score in scores], reduce),
        answer=_shared([score.answer for score in scores]),
        explanation=_shared([score.explanation for score in scores]),
        metadata=_shared([score.metadata for score in scores]),
    )


def reduce_values(values: Sequence[Value], reduce: ScalarReducer) -> Value:
    """``values`` reduced by ``reduce`` (dicts key by key, lists position by position)."""
    first = values[0]  # values are validated: a dict or a list is exactly that
    if isinstance(first, dict):
        return _reduce_dicts(values, reduce)
    if isinstance(first, list):
        return _reduce_lists(values, reduce)
    return reduce([value for value in values if isinstance(value, str | int | float | bool)])


def scored(values: list[ValueScalar], to_float: ValueToFloat) -> list[tuple[ValueScalar, float]]:
    """Each value with its float, leaving out unscored (NaN) values."""
    pairs = [(value, to_float(value)) for value in values]
    return [(value, number) for value, number in pairs if not math.isnan(number)]


def _reduce_dicts(values: Sequence[Value], reduce: ScalarReducer) -> dict[str, ValueScalar]:
    dicts = [value for value in values if isinstance(value, dict)]
    keys = list(dict.fromkeys(key for item in dicts for key in item))
    reduced: dict[str, ValueScalar] = {}
    for key in keys:
        items = [found for item in dicts if (found := item.get(key)) is not None]
        if items:
            reduced[key] = reduce(items)
    return reduced


def _reduce_lists(values: Sequence[Value], reduce: ScalarReducer) -> list[ValueScalar]:
    lists = [value for value in values if isinstance(value, list)]
    width = max(len(item) for item in lists)
    return [reduce([item[i] for item in lists if i < len(item)]) for i in range(width)]


def _shared(items: list[Any]) -> Any:
    first = items[0]
    return first if all(item == first for item in items[1:]) else None
