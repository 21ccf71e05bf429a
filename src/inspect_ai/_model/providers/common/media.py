"""Images for vendor requests: local files as data URIs, data URIs split into their parts."""

import base64
import mimetypes
import os
from typing import NamedTuple


class InlineData(NamedTuple):
    """The MIME type and base64 text of a ``data:`` URI."""

    mime_type: str
    base64: str

    def raw(self) -> bytes:
        """The decoded bytes."""
        return base64.b64decode(self.base64)


def as_data_uri(media: str, default_mime: str = "application/octet-stream") -> str:
    """A data URI for a local file (``default_mime`` when its extension says no type);
    URLs and data URIs are returned unchanged."""
    if media.startswith("data:") or "://" in media or not os.path.isfile(media):
        return media
    mime = mimetypes.guess_type(media)[0] or default_mime
    with open(media, "rb") as file:
        encoded = base64.b64encode(file.read()).decode("ascii")
    return f"data:{mime};base64,{encoded}"


def inline_data(media: str) -> InlineData | None:
    """The parts of ``media`` as a base64 data URI (a local file is read first).

    Returns None for a URL (or anything else that is not base64 data).
    """
    uri = as_data_uri(media)
    if not uri.startswith("data:"):
        return None
    header, _, data = uri[len("data:") :].partition(",")
    mime, _, encoding = header.partition(";")
    if encoding != "base64":
        return None
    return InlineData(mime or "application/octet-stream", data)
