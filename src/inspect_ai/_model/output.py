"""What a model returned: choices, stop reasons, usage and log probabilities."""

from typing import Any, Literal, TypeAlias

from pydantic import Field, model_validator

from inspect_ai._json.model import LogModel
from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.call import ToolCall

StopReason: TypeAlias = Literal[
    "stop", "max_tokens", "model_length", "tool_calls", "content_filter", "unknown"
]
"""Why the model stopped generating."""


class TopLogprob(LogModel):
    """One of the most likely tokens at a position."""

    token: str
    logprob: float
    bytes: list[int] | None = None


class Logprob(LogModel):
    """Log probability of one output token."""

    token: str
    """The token."""

    logprob: float
    """Its log probability."""

    bytes: list[int] | None = None
    """UTF-8 bytes of the token."""

    top_logprobs: list[TopLogprob] | None = None
    """The most likely alternatives at this position."""


class Logprobs(LogModel):
    """Log probabilities of the tokens of a completion."""

    content: list[Logprob]


class StopCategory(LogModel):
    """A category reported when output was filtered."""

    category: str
    level: str | None = None


class StopDetails(LogModel):
    """Details of why output was stopped or filtered."""

    type: str | None = None
    category: str | None = None
    explanation: str | None = None
    categories: list[StopCategory] = Field(default_factory=list)


class ModelFallback(LogModel):
    """A fallback from one model to another."""

    model: str
    fallback_model: str
    count: int = 1
    metadata: dict[str, Any] | None = None


class ChatCompletionChoice(LogModel):
    """One choice (completion) returned by a model."""

    message: ChatMessageAssistant
    """The assistant message."""

    stop_reason: StopReason = "unknown"
    """Why generation stopped."""

    stop_details: StopDetails | None = None
    """Details of a filtered stop."""

    logprobs: Logprobs | None = None
    """Log probabilities of the completion tokens."""

    prompt_logprobs: Logprobs | None = None
    """Log probabilities of the prompt tokens."""


class ModelOutput(LogModel):
    """Output from a model call."""

    model: str = ""
    """Model that produced the output."""

    choices: list[ChatCompletionChoice] = Field(default_factory=list)
    """Completion choices."""

    completion: str = ""
    """Text of the first choice."""

    usage: ModelUsage | None = None
    """Token usage."""

    input_context_tokens: int | None = None
    """Tokens of context sent with the input."""

    time: float | None = None
    """Seconds the call took."""

    metadata: dict[str, Any] | None = None
    """Provider-specific metadata."""

    response_id: str | None = None
    """Provider id of the response."""

    fallback: ModelFallback | None = None
    """Fallback used to produce the output (if any)."""

    error: str | None = None
    """Error message (when the model call failed)."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_fields(cls, data: Any) -> Any:
        # Logs written before 2024-10 use the stop reason "length" for "max_tokens",
        # and older ones leave out the completion (the text of the first choice).
        if not isinstance(data, dict):
            return data
        choices = data.get("choices")
        if not choices or not isinstance(choices, list):
            return data
        if any(isinstance(c, dict) and c.get("stop_reason") == "length" for c in choices):
            choices = [_max_tokens(c) for c in choices]
            data = {**data, "choices": choices}
        if "completion" not in data and isinstance(choices[0], dict):
            data = {**data, "completion": _content_text(choices[0].get("message"))}
        return data

    @property
    def message(self) -> ChatMessageAssistant:
        """The message of the first choice."""
        return self.choices[0].message

    @property
    def stop_reason(self) -> StopReason:
        """Stop reason of the first choice."""
        return self.choices[0].stop_reason

    @property
    def empty(self) -> bool:
        """True when there are no choices."""
        return len(self.choices) == 0

    @classmethod
    def from_content(
        cls,
        model: str,
        content: str,
        stop_reason: StopReason = "stop",
        error: str | None = None,
    ) -> "ModelOutput":
        """An output with a single assistant message holding ``content``."""
        message = ChatMessageAssistant(content=content, model=model, source="generate")
        return cls(
            model=model,
            choices=[ChatCompletionChoice(message=message, stop_reason=stop_reason)],
            completion=content,
            error=error,
        )

    @classmethod
    def for_tool_call(
        cls,
        model: str,
        tool_name: str,
        tool_arguments: dict[str, Any],
        tool_call_id: str | None = None,
        content: str = "",
    ) -> "ModelOutput":
        """An output whose single choice asks to call ``tool_name``."""
        call = ToolCall(
            id=tool_call_id or f"for_tool_call_{tool_name}",
            function=tool_name,
            arguments=tool_arguments,
        )
        message = ChatMessageAssistant(
            content=content, tool_calls=[call], model=model, source="generate"
        )
        return cls(
            model=model,
            choices=[ChatCompletionChoice(message=message, stop_reason="tool_calls")],
            completion=content,
        )


def _max_tokens(choice: Any) -> Any:
    if isinstance(choice, dict) and choice.get("stop_reason") == "length":
        return {**choice, "stop_reason": "max_tokens"}
    return choice


def _content_text(message: Any) -> str:
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [
            c.get("text", "") for c in content if isinstance(c, dict) and c.get("type") == "text"
        ]
        return "\n".join(parts)
    return ""
