"""The records of JSON text: a top-level array of objects, or JSON lines (one object a line)."""

import json
from collections.abc import Iterator
from typing import Any

from inspect_ai._dataset.errors import DatasetError
from inspect_ai._dataset.records import Record


def jsonl_records(text: str, source: str) -> Iterator[Record]:
    """One record per non-blank line, numbered by line."""
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as ex:
            raise DatasetError(
                f"{source}, line {line_number}: invalid JSON: {ex.msg} (column {ex.colno})"
            ) from None
        yield line_number, _object(value, source, f"line {line_number}")


def json_array_records(text: str, source: str) -> Iterator[Record]:
    """One record per element of the top-level array, numbered from 1."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as ex:
        hint = " (JSON lines files should end in .jsonl)" if ex.msg == "Extra data" else ""
        raise DatasetError(
            f"{source}, line {ex.lineno}, column {ex.colno}: invalid JSON: {ex.msg}{hint}"
        ) from None
    if not isinstance(value, list):
        raise DatasetError(f"{source}: expected a JSON array of records, not {_kind(value)}")
    for row, item in enumerate(value, start=1):
        yield row, _object(item, source, f"row {row}")


def _object(value: Any, source: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DatasetError(f"{source}, {where}: expected a JSON object, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
