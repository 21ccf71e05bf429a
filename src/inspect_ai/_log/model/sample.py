"""A sample as evaluated: input, conversation, output, scores, events and usage."""

from typing import Any, Literal, TypeVar

from pydantic import AliasChoices, AliasPath, BaseModel, Field, model_validator

from inspect_ai._event.error import EvalError
from inspect_ai._event.event import Event
from inspect_ai._event.model import ModelEvent
from inspect_ai._json.encode import model_to_jsonable
from inspect_ai._json.model import LogModel
from inspect_ai._json.types import JsonValue
from inspect_ai._log.model.summary import EvalSampleSummary, summary_data
from inspect_ai._model.message import ChatMessage, stored_message_ids
from inspect_ai._model.output import ModelFallback, ModelOutput
from inspect_ai._model.usage import ModelUsage
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec
from inspect_ai._scorer.score import ProvenanceData, Score
from inspect_ai._store.store import Store
from inspect_ai._store.store_model import StoreModel

MT = TypeVar("MT", bound=BaseModel)
SMT = TypeVar("SMT", bound=StoreModel)


SampleLimitType = Literal[
    "context", "time", "working", "message", "token", "turn", "cost", "operator", "custom"
]
"""Kinds of limit that can halt a sample (``context``: the model's context window, which
has no ``sample_limit`` event)."""


class EvalSampleLimit(LogModel):
    """The limit that halted a sample."""

    type: SampleLimitType
    """Kind of limit."""

    limit: int | float
    """The limit value."""

    reason: str | None = None
    """Why the limit halted the sample."""


class EvalRetryError(EvalError):
    """An error of an earlier attempt at a sample that was then retried."""

    events: list[Event] | None = None
    """Events of the failed attempt."""


class EventsData(LogModel):
    """Pools that condensed model events point into (``input_refs`` and ``call_refs``)."""

    messages: list[ChatMessage] = Field(default_factory=list)
    """Pool of chat messages."""

    calls: list[JsonValue] = Field(default_factory=list)
    """Pool of raw API request messages."""

    @model_validator(mode="before")
    @classmethod
    def _from_message_pool(cls, data: Any) -> Any:
        # an experimental 2025 writer stored only a list of messages ("message_pool")
        return {"messages": data, "calls": []} if isinstance(data, list) else data


class EvalSample(LogModel):
    """A sample as evaluated: input, conversation, output, scores, events and usage."""

    id: int | str
    """Sample id."""

    epoch: int
    """Epoch of this run of the sample."""

    input: str | list[ChatMessage]
    """Sample input."""

    choices: list[str] | None = None
    """Sample choices."""

    target: str | list[str] = ""
    """Sample target."""

    sandbox: SandboxEnvironmentSpec | None = None
    """Sandbox environment of the sample."""

    files: list[str] | None = None
    """Files copied into the sandbox."""

    setup: str | None = None
    """Setup script run in the sandbox."""

    messages: list[ChatMessage] = Field(default_factory=list)
    """Conversation of the sample."""

    output: ModelOutput = Field(default_factory=ModelOutput)
    """Final model output."""

    scores: dict[str, Score] | None = None
    """Scores by scorer name."""

    metadata: dict[str, Any] = Field(default_factory=dict)
    """Sample metadata."""

    store: dict[str, Any] = Field(default_factory=dict)
    """State of the store at the end of the sample."""

    events: list[Event] = Field(
        default_factory=list,
        validation_alias=AliasChoices("events", AliasPath("transcript", "events")),
    )
    """Events that happened while the sample ran (logs before 2024-11 kept them in a transcript)."""

    model_usage: dict[str, ModelUsage] = Field(default_factory=dict)
    """Token usage per model."""

    role_usage: dict[str, ModelUsage] = Field(default_factory=dict)
    """Token usage per model role."""

    started_at: str | None = None
    """When the sample started (ISO 8601)."""

    completed_at: str | None = None
    """When the sample completed (ISO 8601)."""

    total_time: float | None = None
    """Total seconds."""

    working_time: float | None = None
    """Working seconds (excluding waits for rate limits and sandboxes)."""

    uuid: str | None = None
    """Unique id of this run of the sample."""

    invalidation: ProvenanceData | None = None
    """Who invalidated the sample, and why."""

    error: EvalError | None = None
    """Error that halted the sample."""

    error_retries: list[EvalRetryError] | None = None
    """Errors of earlier attempts that were retried."""

    attachments: dict[str, str] = Field(
        default_factory=dict,
        validation_alias=AliasChoices("attachments", AliasPath("transcript", "content")),
    )
    """Long content referenced as ``attachment://<hash>`` from messages and events."""

    events_data: EventsData | None = Field(
        default=None, validation_alias=AliasChoices("events_data", "message_pool")
    )
    """Pools that condensed model events point into (expanded when a log is read)."""

    limit: EvalSampleLimit | None = None
    """Limit that halted the sample."""

    turn_count: int | None = None
    """Turns taken."""

    message_limit: int | None = None
    """Message limit of the sample."""

    token_limit: int | None = None
    """Token limit of the sample."""

    token_limit_type: str | None = None
    """Which tokens count toward the token limit."""

    token_limit_usage: int | None = None
    """Tokens counted toward the limit."""

    time_limit: int | None = None
    """Time limit of the sample."""

    model_fallbacks: list[ModelFallback] | None = None
    """Model fallbacks during the sample."""

    timelines: list[dict[str, Any]] | None = None
    """Timelines of the sample."""

    description: str | None = None
    """Sample description."""

    def metadata_as(self, metadata_cls: type[MT]) -> MT:
        """The metadata validated as an instance of a pydantic model class."""
        return metadata_cls.model_validate(self.metadata)

    def store_as(self, model_cls: type[SMT], instance: str | None = None) -> SMT:
        """A typed view of the final store (``model_cls`` derives from ``StoreModel``)."""
        return model_cls(store=Store(dict(self.store)), instance=instance)

    def summary(self) -> EvalSampleSummary:
        """A thinned summary of the sample, as written to the log's summaries."""
        with stored_message_ids():
            return EvalSampleSummary.model_validate(summary_data(model_to_jsonable(self)))


def expand_pools(sample: EvalSample) -> EvalSample:
    """Expand the condensed model events of a sample just read (pools are then dropped)."""
    if sample.events_data is not None:
        _expand_events(sample.events, sample.events_data)
        for retry in sample.error_retries or []:
            _expand_events(retry.events or [], sample.events_data)
        sample.events_data = None
    return sample


def _expand_events(events: list[Event], pools: EventsData) -> None:
    for event in events:
        if not isinstance(event, ModelEvent):
            continue
        if event.input_refs is not None:
            event.input = [m for start, end in event.input_refs for m in pools.messages[start:end]]
            event.input_refs = None
        call = event.call
        if call is not None and call.call_refs is not None:
            key = call.call_key or "messages"
            call.request[key] = [c for start, end in call.call_refs for c in pools.calls[start:end]]
            call.call_refs = None
            call.call_key = None
