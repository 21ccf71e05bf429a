"""Images, audio and documents as the URLs and base64 data Chat Completions takes."""

import base64
import mimetypes


def media_url(media: str, default_mime: str) -> str:
    """``media`` as a URL: web URLs and ``data:`` URIs as they are, local files as data URIs."""
    if media.startswith(("http://", "https://", "data:")):
        return media
    mime = mimetypes.guess_type(media)[0] or default_mime
    return f"data:{mime};base64,{_file_base64(media)}"


def media_base64(media: str) -> str:
    """The base64 data of a ``data:`` URI or a local file."""
    if media.startswith("data:"):
        return media.partition(",")[2]
    return _file_base64(media)


def _file_base64(path: str) -> str:
    with open(path, "rb") as file:
        return base64.b64encode(file.read()).decode("ascii")
