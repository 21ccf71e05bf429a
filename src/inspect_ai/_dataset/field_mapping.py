"""Turning one record (a dict read from a file or hub) into a ``Sample`` with a ``FieldSpec``.

Values are accepted in the shapes CSV files and JSON files naturally give them: in CSV every
value is text, so structured fields (``metadata``, ``files``, ``choices``, ``sandbox``) may be
JSON text, and an empty cell counts as absent. Problems raise ``RecordError`` with a short
message; the reader adds which file and row it came from.
"""

import json
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from inspect_ai._dataset.field_spec import FieldSpec
from inspect_ai._dataset.sample import Sample
from inspect_ai._model.message import ChatMessage


class RecordError(ValueError):
    """A record cannot be mapped to a sample (message without file or row)."""


def sample_from_record(record: dict[str, Any], spec: FieldSpec) -> Sample:
    """The sample described by ``record`` under the field names of ``spec``."""
    return Sample(
        input=_input(record, spec.input),
        target=_target(_value(record, spec.target)),
        choices=_choices(_value(record, spec.choices)),
        id=_id(_value(record, spec.id)),
        metadata=_metadata(record, spec.metadata),
        sandbox=_sandbox(_value(record, spec.sandbox)),
        files=_files(_value(record, spec.files)),
        setup=_text(_value(record, spec.setup), spec.setup),
    )


def field_names(record: dict[str, Any]) -> str:
    """The field names of ``record``, for error messages."""
    return ", ".join(str(name) for name in record if name is not None) or "none"


def _value(record: dict[str, Any], field: str) -> Any:
    value = record.get(field)
    return None if isinstance(value, str) and value == "" else value


def _input(record: dict[str, Any], field: str) -> str | list[ChatMessage]:
    value = record.get(field)
    if value is None:
        raise RecordError(f"no '{field}' field (fields: {field_names(record)})")
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return _messages(value, field)
    raise RecordError(f"'{field}' must be a string or a list of chat messages")


def _messages(value: list[Any], field: str) -> list[ChatMessage]:
    try:
        return _message_list().validate_python(value)
    except ValidationError as ex:
        raise RecordError(f"'{field}' is not a list of chat messages: {_first(ex)}") from None


@cache
def _message_list() -> TypeAdapter[list[ChatMessage]]:
    return TypeAdapter(list[ChatMessage])


def _first(ex: ValidationError) -> str:
    error = ex.errors()[0]
    location = ".".join(str(part) for part in error["loc"])
    return f"{location}: {error['msg']}" if location else str(error["msg"])


def _target(value: Any) -> str | list[str]:
    if value is None:
        return ""
    if isinstance(value, list):
        return [_scalar_text(item, "target") for item in value]
    return _scalar_text(value, "target")


def _scalar_text(value: Any, field: str) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str | int | float):
        return str(value)
    raise RecordError(f"'{field}' must be text or a number, not {type(value).__name__}")


def _choices(value: Any) -> list[str] | None:
    if value is None:
        return None
    parsed = _json_text(value, "choices") if isinstance(value, str) else value
    if not isinstance(parsed, list):
        raise RecordError("'choices' must be a list")
    return [_scalar_text(item, "choices") for item in parsed]


def _id(value: Any) -> int | str | None:
    if value is None or isinstance(value, int | str) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise RecordError(f"'id' must be a string or an integer, not {value!r}")


def _metadata(record: dict[str, Any], fields: list[str] | None) -> dict[str, Any] | None:
    if fields is not None:
        return {field: record.get(field) for field in fields}
    value = _value(record, "metadata")
    if value is None:
        return None
    parsed = _json_text(value, "metadata") if isinstance(value, str) else value
    if not isinstance(parsed, dict):
        raise RecordError("'metadata' must be an object")
    return parsed


def _sandbox(value: Any) -> Any:
    if isinstance(value, str) and value.lstrip()[:1] in ("[", "{"):
        value = _json_text(value, "sandbox")
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and 1 <= len(value) <= 2:
        return tuple(value)
    if isinstance(value, dict) and "type" in value:
        return (value["type"], value.get("config"))
    raise RecordError("'sandbox' must be a type name, [type, config] or {type, config}")


def _files(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    parsed = _json_text(value, "files") if isinstance(value, str) else value
    if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
        raise RecordError("'files' must be an object mapping file names to text")
    return {str(name): contents for name, contents in parsed.items()}


def _text(value: Any, field: str) -> str | None:
    return None if value is None else _scalar_text(value, field)


def _json_text(text: str, field: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as ex:
        raise RecordError(f"'{field}' is not valid JSON: {ex.msg}") from None
