"""Images and documents as Converse blocks: raw bytes (or an S3 location)."""

import re
from typing import Any

from inspect_ai._model.providers.common.media import inline_data

IMAGE_FORMATS = {"image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif", "image/webp": "webp"}
"""Image MIME types Converse accepts, and their format names."""

DOCUMENT_FORMATS = {
    "application/pdf": "pdf",
    "text/csv": "csv",
    "text/html": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}
"""Document MIME types Converse accepts, and their format names (else ``pdf``)."""


def image_block(image: str) -> dict[str, Any]:
    """An ``image`` block for a data URI, a local file or an ``s3://`` URI.

    Raises:
        ValueError: An http(s) URL (Converse does not fetch images) or an unknown format.
    """
    if image.startswith("s3://"):
        return {"format": _image_format(image), "source": {"s3Location": {"uri": image}}}
    data = inline_data(image)
    if data is None:
        raise ValueError(f"Bedrock takes images as data, local files or s3:// URIs: {image[:100]}")
    mime = data.mime_type
    if mime not in IMAGE_FORMATS:
        raise ValueError(f"Bedrock does not accept images of type '{mime}'.")
    return {"format": IMAGE_FORMATS[mime], "source": {"bytes": data.raw()}}


def document_block(document: str, filename: str) -> dict[str, Any]:
    """A ``document`` block for a data URI or a local file (format from its MIME type)."""
    data = inline_data(document)
    if data is None:
        raise ValueError(f"Bedrock takes documents as data or local files: {document[:100]}")
    document_format = DOCUMENT_FORMATS.get(data.mime_type, "pdf")
    return {
        "format": document_format,
        "name": _document_name(filename),
        "source": {"bytes": data.raw()},
    }


def _document_name(filename: str) -> str:
    """A name Converse accepts (letters, digits, spaces, hyphens, brackets)."""
    stem = filename.rsplit(".", 1)[0]
    return re.sub(r"[^A-Za-z0-9 ()\[\]-]", " ", stem).strip() or "document"


def _image_format(uri: str) -> str:
    extension = uri.rsplit(".", 1)[-1].lower()
    return "jpeg" if extension == "jpg" else extension
