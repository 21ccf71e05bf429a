"""JSON schemas of Python types, as tool parameters describe them to models."""

import dataclasses
import inspect
import types
import typing
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

from pydantic import BaseModel

from inspect_ai._tool.info import JSONSchema, JSONType

_SCALARS: dict[Any, JSONType] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    None: "null",
}
_ARRAYS = {list, set, frozenset, Sequence}
_OBJECTS = {dict, Mapping}


class UnsupportedTypeError(TypeError):
    """A type that has no JSON schema a model could fill in."""


def json_schema(annotation: Any) -> JSONSchema:
    """The JSON schema of a type annotation; raises ``UnsupportedTypeError`` if it has none.

    Supported: ``str``, ``int``, ``float``, ``bool``, ``None``, ``Any``, lists, sets and
    tuples, ``dict[str, ...]``, ``Literal``, unions (``X | None``), ``Enum`` classes,
    pydantic models, dataclasses and ``TypedDict``s.
    """
    if annotation is Any:
        return JSONSchema()
    if annotation in _SCALARS:
        return JSONSchema(type=_SCALARS[annotation])
    origin = get_origin(annotation)
    if origin is not None:
        return _generic_schema(annotation, origin, get_args(annotation))
    if annotation in _ARRAYS or annotation is tuple:
        return JSONSchema(type="array")
    if annotation in _OBJECTS:
        return JSONSchema(type="object")
    if inspect.isclass(annotation):
        return _class_schema(annotation)
    raise UnsupportedTypeError(f"unsupported type {annotation!r}")


def _generic_schema(annotation: Any, origin: Any, args: tuple[Any, ...]) -> JSONSchema:
    if origin is typing.Annotated:
        return json_schema(args[0])
    if origin is Union or origin is types.UnionType:
        return JSONSchema(anyOf=[json_schema(arg) for arg in args])
    if origin is Literal:
        return _enum_schema(list(args))
    if origin in _ARRAYS:
        return JSONSchema(type="array", items=json_schema(args[0]) if args else None)
    if origin is tuple:
        return _tuple_schema(args)
    if origin in _OBJECTS:
        return _dict_schema(annotation, args)
    raise UnsupportedTypeError(f"unsupported type {annotation!r}")


def _tuple_schema(args: tuple[Any, ...]) -> JSONSchema:
    if len(args) == 2 and args[1] is Ellipsis:
        return JSONSchema(type="array", items=json_schema(args[0]))
    items = [json_schema(arg) for arg in args]
    distinct = [item for index, item in enumerate(items) if item not in items[:index]]
    item = distinct[0] if len(distinct) == 1 else JSONSchema(anyOf=distinct) if distinct else None
    return JSONSchema(type="array", items=item)


def _dict_schema(annotation: Any, args: tuple[Any, ...]) -> JSONSchema:
    if not args:
        return JSONSchema(type="object")
    if args[0] is not str:
        raise UnsupportedTypeError(f"unsupported type {annotation!r} (keys must be str)")
    return JSONSchema(type="object", additionalProperties=json_schema(args[1]))


def _enum_schema(values: list[Any]) -> JSONSchema:
    kinds = {_SCALARS.get(type(value)) for value in values}
    if None in kinds:
        raise UnsupportedTypeError(f"unsupported enum values {values!r}")
    kind = kinds.pop() if len(kinds) == 1 else None
    return JSONSchema(type=kind, enum=values)


def _class_schema(cls: type) -> JSONSchema:
    if issubclass(cls, Enum):
        return _enum_schema([member.value for member in cls])
    if issubclass(cls, BaseModel):
        return _model_schema(cls)
    if dataclasses.is_dataclass(cls):
        return _dataclass_schema(cls)
    if is_typeddict(cls):
        return _typeddict_schema(cls)
    raise UnsupportedTypeError(f"unsupported type {cls.__name__}")


def _model_schema(cls: type[BaseModel]) -> JSONSchema:
    properties: dict[str, JSONSchema] = {}
    required: list[str] = []
    for name, info in cls.model_fields.items():
        key = info.alias or name
        schema = json_schema(info.annotation)
        if info.description:
            schema.description = info.description
        properties[key] = schema
        if info.is_required():
            required.append(key)
    return _object(cls, properties, required)


def _dataclass_schema(cls: type) -> JSONSchema:
    hints = get_type_hints(cls)
    properties: dict[str, JSONSchema] = {}
    required: list[str] = []
    for item in dataclasses.fields(cls):
        properties[item.name] = json_schema(hints.get(item.name, Any))
        no_default = item.default is dataclasses.MISSING
        if no_default and item.default_factory is dataclasses.MISSING:
            required.append(item.name)
    return _object(cls, properties, required)


def _typeddict_schema(cls: type) -> JSONSchema:
    hints = get_type_hints(cls)
    properties = {name: json_schema(hint) for name, hint in hints.items()}
    required_keys: frozenset[str] = getattr(cls, "__required_keys__", frozenset(hints))
    required = [name for name in hints if name in required_keys]
    return _object(cls, properties, required)


def _object(cls: type, properties: dict[str, JSONSchema], required: list[str]) -> JSONSchema:
    return JSONSchema(
        type="object",
        description=_class_doc(cls),
        properties=properties,
        required=required,
        additionalProperties=False,
    )


def _class_doc(cls: type) -> str | None:
    """The class's own docstring (not one generated for dataclasses)."""
    doc = cls.__dict__.get("__doc__")
    if not isinstance(doc, str) or doc.startswith(f"{cls.__name__}("):
        return None
    return inspect.cleandoc(doc) or None
