"""The span the running code is in."""

from contextvars import ContextVar

_span: ContextVar[str | None] = ContextVar("inspect_span", default=None)


def current_span_id() -> str | None:
    """Id of the innermost open span (None outside any span)."""
    return _span.get()


def enter_span(span_id: str | None) -> object:
    """Make ``span_id`` the current span; returns a token for ``leave_span``."""
    return _span.set(span_id)


def leave_span(token: object) -> None:
    """Return to the span that was current before ``enter_span``."""
    _span.reset(token)  # type: ignore[arg-type]
