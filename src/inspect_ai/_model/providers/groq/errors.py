"""Which Groq API errors are transient, rate limits or context-window overflows."""

import re
from typing import Any

import groq

from inspect_ai._model.http_status import (
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)

_CONTEXT_OVERFLOW = re.compile(r"context.length|reduce the length of the messages", re.I)


def should_retry(ex: BaseException) -> bool:
    """A 429, a 5xx, or a timeout or connection failure."""
    if isinstance(ex, groq.APIStatusError):
        return is_transient_status(ex.status_code)
    return isinstance(ex, groq.APIConnectionError)


def is_rate_limit(ex: BaseException) -> bool:
    """A 429."""
    return isinstance(ex, groq.APIStatusError) and is_rate_limit_status(ex.status_code)


def retry_after(ex: BaseException) -> float | None:
    """The ``Retry-After`` of an error response."""
    if not isinstance(ex, groq.APIStatusError):
        return None
    return retry_after_seconds(dict(ex.response.headers))


def is_context_overflow(ex: BaseException) -> bool:
    """A 400 whose error code or message says the prompt is too long for the model."""
    if not isinstance(ex, groq.APIStatusError) or ex.status_code != 400:
        return False
    error: Any = ex.body.get("error", ex.body) if isinstance(ex.body, dict) else {}
    if isinstance(error, dict) and error.get("code") == "context_length_exceeded":
        return True
    return bool(_CONTEXT_OVERFLOW.search(ex.message))
