"""Which Gemini API errors are transient, rate limits or context-window overflows."""

import re
from typing import Any

from google.genai import errors

from inspect_ai._model.http_status import (
    MAX_RETRY_AFTER,
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)
from inspect_ai._model.providers.common.transport import is_transport_error

_CONTEXT_OVERFLOW = re.compile(
    r"input token count.*exceeds the maximum|exceeds the maximum number of tokens", re.I
)
_RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo"


def should_retry(ex: BaseException) -> bool:
    """A 429, a 5xx or a timeout/connection failure."""
    if isinstance(ex, errors.APIError):
        return is_transient_status(ex.code)
    return is_transport_error(ex)


def is_rate_limit(ex: BaseException) -> bool:
    """A 429 (``RESOURCE_EXHAUSTED``)."""
    return isinstance(ex, errors.APIError) and (
        is_rate_limit_status(ex.code) or ex.status == "RESOURCE_EXHAUSTED"
    )


def retry_after(ex: BaseException) -> float | None:
    """``Retry-After``, else the ``retryDelay`` of the error's ``RetryInfo`` detail."""
    if not isinstance(ex, errors.APIError):
        return None
    headers = getattr(ex.response, "headers", None)
    seconds = retry_after_seconds(dict(headers)) if headers else None
    return seconds if seconds is not None else _retry_delay(ex.details)


def is_context_overflow(ex: errors.APIError) -> bool:
    """A 400 saying the input has more tokens than the model takes."""
    return ex.code == 400 and bool(_CONTEXT_OVERFLOW.search(ex.message or ""))


def _retry_delay(details: Any) -> float | None:
    error = details.get("error", details) if isinstance(details, dict) else None
    items = error.get("details") if isinstance(error, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("@type") == _RETRY_INFO:
            match = re.fullmatch(r"(\d+(?:\.\d+)?)s", str(item.get("retryDelay", "")))
            if match:
                return min(float(match.group(1)), MAX_RETRY_AFTER)
    return None
