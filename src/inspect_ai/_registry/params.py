"""Parameters made fit for a log: JSON values, with objects replaced by their names."""

from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from inspect_ai._registry.registry import is_registry_object, registry_name, registry_params


def jsonable_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with every value turned into JSON data (objects become names)."""
    return {key: jsonable_value(value) for key, value in params.items()}


def jsonable_value(value: Any) -> Any:
    """One parameter value as JSON data."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Enum):
        return jsonable_value(value.value)
    if is_registry_object(value, "tool"):
        return {
            "type": "tool",
            "name": registry_name(value),
            "params": jsonable_params(registry_params(value)),
        }
    if is_registry_object(value):
        return registry_name(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, Mapping):
        return {str(k): jsonable_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable_value(v) for v in value]
    name = getattr(value, "__name__", None)
    if callable(value) and isinstance(name, str):
        return name
    return str(value)
