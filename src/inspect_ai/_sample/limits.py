"""Limits that halt a sample: messages, tokens, clock time and working time."""

from inspect_ai._log.model.sample import SampleLimitType


class LimitExceededError(Exception):
    """A sample went over one of its limits; the sample stops and is scored as it is.

    Args:
        type: Kind of limit.
        value: Value reached.
        limit: The limit.
        message: Description (a default one names the limit).
    """

    def __init__(
        self, type: SampleLimitType, *, value: float, limit: float, message: str | None = None
    ) -> None:
        self.type = type
        self.value = value
        self.limit = limit
        self.message = (
            message or f"{type.capitalize()} limit exceeded. count: {value:g}; limit: {limit:g}"
        )
        super().__init__(self.message)
