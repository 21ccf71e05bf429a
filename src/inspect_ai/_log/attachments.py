"""Attachments: long content moved out of a sample's messages and events, and put back.

On write, ``data:`` URIs in the input and messages, and every string longer than 100
characters in the events, are replaced by ``attachment://<hash>`` and stored once in the
sample's ``attachments``. The hash is MurmurHash3 x64-128 (seed 0) of the UTF-8 text.
Older logs use the prefix ``tc://`` for the same thing.
"""

from collections.abc import Callable
from typing import Any

ATTACHMENT_PREFIX = "attachment://"
LEGACY_PREFIX = "tc://"
EVENT_STRING_LIMIT = 100
"""Strings in events longer than this become attachments."""


def content_hash(text: str) -> str:
    """MurmurHash3 x64-128 (seed 0) of ``text`` as 32 lowercase hex digits."""
    import mmh3

    high, low = mmh3.hash64(text.encode("utf-8"), seed=0, x64arch=True, signed=False)
    return f"{high:016x}{low:016x}"


def condense_sample_data(data: dict[str, Any]) -> dict[str, Any]:
    """Move long content of a dumped sample (plain JSON data, changed in place) into its
    attachments, and return it."""
    attachments: dict[str, str] = dict(data.get("attachments") or {})

    def attach(text: str) -> str:
        key = content_hash(text)
        attachments[key] = text
        return ATTACHMENT_PREFIX + key

    for field in ("input", "messages"):
        if isinstance(data.get(field), list):
            _attach_strings(data[field], attach, data_uris_only=True)
    if isinstance(data.get("events"), list):
        _attach_strings(data["events"], attach, data_uris_only=False)
    data["attachments"] = attachments
    return data


def resolve_data(data: Any, attachments: dict[str, str]) -> Any:
    """``data`` with every attachment reference replaced by the attached content."""
    if not attachments:
        return data

    def lookup(text: str) -> str:
        key = text[len(ATTACHMENT_PREFIX) :] if text.startswith(ATTACHMENT_PREFIX) else text[5:]
        return attachments.get(key, text)

    return _replace_strings(data, _is_reference, lookup)


def resolve_sample_data(data: dict[str, Any]) -> dict[str, Any]:
    """A dumped sample (plain JSON data) with its attachment references resolved."""
    attachments = data.get("attachments") or {}
    if not attachments:
        return data
    resolved = resolve_data({k: v for k, v in data.items() if k != "attachments"}, attachments)
    resolved["attachments"] = {}
    return dict(resolved)


def _is_reference(text: str) -> bool:
    return text.startswith(ATTACHMENT_PREFIX) or text.startswith(LEGACY_PREFIX)


def _attach_strings(
    value: dict[str, Any] | list[Any], attach: Callable[[str], str], data_uris_only: bool
) -> None:
    # the hot loop of writing a log: type checks are inlined, and values are replaced in
    # place (the data is a fresh dump of the sample, owned by the writer)
    items = value.items() if type(value) is dict else enumerate(value)
    for key, item in items:
        kind = type(item)
        if kind is str:
            if len(item) > EVENT_STRING_LIMIT and (not data_uris_only or item.startswith("data:")):
                value[key] = attach(item)  # type: ignore[index]
        elif kind is dict or kind is list:
            _attach_strings(item, attach, data_uris_only)


def _replace_strings(
    value: Any, predicate: Callable[[str], bool], replace: Callable[[str], str]
) -> Any:
    if isinstance(value, str):
        return replace(value) if predicate(value) else value
    if isinstance(value, dict):
        return {k: _replace_strings(v, predicate, replace) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_strings(v, predicate, replace) for v in value]
    return value
