"""A call to a model."""

from typing import Literal

from pydantic import Field

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.types import Timestamp
from inspect_ai._model.call import ModelCall, ModelRequestId
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.output import ModelOutput
from inspect_ai._tool.info import ToolChoice, ToolInfo


class ModelEvent(BaseEvent):
    """A call to a model: its input, tools, config, output and raw API call."""

    event: Literal["model"] = "model"
    model: str
    """Model name."""

    role: str | None = None
    """Role the model played (e.g. ``grader``)."""

    requested_model: str | None = None
    """Model originally requested (when a fallback answered)."""

    input: list[ChatMessage] = Field(default_factory=list)
    """Messages sent to the model."""

    input_refs: list[tuple[int, int]] | None = None
    """Ranges of the sample's message pool making up ``input`` (condensed logs)."""

    tools: list[ToolInfo] = Field(default_factory=list)
    """Tools offered to the model."""

    tool_choice: ToolChoice = "none"
    """Tool choice directive."""

    config: GenerateConfig = Field(default_factory=GenerateConfig)
    """Generation config of the call."""

    output: ModelOutput = Field(default_factory=ModelOutput)
    """Output of the model."""

    retries: int | None = None
    """Retries made for the call."""

    error: str | None = None
    """Error raised by the call."""

    traceback: str | None = None
    """Traceback of the error."""

    traceback_ansi: str | None = None
    """Traceback of the error with ANSI colours."""

    cache: Literal["read", "write"] | None = None
    """Whether the output was read from or written to the cache."""

    call: ModelCall | None = None
    """Raw API call."""

    request_ids: list[ModelRequestId] | None = None
    """Request ids reported by the API."""

    completed: Timestamp | None = None
    """When the call completed."""

    working_time: float | None = None
    """Working seconds the call took."""
