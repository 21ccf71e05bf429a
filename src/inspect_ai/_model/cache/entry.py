"""A model call's entry in the cache: where it is, reading it and writing it off the loop."""

import asyncio
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from inspect_ai._model.cache.expiry import expiry_seconds
from inspect_ai._model.cache.key import CallKey, cache_key
from inspect_ai._model.cache.location import cache_path
from inspect_ai._model.cache.store import output_json, read_entry, write_entry
from inspect_ai._model.generate_config import CachePolicy
from inspect_ai._model.output import ModelOutput
from inspect_ai._sample.context import sample_context

_logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CacheEntry:
    """Where a call's output is cached, and how long a new entry lives (None: forever)."""

    path: Path
    expiry: int | None


def cache_policy(cache: bool | CachePolicy | None) -> CachePolicy | None:
    """The policy ``cache`` asks for: ``True`` is the default policy, ``False``/None none."""
    if isinstance(cache, CachePolicy):
        return cache
    return CachePolicy() if cache else None


def cache_entry(call: CallKey, policy: CachePolicy) -> CacheEntry:
    """The entry of ``call`` under ``policy`` (the running sample's epoch if per epoch)."""
    context = sample_context()
    epoch = context.epoch if context is not None else None
    key = cache_key(call, policy, epoch)
    return CacheEntry(cache_path(call.model) / key, expiry_seconds(policy.expiry))


async def cache_fetch(entry: CacheEntry) -> ModelOutput | None:
    """The cached output of ``entry`` (None: a miss; unreadable entries are misses)."""
    try:
        return await asyncio.to_thread(read_entry, entry.path, time.time())
    except OSError as ex:
        _logger.warning(f"Could not read the model cache entry {entry.path}: {ex}")
        return None


async def cache_store(entry: CacheEntry, output: ModelOutput) -> None:
    """Store ``output`` as ``entry`` (a failed write is logged, not raised)."""
    data = output_json(output)
    created = time.time()
    expires = None if entry.expiry is None else created + entry.expiry
    try:
        await asyncio.to_thread(write_entry, entry.path, data, created, expires)
    except OSError as ex:
        _logger.warning(f"Could not write the model cache entry {entry.path}: {ex}")
