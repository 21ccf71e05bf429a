"""A sentinel for "argument not given", distinct from an explicit ``None``."""

from typing import Final


class NotGiven:
    """Type of ``NOT_GIVEN``: marks an optional argument the caller did not pass."""

    _instance: "NotGiven | None" = None

    def __new__(cls) -> "NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""The single ``NotGiven`` value."""
