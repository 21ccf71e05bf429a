"""The raw request and response of a model API call, as recorded in model events."""

from typing import Any

from inspect_ai._json.model import LogModel


class ModelRequestId(LogModel):
    """A request id reported by the model API."""

    id: str
    header: str
    status: int


class ModelCall(LogModel):
    """Raw request and response of a call to a model API."""

    request: dict[str, Any]
    """Request sent to the API."""

    response: dict[str, Any] | None = None
    """Response received (if any)."""

    time: float | None = None
    """Seconds the call took."""

    error: bool | None = None
    """Whether the call failed."""

    call_refs: list[tuple[int, int]] | None = None
    """Ranges of the sample's call pool making up ``request[call_key]`` (condensed logs)."""

    call_key: str | None = None
    """Request key that ``call_refs`` expand into."""
