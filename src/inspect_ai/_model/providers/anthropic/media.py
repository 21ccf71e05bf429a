"""Media (images, documents) as the ``source`` of Anthropic content blocks."""

from typing import Any

from inspect_ai._model.providers.common.media import inline_data


def media_source(media: str, default_mime: str) -> dict[str, Any]:
    """A URL source for a URL, else base64 data (of a ``data:`` URI or a local file).

    Args:
        media: A URL, a ``data:`` URI or a local file path.
        default_mime: MIME type when the data does not say.

    Raises:
        ValueError: ``media`` is neither a URL, base64 data nor a readable file.
    """
    if media.startswith(("http://", "https://")):
        return {"type": "url", "url": media}
    data = inline_data(media)
    if data is None:
        raise ValueError(f"Media is not a URL, base64 data or a readable file: {media[:100]}")
    mime = default_mime if data.mime_type == "application/octet-stream" else data.mime_type
    return {"type": "base64", "media_type": mime, "data": data.base64}
