"""Which Mistral API errors are transient, rate limits or context-window overflows."""

import re

from inspect_ai._model.http_status import (
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)
from inspect_ai._model.providers.common.transport import is_transport_error

_CONTEXT_OVERFLOW = re.compile(
    r"too large for model with \d+ maximum context length|maximum context length|"
    r"context length exceeded",
    re.I,
)


def status_code(ex: BaseException) -> int | None:
    """The HTTP status of a ``mistralai`` error (of the Mistral or the Azure client)."""
    if not type(ex).__module__.startswith("mistralai"):
        return None
    status = getattr(ex, "status_code", None)
    return status if isinstance(status, int) else None


def should_retry(ex: BaseException) -> bool:
    """A 429, a 5xx or a timeout/connection failure."""
    status = status_code(ex)
    return is_transient_status(status) if status is not None else is_transport_error(ex)


def is_rate_limit(ex: BaseException) -> bool:
    """A 429."""
    return is_rate_limit_status(status_code(ex))


def retry_after(ex: BaseException) -> float | None:
    """The ``Retry-After`` of an error response."""
    headers = getattr(ex, "headers", None) if status_code(ex) is not None else None
    return retry_after_seconds(dict(headers)) if headers else None


def is_context_overflow(ex: BaseException) -> bool:
    """A 400 saying the prompt does not fit the model's context window."""
    body = getattr(ex, "body", None)
    return status_code(ex) == 400 and bool(_CONTEXT_OVERFLOW.search(str(body or ex)))
