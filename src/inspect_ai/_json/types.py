"""Field types with the JSON conventions of the log format."""

from datetime import datetime
from typing import Annotated, Any, TypeAlias

from pydantic import PlainSerializer


def _isoformat(value: datetime) -> str:
    return value.isoformat()


Timestamp: TypeAlias = Annotated[datetime, PlainSerializer(_isoformat, when_used="json")]
"""A datetime written as ``datetime.isoformat()`` (``+00:00`` rather than ``Z``)."""

JsonValue: TypeAlias = Any
"""Any JSON value (kept as the plain Python objects the JSON parser produced)."""
