"""Sums, means and variances of floats, computed the way numpy computes them.

Metrics are pure Python, but their values should be the very floats numpy gives (logs
written by other implementations are compared to the last bit), so sums use numpy's
pairwise summation: blocks of up to 128 values are added in eight interleaved running
sums, and longer arrays are split in two.
"""

import math
import operator
from collections.abc import Sequence
from functools import reduce

_BLOCK = 128
_UNROLL = 8


def fsum_pairwise(values: Sequence[float]) -> float:
    """The sum of ``values`` (numpy's pairwise summation)."""
    return _pairwise(values, 0, len(values))


def _pairwise(values: Sequence[float], start: int, count: int) -> float:
    if count < _UNROLL:
        return _sequential(values[start : start + count], 0.0)
    if count <= _BLOCK:
        return _block(values, start, count)
    half = count // 2
    half -= half % _UNROLL
    return _pairwise(values, start, half) + _pairwise(values, start + half, count - half)


def _block(values: Sequence[float], start: int, count: int) -> float:
    end = start + count - count % _UNROLL
    lanes = [
        _sequential(values[start + lane + _UNROLL : end : _UNROLL], values[start + lane])
        for lane in range(_UNROLL)
    ]
    total = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + (
        (lanes[4] + lanes[5]) + (lanes[6] + lanes[7])
    )
    return _sequential(values[end : start + count], total)


def _sequential(values: Sequence[float], initial: float) -> float:
    # functools.reduce adds left to right (builtin sum() compensates from Python 3.12)
    return float(reduce(operator.add, values, initial))


def mean(values: Sequence[float]) -> float:
    """The mean of ``values`` (which must not be empty)."""
    return fsum_pairwise(values) / len(values)


def variance(values: Sequence[float], ddof: int = 0) -> float:
    """The variance of ``values`` with ``ddof`` delta degrees of freedom."""
    centre = mean(values)
    squares = [(value - centre) * (value - centre) for value in values]
    return fsum_pairwise(squares) / (len(values) - ddof)


def std(values: Sequence[float], ddof: int = 0) -> float:
    """The standard deviation of ``values`` with ``ddof`` delta degrees of freedom."""
    return math.sqrt(variance(values, ddof))
