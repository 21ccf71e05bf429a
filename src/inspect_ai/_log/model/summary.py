"""Sample summaries: small, thinned copies of samples for listing thousands of them."""

import json
from typing import Any

from pydantic import Field

from inspect_ai._json.model import LogModel
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


def summary_data(sample: dict[str, Any]) -> dict[str, Any]:
    """The summary of a sample, both as plain JSON data (as written to a log).

    Long text is cut to 5,120 characters plus a marker (score answers and explanations
    also have their whitespace collapsed), media become text placeholders, and metadata
    values larger than 1 KB are replaced by a note that they were removed.
    """
    error = sample.get("error")
    limit = sample.get("limit")
    summary: dict[str, Any] = {
        "id": sample["id"],
        "epoch": sample["epoch"],
        "input": _thin_input(sample.get("input", "")),
        "choices": sample.get("choices"),
        "target": _thin_target(sample.get("target", "")),
        "metadata": _thin_metadata(sample.get("metadata")),
        "scores": {k: _thin_score(v) for k, v in (sample.get("scores") or {}).items()},
        "model_usage": sample.get("model_usage") or {},
        "role_usage": sample.get("role_usage") or {},
        "started_at": sample.get("started_at"),
        "completed_at": sample.get("completed_at"),
        "total_time": sample.get("total_time"),
        "working_time": sample.get("working_time"),
        "uuid": sample.get("uuid"),
        "error": error.get("message") if error else None,
        "limit": limit.get("type") if limit else None,
        "limit_reason": limit.get("reason") if limit else None,
        "retries": len(sample.get("error_retries") or []),
        "completed": True,
        "message_count": len(sample.get("messages") or []),
    }
    for key in _COPIED:
        summary[key] = sample.get(key)
    return {key: value for key, value in summary.items() if value is not None}


_COPIED = (
    "turn_count",
    "message_limit",
    "token_limit",
    "token_limit_type",
    "token_limit_usage",
    "time_limit",
    "model_fallbacks",
    "description",
)

_PLACEHOLDERS = {
    "image": "(Image)",
    "audio": "(Audio)",
    "video": "(Video)",
    "document": "(Document)",
}


def thin_text(text: str) -> str:
    """``text`` cut to the summary limit (with a marker when cut)."""
    if len(text) <= TEXT_LIMIT:
        return text
    return text[:TEXT_LIMIT] + TRUNCATED_MARKER


def _thin_input(value: Any) -> Any:
    if isinstance(value, str):
        return thin_text(value)
    return [_thin_message(message) for message in value]


def _thin_target(value: Any) -> Any:
    if isinstance(value, str):
        return thin_text(value)
    return [thin_text(item) for item in value]


def _thin_message(message: dict[str, Any]) -> dict[str, Any]:
    content = message.get("content")
    if isinstance(content, str):
        if len(content) <= TEXT_LIMIT:
            return message
        return {**message, "content": thin_text(content)}
    return {**message, "content": [_thin_content(item) for item in content or []]}


def _thin_content(item: dict[str, Any]) -> dict[str, Any]:
    kind = item.get("type")
    if kind == "text":
        text = item.get("text", "")
        return item if len(text) <= TEXT_LIMIT else {**item, "text": thin_text(text)}
    if kind in _PLACEHOLDERS:
        return {"type": "text", "text": _PLACEHOLDERS[kind]}
    return item


def _thin_metadata(metadata: dict[str, Any] | None) -> dict[str, Any]:
    return {
        key: value if _small(value) else METADATA_VALUE_REMOVED
        for key, value in (metadata or {}).items()
    }


def _thin_score(score: dict[str, Any]) -> dict[str, Any]:
    thinned = dict(score)
    for key in ("answer", "explanation"):
        if isinstance(thinned.get(key), str):
            thinned[key] = thin_text(" ".join(thinned[key].split()))
    if thinned.get("metadata"):
        thinned["metadata"] = _thin_metadata(thinned["metadata"])
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
