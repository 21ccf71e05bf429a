"""Cache entry files: a header line (when written, when it expires), then the output JSON.

Entries are written atomically (a temporary file beside the entry, then a rename), so a
reader sees a whole entry or none. An entry that cannot be read back is removed.
"""

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from inspect_ai._model.output import ModelOutput

ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
"""Names of entry files (cache keys); anything else in the cache is not an entry."""

_MAX_HEADER = 1024


@dataclass(frozen=True)
class EntryHeader:
    """When an entry was written and when it expires (epoch seconds)."""

    created: float
    expires: float | None

    def expired(self, now: float) -> bool:
        """Whether the entry has expired at ``now``."""
        return self.expires is not None and self.expires <= now


def output_json(output: ModelOutput) -> bytes:
    """``output`` as stored: message ids are left out, so each read gets new ones."""
    exclude = {"choices": {"__all__": {"message": {"id"}}}}
    return output.model_dump_json(exclude=exclude).encode()


def write_entry(path: Path, output: bytes, created: float, expires: float | None) -> None:
    """Write an entry atomically, creating its directory."""
    header = json.dumps({"created": created, "expires": expires}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(header + b"\n" + output)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_entry(path: Path, now: float) -> ModelOutput | None:
    """The output in an entry (None: absent or expired; a corrupt entry is removed)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    header_line, _, body = data.partition(b"\n")
    try:
        if parse_header(header_line).expired(now):
            return None
        return ModelOutput.model_validate_json(body)
    except ValueError:
        path.unlink(missing_ok=True)
        return None


def read_header(path: Path) -> EntryHeader:
    """The header of an entry, reading only its first line.

    Raises:
        ValueError: The header is corrupt.
        OSError: The entry cannot be read.
    """
    with path.open("rb") as file:
        return parse_header(file.readline(_MAX_HEADER))


def parse_header(line: bytes) -> EntryHeader:
    """An entry's header from its first line (ValueError if it is not one)."""
    header = json.loads(line)
    if not isinstance(header, dict):
        raise ValueError("cache entry header is not an object")
    created, expires = header.get("created"), header.get("expires")
    if not isinstance(created, int | float) or not isinstance(expires, int | float | None):
        raise ValueError("cache entry header has no valid times")
    return EntryHeader(float(created), None if expires is None else float(expires))
