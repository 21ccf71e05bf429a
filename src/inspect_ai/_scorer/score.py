"""Scores given to samples, their values and their edit history."""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

from pydantic import Field

from inspect_ai._json.model import LogModel

ValueScalar: TypeAlias = str | int | float | bool
"""A single score value."""

Value: TypeAlias = (
    str
    | int
    | float
    | bool
    | Sequence[str | int | float | bool]
    | Mapping[str, str | int | float | bool | None]
)
"""A score value: a scalar, a list of scalars or a dict of scalars."""

ScoreReason: TypeAlias = (
    Literal["invalid_response_format", "refusal", "no_response", "grader_failed", "scoring_failed"]
    | str
)
"""Why a score is what it is (when it was not a normal grading)."""

UNCHANGED: Literal["UNCHANGED"] = "UNCHANGED"
"""Marks a field left as it was by a score edit."""


class ProvenanceData(LogModel):
    """Who changed something, when and why."""

    timestamp: str
    author: str
    reason: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)


class ScoreEdit(LogModel):
    """An edit of a score; fields left ``UNCHANGED`` keep their earlier value."""

    value: Value | Literal["UNCHANGED"] = UNCHANGED
    answer: str | Literal["UNCHANGED"] | None = UNCHANGED
    explanation: str | Literal["UNCHANGED"] | None = UNCHANGED
    metadata: dict[str, Any] | Literal["UNCHANGED"] = UNCHANGED
    reason: ScoreReason | Literal["UNCHANGED"] | None = UNCHANGED
    provenance: ProvenanceData | None = None


class Score(LogModel):
    """Score given by a scorer to a sample."""

    value: Value
    """Score value."""

    answer: str | None = None
    """Answer extracted from the model output."""

    explanation: str | None = None
    """Explanation of the score."""

    metadata: dict[str, Any] | None = None
    """Additional metadata about the score."""

    history: list[ScoreEdit] = Field(default_factory=list)
    """Edits made to the score after it was given."""

    reason: ScoreReason | None = None
    """Why the score is what it is (refusal, no response, ...)."""

    @property
    def text(self) -> str:
        """The value as text."""
        return str(self.value)

    def as_str(self) -> str:
        """The value as a string (it must be one)."""
        return str(self._as_scalar(str))

    def as_int(self) -> int:
        """The value as an int (it must be one)."""
        return int(self._as_scalar(int))

    def as_float(self) -> float:
        """The value as a float (it must be one)."""
        return float(self._as_scalar(float))

    def as_bool(self) -> bool:
        """The value as a bool (it must be one)."""
        return bool(self._as_scalar(bool))

    def as_list(self) -> list[str | int | float | bool]:
        """The value as a list (it must be one)."""
        if isinstance(self.value, Sequence) and not isinstance(self.value, str):
            return list(self.value)
        raise ValueError(f"Score value {self.value!r} is not a list.")

    def as_dict(self) -> dict[str, str | int | float | bool | None]:
        """The value as a dict (it must be one)."""
        if isinstance(self.value, Mapping):
            return dict(self.value)
        raise ValueError(f"Score value {self.value!r} is not a dict.")

    def _as_scalar(self, kind: type) -> Any:
        value = self.value
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise ValueError(f"Score value {value!r} is not a {kind.__name__}.")
