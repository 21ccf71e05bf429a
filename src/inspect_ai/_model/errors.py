"""Errors a provider raises that the model layer treats specially, and how a provider
tells the shared retry core which of its errors are worth retrying."""

from collections.abc import Callable
from dataclasses import dataclass


class ModelContextLengthError(Exception):
    """The conversation does not fit the model's context window.

    Providers raise this when the vendor says so; the sample then ends with a
    ``context`` limit instead of an error.
    """


def _never(ex: BaseException) -> float | None:
    return None


@dataclass(frozen=True)
class ErrorClassifier:
    """A provider's error classes: set as ``ModelAPI.error_classifier`` to answer
    ``should_retry``, ``is_rate_limit`` and ``retry_after``."""

    transient: Callable[[BaseException], bool]
    """Whether an error is transient (a rate limit, a timeout, a 5xx) and worth retrying."""

    rate_limit: Callable[[BaseException], bool]
    """Whether an error is a rate limit (counted for the display)."""

    retry_after: Callable[[BaseException], float | None] = _never
    """Seconds the API asked to wait before retrying (None: not said)."""
