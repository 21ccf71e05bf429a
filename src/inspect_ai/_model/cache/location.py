"""Where cached model outputs live: ``$INSPECT_CACHE_DIR/generate``, else the user cache."""

import os
import sys
from pathlib import Path

CACHE_DIR_VARIABLE = "INSPECT_CACHE_DIR"
"""Environment variable overriding the directory of Inspect's caches."""

_UNSAFE = set('<>:"\\|?*')


def cache_path(model: str = "") -> Path:
    """The directory of cached model outputs, or of one model's (``openai/gpt-4o``).

    Args:
        model: A model (``provider/name``) or a provider; empty for the whole cache.
    """
    root = _inspect_cache_dir() / "generate"
    return root / model_subdir(model) if model else root


def model_subdir(model: str) -> Path:
    """The relative directory of ``model``: one level per ``/`` part, unsafe characters as ``_``."""
    return Path(*(_safe_part(part) for part in model.split("/")))


def _safe_part(part: str) -> str:
    if part in ("", ".", ".."):
        return "_"
    return "".join("_" if char in _UNSAFE or ord(char) < 32 else char for char in part)


def _inspect_cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return _user_cache_dir() / "inspect_ai"


def _user_cache_dir() -> Path:
    """The user's cache directory: XDG on Linux, ``~/Library/Caches``, ``%LOCALAPPDATA%``."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else Path.home() / "AppData" / "Local"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
