"""Score values as numbers: the conventional letter grades and their conversion to floats."""

import logging
from collections.abc import Callable
from typing import TypeAlias

from inspect_ai._scorer.score import Value

logger = logging.getLogger(__name__)

CORRECT = "C"
"""Value of a correct answer."""

INCORRECT = "I"
"""Value of an incorrect answer."""

PARTIAL = "P"
"""Value of a partially correct answer."""

NOANSWER = "N"
"""Value of a missing answer."""

ValueToFloat: TypeAlias = Callable[[Value], float]
"""Turns a score value into a float."""

_TRUE_WORDS = frozenset({"yes", "true"})
_FALSE_WORDS = frozenset({"no", "false"})


def value_to_float(
    correct: Value = CORRECT,
    incorrect: Value = INCORRECT,
    partial: Value = PARTIAL,
    noanswer: Value = NOANSWER,
) -> ValueToFloat:
    """A function turning score values into floats.

    Numbers (and bools) are taken as they are; ``correct`` is 1, ``partial`` 0.5,
    ``incorrect`` and ``noanswer`` 0; the strings "yes"/"true" are 1, "no"/"false" 0 and
    numeric strings their number. Anything else is 0 (with a warning).

    Args:
        correct: Value of a correct answer.
        incorrect: Value of an incorrect answer.
        partial: Value of a partially correct answer.
        noanswer: Value of a missing answer.
    """

    def to_float(value: Value) -> float:
        if isinstance(value, int | float):  # bool is an int
            return float(value)
        if value == correct:
            return 1.0
        if value == partial:
            return 0.5
        if value == incorrect or value == noanswer:
            return 0.0
        if isinstance(value, str):
            return _string_to_float(value)
        _warn(value)
        return 0.0

    return to_float


DEFAULT_TO_FLOAT: ValueToFloat = value_to_float()
"""The default conversion ("C" 1, "P" 0.5, "I"/"N" 0, numbers as they are)."""


def _string_to_float(value: str) -> float:
    text = value.strip().lower()
    if text in _TRUE_WORDS:
        return 1.0
    if text in _FALSE_WORDS:
        return 0.0
    try:
        return float(text)
    except ValueError:
        _warn(value)
        return 0.0


_warned: set[str] = set()
_MAX_WARNINGS = 100


def _warn(value: Value) -> None:
    """Warn (once per kind of value) that a value could not be converted."""
    kind = repr(value)[:100] if isinstance(value, str) else type(value).__name__
    if kind in _warned or len(_warned) >= _MAX_WARNINGS:
        return
    _warned.add(kind)
    logger.warning("Unable to convert score value %r to a float (using 0).", value)
