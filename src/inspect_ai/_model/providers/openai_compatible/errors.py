"""Classifying the ``openai`` client's errors: retry, rate limit, wait, context overflow."""

from inspect_ai._model.http_status import (
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)

_CONTEXT_MESSAGES = ("maximum context length", "context length", "context window")
"""Lower-cased phrases of context-overflow errors from servers that send no error code."""


def is_transient(ex: BaseException) -> bool:
    """Timeouts, dropped connections, 5xx, 408/409 and rate limits (but not an exhausted
    quota, which waiting does not fix)."""
    import openai

    if isinstance(ex, openai.APIStatusError):
        return is_transient_status(ex.status_code) and ex.code != "insufficient_quota"
    return isinstance(ex, openai.APIConnectionError)  # timeouts included


def is_rate_limit(ex: BaseException) -> bool:
    """Whether ``ex`` is an HTTP 429."""
    import openai

    return isinstance(ex, openai.APIStatusError) and is_rate_limit_status(ex.status_code)


def retry_after(ex: BaseException) -> float | None:
    """Seconds the server asked to wait (``Retry-After``, ``retry-after-ms``)."""
    import openai

    if isinstance(ex, openai.APIStatusError):
        return retry_after_seconds(ex.response.headers)
    return None


def is_context_length(ex: BaseException) -> bool:
    """Whether ``ex`` says the conversation does not fit the model's context window
    (OpenAI's ``context_length_exceeded`` code, or the wording other servers use)."""
    import openai

    if not isinstance(ex, openai.APIStatusError) or ex.status_code not in (400, 413):
        return False
    if ex.code == "context_length_exceeded":
        return True
    message = str(ex).lower()
    return any(phrase in message for phrase in _CONTEXT_MESSAGES)
