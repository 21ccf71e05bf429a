"""``resource()``: text given inline, in a local file, or at a URL.

Templates and prompts can be written inline or kept in files (``system.txt``) or at URLs
(``s3://bucket/prompt.txt``, ``memory://prompt.txt``, ``https://...``). Local paths are
read directly; URLs go through fsspec, which is imported only when a URL is read.
"""

import os
import re
from typing import Any, Literal

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://\S+$")
_LOCAL_SCHEMES = ("file", "local")


def resource(
    resource: str,
    type: Literal["auto", "file"] = "auto",
    fs_options: dict[str, Any] | None = None,
) -> str:
    """The text of a resource given as a string, a file path or a URL.

    With ``type="auto"``, a URL (``scheme://...``, read through fsspec) or the path of an
    existing file is read and its contents returned; anything else is returned as it is
    (so an inline template can be passed where a file name could be). With
    ``type="file"``, the resource must be a file or URL that can be read.

    Relative paths resolve against the current directory (the task loader makes that
    the task file's directory while tasks are created).

    Args:
        resource: Inline text, a file path, or a URL.
        type: ``auto`` (decide as above) or ``file`` (must be a readable file).
        fs_options: Options for the fsspec filesystem that reads a URL (e.g. S3
            credentials or ``anon``).

    Raises:
        FileNotFoundError: ``type="file"`` and there is no such file.
        IsADirectoryError: ``type="file"`` and the path is a directory.
        ValueError: ``type="file"`` and the URL scheme is one fsspec does not know.
    """
    if type not in ("auto", "file"):
        raise ValueError(f"resource(): type must be 'auto' or 'file', not {type!r}.")
    url = _URL.match(resource)
    if url is not None:
        scheme = url.group("scheme").lower()
        if scheme in _LOCAL_SCHEMES:
            return _read_local(resource, _local_path(resource), type)
        return _read_url(resource, scheme, type, fs_options or {})
    return _read_local(resource, resource, type)


def _local_path(url: str) -> str:
    """The path of a ``file://`` or ``local://`` URL."""
    from urllib.parse import unquote, urlparse

    if url.lower().startswith("local://"):
        return url[len("local://") :]
    return unquote(urlparse(url).path)


def _read_local(resource: str, path: str, type: Literal["auto", "file"]) -> str:
    """Read ``path`` if it is a file; in ``auto`` mode otherwise return ``resource``."""
    if "\n" not in path:
        expanded = os.path.expanduser(path)
        if os.path.isfile(expanded):
            with open(expanded, encoding="utf-8") as f:
                return f.read()
        if type == "file" and os.path.isdir(expanded):
            raise IsADirectoryError(f"Resource '{resource}' is a directory, not a file.")
    if type == "file":
        raise FileNotFoundError(f"Resource file '{_shorten(resource)}' does not exist.")
    return resource


def _read_url(
    resource: str, scheme: str, type: Literal["auto", "file"], fs_options: dict[str, Any]
) -> str:
    """Read a URL through fsspec; in ``auto`` mode a missing or unknown one is text."""
    import fsspec

    try:
        fsspec.get_filesystem_class(scheme)
    except ValueError as ex:
        if type == "file":
            raise ValueError(
                f"Resource '{resource}' has a URL scheme ('{scheme}') that fsspec does not know."
            ) from ex
        return resource
    try:
        with fsspec.open(resource, "r", encoding="utf-8", **fs_options) as f:
            text: str = f.read()
            return text
    except FileNotFoundError as ex:
        if type == "file":
            raise FileNotFoundError(f"Resource file '{resource}' does not exist.") from ex
        return resource
    except IsADirectoryError as ex:
        if type == "file":
            raise IsADirectoryError(f"Resource '{resource}' is a directory, not a file.") from ex
        return resource


def _shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters for an error message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
