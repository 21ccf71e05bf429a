"""Checking a model's tool call arguments against the tool's parameter schema."""

from typing import Any

from inspect_ai._tool.info import JSONSchema, JSONType, ToolParams

_PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "number": (int, float),
    "boolean": bool,
    "array": list,
    "object": dict,
    "null": type(None),
}
"""The Python types of JSON values (integers are checked on their own)."""


def argument_errors(arguments: dict[str, Any], params: ToolParams) -> list[str]:
    """What is wrong with ``arguments`` for ``params`` (empty when they are valid)."""
    errors = [
        f"'{name}' is a required argument" for name in params.required if name not in arguments
    ]
    for name, value in arguments.items():
        schema = params.properties.get(name)
        if schema is not None:
            errors.extend(schema_errors(value, schema, name))
        elif params.additionalProperties is False:
            errors.append(f"'{name}' is not an argument of the tool")
        elif isinstance(params.additionalProperties, JSONSchema):
            errors.extend(schema_errors(value, params.additionalProperties, name))
    return errors


def schema_errors(value: Any, schema: JSONSchema, path: str) -> list[str]:
    """What is wrong with ``value`` for ``schema`` (``path`` names it in messages)."""
    if schema.anyOf is not None:
        if any(not schema_errors(value, option, path) for option in schema.anyOf):
            return []
        return [f"{path}: {value!r} matches none of the allowed types"]
    if schema.enum is not None and not any(_same(value, allowed) for allowed in schema.enum):
        return [f"{path}: {value!r} is not one of {schema.enum!r}"]
    if schema.type is not None and not _has_type(value, schema.type):
        return [f"{path}: {value!r} is not of type {_type_names(schema.type)}"]
    if isinstance(value, list) and schema.items is not None:
        return [
            e
            for i, item in enumerate(value)
            for e in schema_errors(item, schema.items, f"{path}[{i}]")
        ]
    if isinstance(value, dict):
        return _object_errors(value, schema, path)
    return []


def _object_errors(value: dict[str, Any], schema: JSONSchema, path: str) -> list[str]:
    errors = [
        f"{path}: '{key}' is a required property"
        for key in schema.required or []
        if key not in value
    ]
    properties = schema.properties or {}
    for key, item in value.items():
        child = f"{path}.{key}"
        if key in properties:
            errors.extend(schema_errors(item, properties[key], child))
        elif schema.additionalProperties is False:
            errors.append(f"{path}: '{key}' is not an allowed property")
        elif isinstance(schema.additionalProperties, JSONSchema):
            errors.extend(schema_errors(item, schema.additionalProperties, child))
    return errors


def _has_type(value: Any, types: JSONType | list[JSONType]) -> bool:
    kinds = [types] if isinstance(types, str) else types
    return any(_is_type(value, kind) for kind in kinds)


def _is_type(value: Any, kind: JSONType) -> bool:
    if isinstance(value, bool):
        return kind == "boolean"
    if kind == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    return isinstance(value, _PYTHON_TYPES[kind])


def _same(value: Any, allowed: Any) -> bool:
    """Equal and of the same JSON kind (``True`` is not ``1``)."""
    return bool(value == allowed) and isinstance(value, bool) == isinstance(allowed, bool)


def _type_names(types: JSONType | list[JSONType]) -> str:
    return types if isinstance(types, str) else " or ".join(types)
