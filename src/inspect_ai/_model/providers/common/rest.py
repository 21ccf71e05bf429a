"""JSON over HTTP with httpx, for vendors without a Python client of their own."""

from collections.abc import Mapping
from typing import Any

import httpx

from inspect_ai._model.http_status import (
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)
from inspect_ai._model.providers.common.transport import is_transport_error

DEFAULT_TIMEOUT = 600.0
"""Seconds a request may take unless the config says otherwise."""


class HttpStatusError(Exception):
    """A vendor answered with an error status.

    Args:
        status: HTTP status code.
        message: The vendor's error message.
        headers: Response headers.
        body: Parsed response body (None when it was not JSON).
    """

    def __init__(
        self, status: int, message: str, headers: Mapping[str, str], body: Any = None
    ) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message
        self.headers = dict(headers)
        self.body = body


def http_client() -> httpx.AsyncClient:
    """An async client for one event loop (no retries of its own: our core retries)."""
    return httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)


async def close_client(client: httpx.AsyncClient) -> None:
    """Close ``client`` and its connections."""
    await client.aclose()


async def post_json(
    client: httpx.AsyncClient,
    url: str,
    body: dict[str, Any],
    headers: dict[str, str],
    timeout: float | None = None,
) -> dict[str, Any]:
    """POST ``body`` as JSON and return the JSON answer.

    Raises:
        HttpStatusError: The answer has an error status (the vendor's message in it).
    """
    response = await client.post(
        url, json=body, headers=headers, timeout=timeout if timeout else DEFAULT_TIMEOUT
    )
    parsed = _json(response)
    if response.status_code >= 400:
        message = error_message(parsed) or response.text or response.reason_phrase
        raise HttpStatusError(response.status_code, message, response.headers, parsed)
    if not isinstance(parsed, dict):
        raise ValueError(f"Expected a JSON object from {url}, got: {response.text[:200]}")
    return parsed


def error_message(body: Any) -> str | None:
    """The message of a JSON error body (``{"error": {"message"}}``, ``{"errors": [...]}``,
    ``{"error": "..."}`` or ``{"message": "..."}``)."""
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict) and error.get("message"):
        return str(error["message"])
    if isinstance(error, str) and error:
        return error
    errors = body.get("errors")
    if isinstance(errors, list) and errors:
        return "; ".join(
            str(item.get("message", item)) if isinstance(item, dict) else str(item)
            for item in errors
        )
    message = body.get("message")
    return str(message) if message else None


def should_retry_http(ex: BaseException) -> bool:
    """A transient status (429, 5xx, ...) or a timeout or connection failure."""
    if isinstance(ex, HttpStatusError):
        return is_transient_status(ex.status)
    return is_transport_error(ex)


def is_rate_limit_http(ex: BaseException) -> bool:
    """A 429 answer."""
    return isinstance(ex, HttpStatusError) and is_rate_limit_status(ex.status)


def retry_after_http(ex: BaseException) -> float | None:
    """Seconds the vendor asked to wait (``Retry-After``), if it said."""
    return retry_after_seconds(ex.headers) if isinstance(ex, HttpStatusError) else None


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
