"""A score given to the sample, and a later edit of a score."""

from typing import Any, Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._model.usage import ModelUsage
from inspect_ai._scorer.score import Score, ScoreEdit


class ScoreEvent(BaseEvent):
    """A scorer scored the sample."""

    event: Literal["score"] = "score"
    score: Score
    """The score."""

    target: str | list[str] | None = None
    """Target used for scoring."""

    intermediate: bool = False
    """Whether this is an intermediate score (not the final one)."""

    scorer: str | None = None
    """Scorer name."""

    scorer_args: dict[str, Any] | None = None
    """Scorer arguments."""

    model_usage: dict[str, ModelUsage] | None = None
    """Model usage of the sample at scoring time."""

    role_usage: dict[str, ModelUsage] | None = None
    """Model usage per role at scoring time."""


class ScoreEditEvent(BaseEvent):
    """A score was edited."""

    event: Literal["score_edit"] = "score_edit"
    score_name: str
    edit: ScoreEdit
