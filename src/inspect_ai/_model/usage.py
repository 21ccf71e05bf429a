"""Token usage reported by a model."""

from inspect_ai._json.model import LogModel


def _add_optional(a: int | None, b: int | None) -> int | None:
    if a is None and b is None:
        return None
    return (a or 0) + (b or 0)


def _add_optional_float(a: float | None, b: float | None) -> float | None:
    if a is None and b is None:
        return None
    return (a or 0.0) + (b or 0.0)


class ModelUsage(LogModel):
    """Tokens used by one or more model calls."""

    input_tokens: int = 0
    """Input tokens."""

    output_tokens: int = 0
    """Output tokens."""

    total_tokens: int = 0
    """Total tokens."""

    input_tokens_cache_write: int | None = None
    """Input tokens written to the provider's prompt cache."""

    input_tokens_cache_read: int | None = None
    """Input tokens read from the provider's prompt cache."""

    reasoning_tokens: int | None = None
    """Tokens spent on reasoning."""

    total_cost: float | None = None
    """Total cost (when known)."""

    def __add__(self, other: "ModelUsage") -> "ModelUsage":
        """Sum two usages (unknown optional counts stay unknown only if both are)."""
        return ModelUsage(
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
            input_tokens_cache_write=_add_optional(
                self.input_tokens_cache_write, other.input_tokens_cache_write
            ),
            input_tokens_cache_read=_add_optional(
                self.input_tokens_cache_read, other.input_tokens_cache_read
            ),
            reasoning_tokens=_add_optional(self.reasoning_tokens, other.reasoning_tokens),
            total_cost=_add_optional_float(self.total_cost, other.total_cost),
        )
