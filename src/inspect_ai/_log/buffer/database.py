"""The sample buffer's SQLite schema, and connections for its writer and its readers.

``samples`` has one row per sample (id, epoch, status ``running``/``completed``/``error``,
a JSON summary, the completed sample's JSON while it is recent, the time of the last
change); ``events`` holds the events of running samples (JSON, numbered from 0 in the
order the sample recorded them); ``meta`` says which log and which process the buffer is for.
Sample ids are stored JSON-encoded, so ``1`` and ``"1"`` stay distinct.
"""

import json
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS samples (
    id TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    data TEXT,
    updated REAL NOT NULL,
    PRIMARY KEY (id, epoch)
);
CREATE TABLE IF NOT EXISTS events (
    sample_id TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (sample_id, epoch, seq)
) WITHOUT ROWID;
"""


def encode_id(sample_id: int | str) -> str:
    """A sample id as stored in the buffer."""
    return json.dumps(sample_id)


def decode_id(stored: str) -> int | str:
    """A sample id as the buffer stores it, back to its value."""
    value = json.loads(stored)
    return value if isinstance(value, int | str) else str(value)


def create_database(path: Path, meta: dict[str, str]) -> sqlite3.Connection:
    """Create (replacing any old one) the buffer at ``path`` for its writer, in WAL mode.

    The tables are made in a draft file that is then renamed, so a reader that opens the
    buffer as soon as it exists finds them.

    Readers in other processes never block the writer, and commits are not synced to
    disk (the buffer is rebuilt by nothing: losing it in an OS crash loses nothing else).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(path.name + ".new")  # readers never see a buffer without tables
    remove_database(draft)
    setup = sqlite3.connect(draft, isolation_level=None)
    try:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.executescript(_SCHEMA)
        rows = [("version", str(SCHEMA_VERSION)), *meta.items()]
        setup.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)
    finally:
        setup.close()
    remove_database(path)
    draft.replace(path)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA synchronous=OFF")
    return connection


def connect_reader(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection (``immutable`` for a copy that is replaced, never changed)."""
    uri = f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    connection.execute("PRAGMA query_only=ON")
    return connection


def read_meta(connection: sqlite3.Connection) -> dict[str, str]:
    """The buffer's ``meta`` table as a dict."""
    return {key: value for key, value in connection.execute("SELECT key, value FROM meta")}


def remove_database(path: Path) -> None:
    """Delete the database at ``path`` and its WAL files (those that exist)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
