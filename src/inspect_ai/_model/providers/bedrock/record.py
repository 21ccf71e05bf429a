"""Converse requests and responses as JSON for the log (bytes as base64 text)."""

import base64
from datetime import datetime
from typing import Any


def jsonable(value: Any) -> Any:
    """``value`` with bytes as base64 text and datetimes as ISO text, recursively."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime):
        return value.isoformat()
    return value
