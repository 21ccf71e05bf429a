"""Which boto3 errors from Converse are retried, rate limits or context-window overflows."""

from typing import Any

from botocore.exceptions import ClientError, ConnectionError, HTTPClientError

from inspect_ai._model.http_status import (
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)
from inspect_ai._model.providers.common.transport import is_transport_error

RATE_LIMIT_CODES = frozenset({"ThrottlingException", "TooManyRequestsException"})
"""Error codes saying the caller is being rate limited."""

TRANSIENT_CODES = RATE_LIMIT_CODES | {
    "ServiceUnavailableException",
    "InternalServerException",
    "ModelNotReadyException",
    "ModelTimeoutException",
}
"""Error codes worth retrying."""

CONTEXT_LENGTH_MESSAGES = (
    "too long",
    "too many input tokens",
    "context length",
    "context window",
    "maximum context",
)
"""Phrases of validation errors saying the conversation does not fit the context window."""


def is_transient(ex: BaseException) -> bool:
    """Throttling, unavailable or failing service, 5xx, timeouts and dropped connections."""
    if isinstance(ex, ClientError):
        return _code(ex) in TRANSIENT_CODES or is_transient_status(_status(ex))
    return isinstance(ex, HTTPClientError | ConnectionError) or is_transport_error(ex)


def is_rate_limit(ex: BaseException) -> bool:
    """``ThrottlingException`` or HTTP 429."""
    return isinstance(ex, ClientError) and (
        _code(ex) in RATE_LIMIT_CODES or is_rate_limit_status(_status(ex))
    )


def retry_after(ex: BaseException) -> float | None:
    """Seconds the service asked to wait (``retry-after`` headers of the failed response)."""
    if isinstance(ex, ClientError):
        return retry_after_seconds(_metadata(ex).get("HTTPHeaders"))
    return None


def context_length_message(ex: BaseException) -> str | None:
    """The message of a ``ValidationException`` saying the input is too long, else None."""
    if not isinstance(ex, ClientError) or _code(ex) != "ValidationException":
        return None
    message = error_message(ex)
    lowered = message.lower()
    return message if any(phrase in lowered for phrase in CONTEXT_LENGTH_MESSAGES) else None


def error_message(ex: ClientError) -> str:
    """The service's error message."""
    return str(ex.response.get("Error", {}).get("Message") or ex)


def _code(ex: ClientError) -> str:
    return str(ex.response.get("Error", {}).get("Code") or "")


def _status(ex: ClientError) -> int | None:
    status = _metadata(ex).get("HTTPStatusCode")
    return int(status) if status is not None else None


def _metadata(ex: ClientError) -> dict[str, Any]:
    metadata = ex.response.get("ResponseMetadata")
    return metadata if isinstance(metadata, dict) else {}
