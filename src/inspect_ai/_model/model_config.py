"""The model (name, base url, args and config) playing a role in an eval."""

from typing import Any

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._model.generate_config import GenerateConfig


class ModelConfig(LogModel):
    """A model as recorded for a role: name, generation config, base url and args."""

    model: str
    """Model name."""

    config: GenerateConfig = Field(default_factory=GenerateConfig)
    """Generation config."""

    base_url: str | None = None
    """Base URL of the model API."""

    args: dict[str, Any] = Field(default_factory=dict)
    """Model arguments."""
