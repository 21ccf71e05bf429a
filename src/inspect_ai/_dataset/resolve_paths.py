"""Relative file references in samples are made absolute against the dataset file's directory.

``csv_dataset()`` and ``json_dataset()`` apply this to every sample they read (whether made
by a ``FieldSpec`` or a record function), so a dataset can refer to files beside it:

- media in chat-message input (``{"type": "image", "image": "picture.png"}``, and likewise
  audio, video and document content) naming a relative path;
- values of ``files`` naming a relative path.

A reference is rewritten only when it exists in the dataset's directory; it becomes an
absolute path (or, for a dataset read from a URL, the URL of that file). URLs, ``data:``
URIs, absolute paths and references not found there are left unchanged, so they still
resolve against the working directory later (and ``files`` values may be inline contents).
"""

import os
from collections.abc import Mapping
from typing import Any

from inspect_ai._dataset.sample import Sample
from inspect_ai._log import filesystem
from inspect_ai._model.content import ContentAudio, ContentDocument, ContentImage, ContentVideo
from inspect_ai._model.message import ChatMessage

_MEDIA_FIELDS: dict[type[Any], str] = {
    ContentImage: "image",
    ContentAudio: "audio",
    ContentVideo: "video",
    ContentDocument: "document",
}


class PathResolver:
    """Resolves relative references against one directory (each lookup done once)."""

    def __init__(self, directory: str, fs_options: Mapping[str, Any]) -> None:
        self._directory = directory
        self._fs_options = dict(fs_options)
        self._resolved: dict[str, str] = {}

    def resolve(self, reference: str) -> str:
        """``reference`` made absolute if it is a relative path to a file in the directory."""
        if not _is_relative_path(reference):
            return reference
        if reference not in self._resolved:
            self._resolved[reference] = self._lookup(reference)
        return self._resolved[reference]

    def _lookup(self, reference: str) -> str:
        candidate = filesystem.absolute(filesystem.join(self._directory, reference))
        if filesystem.is_local(candidate):
            return candidate if os.path.isfile(candidate) else reference
        return candidate if filesystem.exists(candidate, self._fs_options) else reference


def resolve_sample_paths(sample: Sample, resolver: PathResolver) -> Sample:
    """``sample`` with relative media and ``files`` references resolved (a copy if changed)."""
    update: dict[str, Any] = {}
    if isinstance(sample.input, list):
        messages = [_resolve_message(message, resolver) for message in sample.input]
        if any(new is not old for new, old in zip(messages, sample.input, strict=True)):
            update["input"] = messages
    if sample.files:
        files = {name: resolver.resolve(value) for name, value in sample.files.items()}
        if files != sample.files:
            update["files"] = files
    return sample.model_copy(update=update) if update else sample


def _resolve_message(message: ChatMessage, resolver: PathResolver) -> ChatMessage:
    if isinstance(message.content, str):
        return message
    content = [_resolve_content(item, resolver) for item in message.content]
    if all(new is old for new, old in zip(content, message.content, strict=True)):
        return message
    return message.model_copy(update={"content": content})


def _resolve_content(item: Any, resolver: PathResolver) -> Any:
    field = _MEDIA_FIELDS.get(type(item))
    if field is None:
        return item
    value = getattr(item, field)
    resolved = resolver.resolve(value)
    return item if resolved == value else item.model_copy(update={field: resolved})


def _is_relative_path(reference: str) -> bool:
    if not reference or len(reference) > 1024 or "\n" in reference:
        return False
    if "://" in reference or reference.startswith("data:"):
        return False
    return not os.path.isabs(reference)
