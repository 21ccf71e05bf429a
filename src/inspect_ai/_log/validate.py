"""Turning the bytes of a log (or one of its members) into models, with one-line errors."""

import re
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.model.log import MAX_READABLE_VERSION, EvalLogHeaderFields
from inspect_ai._log.model.sample import EvalSample, expand_pools
from inspect_ai._log.resolve import resolve_sample_attachments
from inspect_ai._model.message import stored_message_ids

M = TypeVar("M", bound=BaseModel)
H = TypeVar("H", bound=EvalLogHeaderFields)

_VERSION = re.compile(rb'^\s*\{\s*"version"\s*:\s*(\d+)')


def peek_version(data: bytes) -> int | None:
    """The format version at the start of a log header, without parsing the rest."""
    peeked = _VERSION.match(data[:200])
    return int(peeked.group(1)) if peeked is not None else None


def validate_header_json(model: type[H], data: bytes, location: str, part: str = "") -> H:
    """A log header (or whole log) from JSON, refusing format versions newer than we read.

    The version is checked before validation, so a newer log whose structure changed is
    reported as too new rather than as invalid.
    """
    version = peek_version(data)
    if version is not None:
        check_version(version, location)
    header = validate_json(model, data, location, part)
    check_version(header.version, location)
    return header


def validate_json(model: type[M], data: bytes, location: str, part: str = "") -> M:
    """``data`` validated as ``model``; a ``LogFormatError`` naming the problem if it is not."""
    try:
        with stored_message_ids():
            return model.model_validate_json(data)
    except ValidationError as ex:
        raise format_error(location, part, ex) from None


def validate_json_list(model: type[M], data: bytes, location: str, part: str) -> list[M]:
    """``data`` validated as a JSON list of ``model``; a ``LogFormatError`` if it is not."""
    try:
        with stored_message_ids():
            return TypeAdapter(list[model]).validate_json(data)  # type: ignore[valid-type]
    except ValidationError as ex:
        raise format_error(location, part, ex) from None


def validate_python(model: type[M], data: Any, location: str, part: str = "") -> M:
    """Plain ``data`` validated as ``model``; a ``LogFormatError`` if it is not."""
    try:
        with stored_message_ids():
            return model.model_validate(data)
    except ValidationError as ex:
        raise format_error(location, part, ex) from None


def format_error(location: str, part: str, ex: ValidationError) -> LogFormatError:
    """A one-line error for a log that failed validation."""
    where = f"{location} ({part})" if part else location
    error = ex.errors(include_url=False)[0]
    if error["type"] == "json_invalid":
        detail = "invalid or truncated JSON"
    else:
        path = ".".join(str(p) for p in error["loc"])
        detail = f"{path}: {error['msg']}" if path else str(error["msg"])
    return LogFormatError(f"{where}: not a readable eval log ({detail})")


def check_version(version: int, location: str) -> None:
    """Refuse logs written in a format newer than this implementation reads."""
    if version > MAX_READABLE_VERSION:
        raise LogFormatError(
            f"{location}: log format version {version} is newer than this version of "
            f"inspect_ai can read (up to {MAX_READABLE_VERSION}); please upgrade inspect_ai"
        )


def parse_sample(data: bytes, location: str, part: str, resolve_attachments: bool) -> EvalSample:
    """A sample from its JSON bytes, with attachments resolved if asked."""
    sample = expand_pools(validate_json(EvalSample, data, location, part))
    return resolve_sample_attachments(sample) if resolve_attachments else sample


def sample_sort_key(sample: EvalSample) -> tuple[int, int, int | str]:
    """Order samples by epoch, then id (integers numerically before strings lexically)."""
    if isinstance(sample.id, int):
        return (sample.epoch, 0, sample.id)
    return (sample.epoch, 1, sample.id)
