"""Sample summaries: small, thinned copies of samples for listing thousands of them."""

import json
from typing import Any

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._model.content import (
    Content,
    ContentAudio,
    ContentDocument,
    ContentImage,
    ContentText,
    ContentVideo,
)
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.output import ModelFallback
from inspect_ai._model.usage import ModelUsage
from inspect_ai._scorer.score import Score

TEXT_LIMIT = 5120
"""Characters of text kept in a summary."""

TRUNCATED_MARKER = "...[truncated]"
"""Appended to text cut for a summary."""

METADATA_VALUE_LIMIT = 1024
"""Serialised size above which a metadata value is dropped from a summary."""

METADATA_VALUE_REMOVED = "Key removed from summary (> 1k)"
"""What replaces a metadata value that is too large for a summary."""


class EvalSampleSummary(LogModel):
    """Summary of a sample: identity, thinned input/target/metadata, scores and timing."""

    id: int | str
    """Sample id."""

    epoch: int
    """Epoch."""

    input: str | list[ChatMessage]
    """Sample input (thinned)."""

    choices: list[str] | None = None
    """Sample choices."""

    target: str | list[str]
    """Sample target (thinned)."""

    metadata: dict[str, Any] = Field(default_factory=dict)
    """Sample metadata (large values removed)."""

    scores: dict[str, Score] | None = None
    """Scores (large metadata removed)."""

    model_usage: dict[str, ModelUsage] = Field(default_factory=dict)
    """Token usage per model."""

    role_usage: dict[str, ModelUsage] = Field(default_factory=dict)
    """Token usage per role."""

    started_at: str | None = None
    """When the sample started."""

    completed_at: str | None = None
    """When the sample completed."""

    total_time: float | None = None
    """Total seconds."""

    working_time: float | None = None
    """Working seconds."""

    uuid: str | None = None
    """Unique id of this run of the sample."""

    error: str | None = None
    """Message of the error that halted the sample."""

    limit: str | None = None
    """Kind of limit that halted the sample."""

    limit_reason: str | None = None
    """Why the limit halted the sample."""

    retries: int | None = None
    """Times the sample was retried after an error."""

    completed: bool = False
    """Whether the sample completed."""

    message_count: int | None = None
    """Messages in the conversation."""

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

    description: str | None = None
    """Sample description."""


def thin_text(text: str) -> str:
    """``text`` cut to the summary limit (with a marker when cut)."""
    if len(text) <= TEXT_LIMIT:
        return text
    return text[:TEXT_LIMIT] + TRUNCATED_MARKER


def thin_input(value: str | list[ChatMessage]) -> str | list[ChatMessage]:
    """An input with long text cut and media replaced by placeholders."""
    if isinstance(value, str):
        return thin_text(value)
    return [_thin_message(message) for message in value]


def thin_target(value: str | list[str]) -> str | list[str]:
    """A target with long text cut."""
    if isinstance(value, str):
        return thin_text(value)
    return [thin_text(item) for item in value]


def thin_metadata(metadata: dict[str, Any] | None) -> dict[str, Any]:
    """Metadata with large values replaced by a note saying they were removed."""
    thinned: dict[str, Any] = {}
    for key, value in (metadata or {}).items():
        thinned[key] = value if _small(value) else METADATA_VALUE_REMOVED
    return thinned


def thin_scores(scores: dict[str, Score] | None) -> dict[str, Score]:
    """Scores with long text cut and large metadata values removed."""
    thinned: dict[str, Score] = {}
    for name, score in (scores or {}).items():
        update: dict[str, Any] = {}
        if score.answer is not None:
            update["answer"] = thin_text(score.answer)
        if score.explanation is not None:
            update["explanation"] = thin_text(score.explanation)
        if score.metadata is not None:
            update["metadata"] = thin_metadata(score.metadata)
        thinned[name] = score.model_copy(update=update)
    return thinned


def _small(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float):
        return True
    if isinstance(value, str):
        return len(value) <= METADATA_VALUE_LIMIT
    try:
        return len(json.dumps(value, default=str)) <= METADATA_VALUE_LIMIT
    except (TypeError, ValueError):
        return False


def _thin_message(message: ChatMessage) -> ChatMessage:
    if isinstance(message.content, str):
        return message.model_copy(update={"content": thin_text(message.content)})
    content = [_thin_content(item) for item in message.content]
    return message.model_copy(update={"content": content})


def _thin_content(item: Content) -> Content:
    if isinstance(item, ContentText):
        return item.model_copy(update={"text": thin_text(item.text)})
    if isinstance(item, ContentImage):
        return ContentText(text="(Image)")
    if isinstance(item, ContentAudio):
        return ContentText(text="(Audio)")
    if isinstance(item, ContentVideo):
        return ContentText(text="(Video)")
    if isinstance(item, ContentDocument):
        return ContentText(text="(Document)")
    return item
