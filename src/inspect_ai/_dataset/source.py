"""Reading a dataset file's text from a local path or an fsspec URL (``s3://``, ``memory://``).

Local paths never import fsspec; URLs go through the log layer's filesystem functions.
"""

import errno
from collections.abc import Mapping
from typing import Any

from inspect_ai._dataset.errors import DatasetError
from inspect_ai._log import filesystem


def read_text(location: str, encoding: str, fs_options: Mapping[str, Any]) -> str:
    """The text of the file at ``location`` (a leading byte-order mark is dropped)."""
    try:
        data = filesystem.read_bytes(location, dict(fs_options))
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, "No such file", location) from None
    except IsADirectoryError:
        raise DatasetError(f"{location}: is a directory, not a dataset file") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as ex:
        raise DatasetError(f"{location}: not {encoding} text (byte {ex.start})") from None
    return text.removeprefix("\ufeff")


def file_stem(location: str) -> str:
    """The file name of ``location`` without its extension (the default dataset name)."""
    name = filesystem.basename(location)
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def file_extension(location: str) -> str:
    """The lower-case extension of ``location`` (``".jsonl"``), or ``""``."""
    name = filesystem.basename(location)
    _, dot, extension = name.rpartition(".")
    return f".{extension.lower()}" if dot else ""


def file_directory(location: str) -> str:
    """The directory holding ``location`` (``""`` for a bare local file name)."""
    return filesystem.dirname(location)
