"""Reading the sample buffer of a running eval, from any process.

``open_sample_buffer(log_location)`` opens the buffer of a log being written on this
machine (in the user data directory), else the shared copy next to the log
(``log_shared``), else returns None (the eval is not running, or not sharing).
"""

import contextlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import TypeAdapter

from inspect_ai._event.event import Event
from inspect_ai._log import filesystem
from inspect_ai._log.buffer.database import connect_reader, decode_id, encode_id, read_meta
from inspect_ai._log.buffer.location import buffer_path, shared_location
from inspect_ai._log.buffer.stale import writer_alive
from inspect_ai._log.model.sample import EvalSample

SampleStatus = Literal["running", "completed", "error"]


@dataclass(frozen=True)
class BufferedSample:
    """A sample in the buffer: where it stands, and its summary."""

    id: int | str
    epoch: int
    status: SampleStatus
    summary: dict[str, Any]
    """Input preview and target; scores, error, limit and timing once it has finished."""

    updated: float
    """When the buffer last changed for this sample (seconds since the epoch)."""


@dataclass(frozen=True)
class BufferedEvent:
    """An event of a running sample, numbered from 0 in the order it was recorded."""

    seq: int
    event: Event


class SampleBuffer:
    """A read-only view of the sample buffer of a running eval."""

    def __init__(
        self, connection: sqlite3.Connection, log_location: str, download: Path | None = None
    ) -> None:
        self.log_location = log_location
        self._connection = connection
        self._download = download

    def samples(self) -> list[BufferedSample]:
        """Every sample started so far, in id and epoch order."""
        rows = self._connection.execute(
            "SELECT id, epoch, status, summary, updated FROM samples"
        ).fetchall()
        samples = [
            BufferedSample(decode_id(id), epoch, status, json.loads(summary), updated)
            for id, epoch, status, summary, updated in rows
        ]
        return sorted(
            samples, key=lambda sample: (isinstance(sample.id, str), sample.id, sample.epoch)
        )

    def events(self, id: int | str, epoch: int, after_seq: int = -1) -> list[BufferedEvent]:
        """The events of a running sample written so far (those after ``after_seq``).

        Events of a sample that has finished are in its ``sample()``.
        """
        rows = self._connection.execute(
            "SELECT seq, event FROM events WHERE sample_id = ? AND epoch = ? AND seq > ? "
            "ORDER BY seq",
            (encode_id(id), epoch, after_seq),
        ).fetchall()
        adapter = _event_adapter()
        return [BufferedEvent(seq, adapter.validate_json(event)) for seq, event in rows]

    def sample(self, id: int | str, epoch: int) -> EvalSample | None:
        """A finished sample (from the buffer, or from the log once it is written there).

        None when the sample has not finished, or is in neither place yet.
        """
        row = self._connection.execute(
            "SELECT status, data FROM samples WHERE id = ? AND epoch = ?", (encode_id(id), epoch)
        ).fetchone()
        if row is None or row[0] == "running":
            return None
        if row[1] is not None:
            return EvalSample.model_validate_json(row[1])
        return _sample_from_log(self.log_location, id, epoch)

    def writer_alive(self) -> bool | None:
        """Whether the eval writing the buffer is running (None: on another machine)."""
        return writer_alive(read_meta(self._connection))

    def close(self) -> None:
        """Close the buffer (and delete the downloaded copy of a remote one)."""
        self._connection.close()
        if self._download is not None:
            with contextlib.suppress(OSError):
                os.remove(self._download)

    def __enter__(self) -> "SampleBuffer":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_sample_buffer(log_location: str) -> SampleBuffer | None:
    """The sample buffer of the log at ``log_location``, or None if it has none.

    Args:
        log_location: The log file (path or URI) of a running eval.
    """
    location = filesystem.absolute(log_location)
    path = buffer_path(location)
    with contextlib.suppress(sqlite3.Error):
        if path.exists():
            return SampleBuffer(connect_reader(path), location)
    shared = shared_location(location)
    if not filesystem.exists(shared):
        return None
    if filesystem.is_local(shared):
        local = Path(filesystem.local_path(shared))
        return SampleBuffer(connect_reader(local, immutable=True), location)
    download = _download(shared)
    return SampleBuffer(connect_reader(download, immutable=True), location, download)


def _download(location: str) -> Path:
    descriptor, name = tempfile.mkstemp(suffix=".db", prefix="samplebuffer-")
    with os.fdopen(descriptor, "wb") as file:
        file.write(filesystem.read_bytes(location))
    return Path(name)


def _sample_from_log(log_location: str, id: int | str, epoch: int) -> EvalSample | None:
    from inspect_ai._log.read import read_eval_log_sample

    try:
        return read_eval_log_sample(log_location, id, epoch)
    except Exception:  # not written yet (or the log is being replaced)
        return None


@cache
def _event_adapter() -> TypeAdapter[Event]:
    return cast(TypeAdapter[Event], TypeAdapter(Event))
