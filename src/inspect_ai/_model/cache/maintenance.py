"""Looking after the cache: its size by model, clearing it, and pruning expired entries."""

import shutil
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from inspect_ai._model.cache.location import cache_path
from inspect_ai._model.cache.store import ENTRY_NAME, read_header


def cache_clear(model: str = "") -> bool:
    """Remove every cached output, or those of one model or provider.

    Args:
        model: A model (``openai/gpt-4o``) or provider (``openai``); empty for all.

    Returns:
        True when there was a cache to remove, False when there was none.
    """
    path = cache_path(model)
    if not path.is_dir():
        return False
    shutil.rmtree(path)
    return True


def cache_list_expired(filter_by: Sequence[str] = ()) -> list[Path]:
    """The files of expired (or unreadable) entries, of every model or of those given.

    Args:
        filter_by: Models or providers to look at (empty for all).
    """
    now = time.time()
    return [path for path in _entries(filter_by) if _pruneable(path, now)]


def cache_prune(files: Sequence[Path] | None = None) -> None:
    """Delete expired entries: those among ``files``, or every one when ``files`` is None."""
    now = time.time()
    for path in cache_list_expired() if files is None else files:
        if ENTRY_NAME.fullmatch(path.name) and _pruneable(path, now):
            path.unlink(missing_ok=True)


def cache_size(
    models: Sequence[str] = (), files: Sequence[Path] | None = None
) -> list[tuple[str, int]]:
    """Bytes cached per model (``provider/name``), sorted by model.

    Args:
        models: Models or providers to measure (empty for all).
        files: Measure just these entries instead (when not None).
    """
    root = cache_path()
    sizes: dict[str, int] = defaultdict(int)
    for path in _entries(models) if files is None else files:
        try:
            sizes[path.parent.relative_to(root).as_posix()] += path.stat().st_size
        except (OSError, ValueError):
            continue
    return sorted(sizes.items())


def _entries(models: Sequence[str]) -> Iterator[Path]:
    for directory in [cache_path(model) for model in models] or [cache_path()]:
        if directory.is_dir():
            for path in directory.rglob("*"):
                if ENTRY_NAME.fullmatch(path.name) and path.is_file():
                    yield path


def _pruneable(path: Path, now: float) -> bool:
    try:
        return read_header(path).expired(now)
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True
