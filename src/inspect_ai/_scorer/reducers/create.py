"""Reducers from what a task or eval names: objects, names, or a list of either."""

import re
from collections.abc import Callable, Sequence

from inspect_ai._registry.registry import registry_find
from inspect_ai._scorer.reducer import ScoreReducer, ScoreReducers
from inspect_ai._scorer.reducers.builtin import (
    at_least,
    max_score,
    mean_score,
    median_score,
    mode_score,
    pass_at,
)

_SIMPLE: dict[str, Callable[[], ScoreReducer]] = {
    "mean": mean_score,
    "median": median_score,
    "mode": mode_score,
    "max": max_score,
}

_WITH_K: dict[str, Callable[[int], ScoreReducer]] = {"pass_at": pass_at, "at_least": at_least}

_K_NAME = re.compile(r"^(pass_at|at_least)_(\d+)$")


def create_reducers(reducer: ScoreReducers | None) -> list[ScoreReducer] | None:
    """Reducers as a list of objects (None stays None).

    Names are the built-ins (``mean``, ``median``, ``mode``, ``max``, ``pass_at_<k>``,
    ``at_least_<k>``) or reducers registered with ``@score_reducer``.
    """
    if reducer is None:
        return None
    items = [reducer] if isinstance(reducer, str) or not isinstance(reducer, Sequence) else reducer
    return [create_reducer(item) if isinstance(item, str) else item for item in items]


def create_reducer(name: str) -> ScoreReducer:
    """The reducer called ``name``."""
    short = name.rsplit("/", 1)[-1]
    if short in _SIMPLE:
        return _SIMPLE[short]()
    matched = _K_NAME.match(short)
    if matched is not None:
        return _WITH_K[matched.group(1)](int(matched.group(2)))
    factory = registry_find("score_reducer", name)
    if factory is None or not callable(factory):
        raise ValueError(f"Unknown score reducer '{name}'.")
    created: ScoreReducer = factory()
    return created
