"""Options that control how a model generates: sampling, limits, retries, reasoning."""

from typing import Any, Literal

from pydantic import Field, field_validator

from inspect_ai._json.model import LogModel
from inspect_ai._model.cache.expiry import expiry_seconds
from inspect_ai._tool.info import JSONSchema


class BatchConfig(LogModel):
    """Options for batch (asynchronous, discounted) generation."""

    size: int | None = None
    max_size: int | None = None
    send_delay: float | None = None
    tick: float | None = None
    max_batches: int | None = None
    max_consecutive_check_failures: int | None = None


class CachePolicy(LogModel):
    """How model calls are cached: for how long, per epoch or not, and within which scopes."""

    expiry: str | None = "1W"
    """How long entries live: a number and a unit, ``s`` (seconds), ``m`` (minutes),
    ``h`` (hours), ``D`` (days), ``W`` (weeks), ``M`` (months) or ``Y`` (years), e.g.
    ``30m`` or ``1W``; ``None`` never expires."""

    per_epoch: bool = True
    """Cache separately for each epoch (False: every epoch gets the first one's output)."""

    scopes: dict[str, str] = Field(default_factory=dict)
    """Extra values that are part of the cache key."""

    @field_validator("expiry")
    @classmethod
    def _valid_expiry(cls, expiry: str | None) -> str | None:
        expiry_seconds(expiry)
        return expiry


class ResponseSchema(LogModel):
    """A JSON schema the model's response must follow (structured output)."""

    name: str
    json_schema: JSONSchema
    description: str | None = None
    strict: bool | None = None


class AdaptiveConcurrency(LogModel):
    """Settings for adjusting the number of model connections to rate limits."""

    min: int = 10
    max: int = 100
    start: int = 20
    cooldown_seconds: float = 15.0
    decrease_factor: float = 0.8
    scale_up_percent: float = 0.05


class ImageOutput(LogModel):
    """Options for image output modalities."""

    options: dict[str, dict[str, Any]] | None = None


class GenerateConfig(LogModel):
    """Model generation options. Every field is optional; unset fields use provider defaults."""

    max_retries: int | None = None
    """Maximum retries of a failed request."""

    timeout: int | None = None
    """Timeout (seconds) for a request, including retries."""

    attempt_timeout: int | None = None
    """Timeout (seconds) for one attempt of a request."""

    max_connections: int | None = None
    """Maximum concurrent connections to the model API."""

    system_message: str | None = None
    """Override of the system message."""

    max_tokens: int | None = None
    """Maximum tokens to generate."""

    top_p: float | None = None
    """Nucleus sampling probability mass."""

    temperature: float | None = None
    """Sampling temperature."""

    stop_seqs: list[str] | None = None
    """Sequences that stop generation."""

    best_of: int | None = None
    """Generate this many server-side and return the best."""

    frequency_penalty: float | None = None
    """Penalty for frequent tokens."""

    presence_penalty: float | None = None
    """Penalty for tokens already present."""

    logit_bias: dict[str, float] | None = None
    """Bias added to the logits of given tokens."""

    seed: int | None = None
    """Random seed."""

    top_k: int | None = None
    """Sample from the top k tokens only."""

    num_choices: int | None = None
    """Number of choices to generate."""

    logprobs: bool | None = None
    """Return log probabilities of output tokens."""

    top_logprobs: int | None = None
    """Number of most likely tokens to return at each position."""

    prompt_logprobs: int | None = None
    """Number of log probabilities to return for prompt tokens."""

    parallel_tool_calls: bool | None = None
    """Allow the model to call several tools at once."""

    internal_tools: bool | None = None
    """Let providers map tools to their own built-in tools."""

    max_tool_output: int | None = None
    """Maximum bytes of tool output kept."""

    cache_prompt: Literal["auto"] | bool | None = None
    """Use the provider's prompt cache."""

    reasoning_effort: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None = (
        None
    )
    """Reasoning effort for reasoning models."""

    reasoning_tokens: int | None = None
    """Maximum reasoning tokens."""

    reasoning_summary: Literal["none", "concise", "detailed", "auto"] | None = None
    """Kind of reasoning summary to return."""

    reasoning_history: Literal["none", "all", "last", "auto"] | None = None
    """Which earlier reasoning to send back to the model."""

    reasoning_mode: Literal["standard", "pro"] | None = None
    """Reasoning mode."""

    effort: Literal["low", "medium", "high", "xhigh", "max"] | None = None
    """Overall effort."""

    verbosity: Literal["low", "medium", "high"] | None = None
    """Response verbosity."""

    response_schema: ResponseSchema | None = None
    """Schema for structured output."""

    modalities: list[Literal["image"] | ImageOutput] | None = None
    """Output modalities besides text."""

    extra_headers: dict[str, str] | None = None
    """Extra HTTP headers for requests."""

    extra_body: dict[str, Any] | None = None
    """Extra fields for the request body."""

    batch: bool | int | BatchConfig | None = None
    """Use batch generation."""

    adaptive_connections: bool | int | AdaptiveConcurrency | None = None
    """Adapt the number of connections to rate limits."""

    cache: bool | CachePolicy | None = None
    """Cache model calls."""

    fallback_models: list[str] | None = None
    """Models to fall back to on failure."""

    fail_on_refusal: bool | None = None
    """Treat a refusal as an error."""

    stream_idle_timeout: int | None = None
    """Seconds a streamed response may stay idle."""

    def merge(self, other: "GenerateConfig") -> "GenerateConfig":
        """This config with every field set in ``other`` taking precedence (a copy if any is)."""
        updates = {name: value for name, value in other.__dict__.items() if value is not None}
        return self.model_copy(update=updates) if updates else self
