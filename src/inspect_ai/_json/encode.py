"""Serialise models and plain data the way log files store them."""

from typing import Any

import pydantic_core
from pydantic import BaseModel


def model_to_jsonable(model: BaseModel) -> dict[str, Any]:
    """Dump a model to plain JSON-compatible Python data (None-valued fields omitted)."""
    return model.model_dump(mode="json", exclude_none=True, by_alias=True)


def data_to_json(data: Any, indent: int | None = None) -> bytes:
    """Serialise plain Python data to JSON bytes, writing NaN/Infinity as bare tokens."""
    return pydantic_core.to_json(data, indent=indent, inf_nan_mode="constants")
