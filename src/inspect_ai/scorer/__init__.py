"""Scoring: scores and their values."""

from inspect_ai._scorer.score import Score, Value, ValueScalar

__all__ = ["Score", "Value", "ValueScalar"]
