"""Images in logged samples: local image files embedded as base64 data URIs."""

import base64
import mimetypes
import os

from inspect_ai._model.content import ContentImage
from inspect_ai._model.message import ChatMessage


def embed_images(messages: list[ChatMessage]) -> None:
    """Replace local image paths in ``messages`` by data URIs, in place.

    URLs and data URIs are left as they are (nothing is downloaded); a path that is not
    a readable file is left as it is too.
    """
    for message in messages:
        if isinstance(message.content, str):
            continue
        for item in message.content:
            if isinstance(item, ContentImage):
                item.image = image_data_uri(item.image)


def image_data_uri(image: str) -> str:
    """A data URI for a local image file (other values are returned unchanged)."""
    if image.startswith("data:") or "://" in image or not os.path.isfile(image):
        return image
    mime = mimetypes.guess_type(image)[0] or "application/octet-stream"
    with open(image, "rb") as file:
        encoded = base64.b64encode(file.read()).decode("ascii")
    return f"data:{mime};base64,{encoded}"
