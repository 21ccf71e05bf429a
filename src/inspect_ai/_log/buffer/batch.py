"""Writing running and finished samples to the buffer, a batch per flush (writer thread).

A running sample's events are read from its own event list (no copies are queued), and
only for samples still running when a flush comes: the many short samples of a fast eval
cost a summary row each, never the serialization of their events. A finished sample's
data is kept for samples that were written while running and for a few others per flush
(a viewer finds the rest in the log file), and only for the most recent ones.

Each table is written with one statement per flush (rows passed as one JSON array): every
call into SQLite releases the GIL, and a thread that releases it thousands of times a
second waits for the event loop's thread each time.
"""

import sqlite3
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_json

from inspect_ai._dataset.sample import Sample
from inspect_ai._event.event import Event
from inspect_ai._event.sample import SampleInitEvent
from inspect_ai._json.encode import data_to_json
from inspect_ai._log.buffer.database import encode_id
from inspect_ai._log.buffer.summary import FinishedSample, completed_summary, running_summary

DATA_PER_FLUSH = 20
"""Finished samples never written while running whose data is kept, per flush."""

KEEP_DATA = 500
"""Finished samples whose data the buffer keeps (the oldest are dropped first)."""


def _columns(count: int) -> str:
    """The first ``count`` items of each JSON array row given to ``json_each``."""
    return ", ".join(f"json_extract(value, '$[{index}]')" for index in range(count))


_UPSERT_SAMPLES = f"""
INSERT OR REPLACE INTO samples (id, epoch, status, summary, data, updated)
SELECT {_columns(6)} FROM json_each(?)
"""
_TOUCH_SAMPLES = f"""
UPDATE samples SET updated = ?1 WHERE (id, epoch) IN (SELECT {_columns(2)} FROM json_each(?2))
"""
_INSERT_EVENTS = f"""
INSERT OR REPLACE INTO events (sample_id, epoch, seq, event)
SELECT {_columns(4)} FROM json_each(?)
"""
_DELETE_EVENTS = f"""
DELETE FROM events WHERE (sample_id, epoch) IN (SELECT {_columns(2)} FROM json_each(?))
"""
_DROP_DATA = f"""
UPDATE samples SET data = NULL WHERE (id, epoch) IN (SELECT {_columns(2)} FROM json_each(?))
"""


@dataclass
class _Written:
    """What the buffer holds of a sample that was running at a flush."""

    events: list[Event]
    """The sample's own event list (its transcript's, appended to as it runs)."""

    written: int = 0
    listed: bool = False


class BufferBatcher:
    """Writes running and finished samples to the buffer database, a transaction a batch."""

    def __init__(self, keep_data: int = KEEP_DATA):
        self._written: dict[tuple[int | str, int], _Written] = {}
        self._with_data: deque[tuple[str, int]] = deque()
        self._keep_data = keep_data

    def write(
        self,
        connection: sqlite3.Connection,
        running: dict[tuple[int | str, int], list[Event]],
        finished: list[FinishedSample],
    ) -> set[tuple[int | str, int]]:
        """Write the new events of ``running`` samples, then the ``finished`` ones.

        Returns the running samples the buffer now holds events of.
        """
        now = time.time()
        connection.execute("BEGIN")
        try:
            self._write_running(connection, running, now)
            self._write_finished(connection, finished, now)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return set(self._written)

    def _write_running(
        self,
        connection: sqlite3.Connection,
        running: dict[tuple[int | str, int], list[Event]],
        now: float,
    ) -> None:
        listed: list[list[Any]] = []
        touched: list[list[Any]] = []
        replaced: list[list[Any]] = []
        rows: list[list[Any]] = []
        for (sample_id, epoch), events in running.items():
            stored: list[Any] = [encode_id(sample_id), epoch]
            state = self._written.get((sample_id, epoch))
            if state is None or state.events is not events:  # new, or a retry of it
                if state is not None:
                    replaced.append(stored)
                state = self._written[(sample_id, epoch)] = _Written(events)
            new = events[state.written :]
            if not new:
                continue
            if not state.listed:
                init = _init_sample(events)
                listed.append([*stored, "running", _running(init, sample_id, epoch), None, now])
                state.listed = init is not None
            else:
                touched.append(stored)
            for seq, event in enumerate(new, start=state.written):
                rows.append([*stored, seq, _event_json(event)])
            state.written += len(new)
        connection.execute(_DELETE_EVENTS, (to_json(replaced),))
        connection.execute(_UPSERT_SAMPLES, (to_json(listed),))
        connection.execute(_TOUCH_SAMPLES, (now, to_json(touched)))
        connection.execute(_INSERT_EVENTS, (to_json(rows),))

    def _write_finished(
        self, connection: sqlite3.Connection, finished: list[FinishedSample], now: float
    ) -> None:
        rows: list[list[Any]] = []
        written: list[list[Any]] = []
        for sample in finished:
            stored = (encode_id(sample.id), sample.epoch)
            if self._written.pop((sample.id, sample.epoch), None) is not None:
                written.append(list(stored))
            data: str | None = None
            if sample.sample is not None:
                data = sample.sample.model_dump_json(exclude_none=True, by_alias=True)
                self._with_data.append(stored)
            summary = data_to_json(completed_summary(sample)).decode()
            rows.append([*stored, sample.status, summary, data, now])
        connection.execute(_DELETE_EVENTS, (to_json(written),))
        connection.execute(_UPSERT_SAMPLES, (to_json(rows),))
        dropped: list[tuple[str, int]] = []
        while len(self._with_data) > self._keep_data:
            dropped.append(self._with_data.popleft())
        if dropped:
            connection.execute(_DROP_DATA, (to_json(dropped),))


def _init_sample(events: list[Event]) -> Sample | None:
    for event in events[:4]:  # sample_init comes right after the init span begins
        if isinstance(event, SampleInitEvent):
            return event.sample
    return None


def _running(init: Sample | None, sample_id: int | str, epoch: int) -> str:
    if init is None:  # its sample_init event is not recorded yet
        return data_to_json({"id": sample_id, "epoch": epoch}).decode()
    return data_to_json(running_summary(init, sample_id, epoch)).decode()


def _event_json(event: Event) -> str:
    return event.model_dump_json(exclude_none=True, by_alias=True)
