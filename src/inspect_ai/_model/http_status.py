"""Classifying HTTP failures of model APIs: what is transient, what is a rate limit."""

import email.utils
import time
from collections.abc import Mapping

RATE_LIMIT_STATUS = 429
"""Too Many Requests."""

TRANSIENT_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504, 520, 522, 524, 529})
"""Statuses worth retrying: timeouts, conflicts, rate limits, server errors, overload."""

MAX_RETRY_AFTER = 300.0
"""A server asking to wait longer than this (seconds) is waited on for this long."""


def is_transient_status(status: int | None) -> bool:
    """Whether a response with ``status`` is worth retrying (a 5xx, a 429, a timeout)."""
    return status is not None and (status in TRANSIENT_STATUSES or 500 <= status < 600)


def is_rate_limit_status(status: int | None) -> bool:
    """Whether ``status`` says the caller is being rate limited."""
    return status == RATE_LIMIT_STATUS


def retry_after_seconds(headers: Mapping[str, str] | None) -> float | None:
    """Seconds the server asks to wait (``retry-after-ms``, ``Retry-After`` as seconds or
    an HTTP date), capped at ``MAX_RETRY_AFTER``; None when it does not say."""
    if not headers:
        return None
    lowered = {key.lower(): value for key, value in headers.items()}
    seconds: float | None = None
    if "retry-after-ms" in lowered:
        seconds = _number(lowered["retry-after-ms"])
        seconds = None if seconds is None else seconds / 1000
    if seconds is None and "retry-after" in lowered:
        value = lowered["retry-after"]
        seconds = _number(value)
        if seconds is None:
            seconds = _seconds_until(value)
    if seconds is None:
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _seconds_until(http_date: str) -> float | None:
    try:
        return email.utils.parsedate_to_datetime(http_date).timestamp() - time.time()
    except (TypeError, ValueError):
        return None


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None
