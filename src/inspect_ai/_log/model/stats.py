"""Timing and token usage of an eval."""

from typing import Literal

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._model.usage import ModelUsage


class ConnectionLimitChange(LogModel):
    """A change of the number of connections to a model."""

    timestamp: float
    model: str
    old_limit: int
    new_limit: int
    reason: Literal["slow_start", "steady_state_up", "rate_limit", "manual"]


class EvalStats(LogModel):
    """When an eval started and completed, and the tokens it used."""

    started_at: str = ""
    """Start time (ISO 8601)."""

    completed_at: str = ""
    """Completion time (ISO 8601); empty while running."""

    model_usage: dict[str, ModelUsage] = Field(default_factory=dict)
    """Token usage per model."""

    role_usage: dict[str, ModelUsage] = Field(default_factory=dict)
    """Token usage per model role."""

    connection_limit_history: list[ConnectionLimitChange] = Field(default_factory=list)
    """Changes of model connection limits."""
