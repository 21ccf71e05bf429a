"""Which Anthropic SDK errors are retried, rate limits or context-window overflows."""

import anthropic

from inspect_ai._model.http_status import (
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)

TRANSIENT_ERROR_TYPES = frozenset({"rate_limit_error", "overloaded_error", "api_error"})
"""Error types in Anthropic error bodies that are worth retrying whatever the status."""

CONTEXT_LENGTH_MESSAGES = ("prompt is too long", "exceed context limit")
"""Phrases of 400 errors saying the conversation does not fit the context window."""


def is_transient(ex: BaseException) -> bool:
    """A rate limit, an overload, a 5xx, a timeout or a dropped connection."""
    if isinstance(ex, anthropic.APIStatusError):
        return is_transient_status(ex.status_code) or _error_type(ex) in TRANSIENT_ERROR_TYPES
    return isinstance(ex, anthropic.APIConnectionError)  # (includes APITimeoutError)


def is_rate_limit(ex: BaseException) -> bool:
    """HTTP 429 or a ``rate_limit_error`` body."""
    return isinstance(ex, anthropic.APIStatusError) and (
        is_rate_limit_status(ex.status_code) or _error_type(ex) == "rate_limit_error"
    )


def retry_after(ex: BaseException) -> float | None:
    """Seconds the API asked to wait (``retry-after`` headers of the failed response)."""
    if isinstance(ex, anthropic.APIStatusError):
        return retry_after_seconds(dict(ex.response.headers))
    return None


def context_length_message(ex: BaseException) -> str | None:
    """The API's message when ``ex`` is a 400 saying the prompt is too long, else None."""
    if not isinstance(ex, anthropic.BadRequestError):
        return None
    message = error_message(ex)
    lowered = message.lower()
    return message if any(phrase in lowered for phrase in CONTEXT_LENGTH_MESSAGES) else None


def error_message(ex: anthropic.APIStatusError) -> str:
    """``error.message`` of the response body (else the SDK's own message)."""
    return ex.api_message or ex.message


def _error_type(ex: anthropic.APIStatusError) -> str | None:
    return str(ex.type) if ex.type is not None else None
