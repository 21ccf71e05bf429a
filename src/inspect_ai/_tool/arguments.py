"""The arguments a tool is called with: the model's, checked and converted, plus bound ones."""

import functools
from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from inspect_ai._tool.call import ToolCall
from inspect_ai._tool.describe import ToolSpec
from inspect_ai._tool.error import ToolParsingError
from inspect_ai._tool.validate import argument_errors

_PLAIN = (str, bool, float, Any)
_METADATA = "metadata."


def call_arguments(call: ToolCall, spec: ToolSpec, metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments to run ``call`` with.

    Raises ``ToolParsingError`` (reported to the model) when the call could not be parsed
    or its arguments do not match the tool's parameters.
    """
    if call.parse_error:
        raise ToolParsingError(call.parse_error)
    errors = argument_errors(call.arguments, spec.parameters)
    if errors:
        raise ToolParsingError(_errors_message(call.function, errors))
    arguments = {
        name: _convert(value, spec.annotations.get(name, Any), name)
        for name, value in call.arguments.items()
    }
    arguments.update(bound_arguments(spec, metadata))
    return arguments


def bound_arguments(spec: ToolSpec, metadata: Mapping[str, Any]) -> dict[str, Any]:
    """Values of the parameters the tool binds (``"metadata.<key>"`` read from ``metadata``)."""
    values: dict[str, Any] = {}
    for name, value in spec.bound.items():
        if isinstance(value, str) and value.startswith(_METADATA):
            key = value.removeprefix(_METADATA)
            if key not in metadata:
                raise ValueError(
                    f"Tool '{spec.name}' takes parameter '{name}' from the sample metadata, "
                    f"which has no '{key}'."
                )
            value = metadata[key]
        values[name] = value
    return values


def _convert(value: Any, annotation: Any, name: str) -> Any:
    """``value`` (JSON data) as an instance of ``annotation`` (an enum, a model, ...)."""
    if annotation in _PLAIN:
        return value
    if annotation is int:
        return int(value) if isinstance(value, float) else value
    try:
        adapter = _adapter(annotation)
    except TypeError:  # an unhashable annotation: no cached adapter
        adapter = TypeAdapter(annotation)
    try:
        return adapter.validate_python(value)
    except ValidationError as ex:
        raise ToolParsingError(f"Invalid value for argument '{name}': {ex}") from None


@functools.lru_cache(maxsize=256)
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _errors_message(function: str, errors: list[str]) -> str:
    listed = "\n".join(f"- {error}" for error in errors)
    count = f"{len(errors)} error{'s' if len(errors) > 1 else ''}"
    return f"Found {count} in the arguments of the call to {function}:\n{listed}"
