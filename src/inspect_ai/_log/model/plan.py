"""The solvers an eval ran and the generation config they used."""

from typing import Any

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._model.generate_config import GenerateConfig


class EvalPlanStep(LogModel):
    """One solver of the plan and its parameters."""

    solver: str
    """Solver name."""

    params: dict[str, Any] = Field(default_factory=dict)
    """Parameters of the solver (including defaults)."""

    params_passed: dict[str, Any] = Field(default_factory=dict)
    """Parameters explicitly passed."""


class EvalPlan(LogModel):
    """The solvers of an eval, the step that always runs last, and the generation config."""

    name: str = "plan"
    """Plan name."""

    steps: list[EvalPlanStep] = Field(default_factory=list)
    """Steps of the plan."""

    finish: EvalPlanStep | None = None
    """Step that always runs at the end."""

    config: GenerateConfig = Field(default_factory=GenerateConfig)
    """Generation config."""
