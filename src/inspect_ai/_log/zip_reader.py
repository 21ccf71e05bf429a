"""Read members of a ZIP archive by name, stored, deflated or Zstandard-compressed.

A small reader of our own: it parses the central directory with ``struct`` (no
``zipfile`` import, no per-entry objects), reads only the byte ranges it needs (so a
header-only read of a remote log fetches the tail and one member), and decompresses
the three methods eval logs use: stored (0), deflate (8) and Zstandard (93).
When a name appears twice, the later entry wins.

Each read costs a round trip on remote storage, so the reader asks for few, exact ranges:
the tail of the archive (which holds the whole of a small log), the central directory
together with up to ``_LEADING`` bytes before it (where the header, reductions and
summaries are written last), and each member with its local header in one piece. Bytes
already fetched are kept and reused, and sequential reads read ahead (``range_cache.py``).
"""

import struct
import zlib
from dataclasses import dataclass
from typing import IO, Any

from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.range_cache import RangeCache, RangeSource

STORED = 0
DEFLATED = 8
ZSTANDARD = 93

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_CENTRAL_HEADER = struct.Struct("<4s4H2HI2I5H2I")
_LOCAL_HEADER = struct.Struct("<4s5H3I2H")
_TAIL = 65536 + 22
_LEADING = 65536
"""Bytes before the central directory fetched with it (the last members written)."""
_NAME_SLACK = 64
"""Room for a local header's extra field when a member is fetched with its header."""
_SEARCHES = 8


class FileSource:
    """Random access to a seekable binary file object."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._file.seek(0, 2)
        self._size = self._file.tell()

    def size(self) -> int:
        return self._size

    def read(self, offset: int, length: int) -> bytes:
        self._file.seek(offset)
        return self._file.read(length)


@dataclass(frozen=True)
class ZipMember:
    """Where a member lives in the archive and how it is compressed."""

    name: str
    method: int
    crc: int
    compressed_size: int
    size: int
    offset: int


class ZipArchive:
    """The members of a ZIP archive, readable by name."""

    def __init__(self, source: RangeSource, location: str = "", readahead: bool = False) -> None:
        """Read the central directory of the archive in ``source``.

        Args:
            source: The archive's bytes.
            location: Where the archive is (for error messages).
            readahead: Read ahead once reads turn sequential (for remote storage, where
                each read is a round trip).
        """
        self._source = RangeCache(source, readahead)
        self._location = location
        directory, count, offset = _read_directory(self._source, location)
        self.directory = directory
        """The raw central directory."""
        self.directory_count = count
        """Number of central directory entries (duplicates included)."""
        self.directory_offset = offset
        """Where the central directory starts (new members are appended here)."""
        self._members: dict[str, ZipMember] | None = None
        self._searches = 0

    @property
    def members(self) -> dict[str, ZipMember]:
        """Every member by name (the directory is parsed on first use)."""
        if self._members is None:
            self._members = _parse_directory(self.directory, self.directory_count, self._location)
        return self._members

    def __contains__(self, name: str) -> bool:
        return self.find(name) is not None

    def names(self) -> list[str]:
        """Member names, in archive order (each name once)."""
        return list(self.members)

    def find(self, name: str) -> ZipMember | None:
        """The member called ``name`` (the last one, if the name appears twice).

        The first few lookups search the directory backwards for the name, so reading the
        header or one sample of a log with thousands of samples does not parse thousands
        of entries; after that the directory is parsed once and indexed.
        """
        if self._members is not None or self._searches >= _SEARCHES or not name.isascii():
            return self.members.get(name)
        self._searches += 1
        return _search_directory(self.directory, name.encode("ascii"))

    def read(self, name: str) -> bytes:
        """The decompressed bytes of member ``name``."""
        member, data = self.read_compressed(name)
        return self.decompress(member, data)

    def read_compressed(self, name: str) -> tuple[ZipMember, bytes]:
        """Member ``name`` and its bytes as stored (still compressed)."""
        member = self.find(name)
        if member is None:
            raise KeyError(name)
        return member, self._stored(member)

    def _stored(self, member: ZipMember) -> bytes:
        """The bytes of ``member`` as stored, fetched with its local header in one read."""
        guess = _LOCAL_HEADER.size + len(member.name.encode()) + _NAME_SLACK
        chunk = self._source.read(member.offset, guess + member.compressed_size)
        if len(chunk) < _LOCAL_HEADER.size or chunk[:4] != _LOCAL:
            raise self._corrupt(f"bad local header for {member.name}")
        fields = _LOCAL_HEADER.unpack_from(chunk)
        start = _LOCAL_HEADER.size + fields[9] + fields[10]
        data = chunk[start : start + member.compressed_size]
        if len(data) < member.compressed_size and start > guess:
            data = self._source.read(member.offset + start, member.compressed_size)
        if len(data) < member.compressed_size:
            raise self._corrupt(f"member {member.name} is truncated")
        return data

    def decompress(self, member: ZipMember, data: bytes) -> bytes:
        """The content of ``member`` from its stored bytes, checked against its checksum."""
        content = _decompress(data, member, self._location)
        name = member.name
        if zlib.crc32(content) != member.crc:
            raise self._corrupt(f"member {name} fails its checksum")
        return content

    def _corrupt(self, detail: str) -> LogFormatError:
        return LogFormatError(f"{self._location}: corrupt eval log ({detail})")


def _decompress(data: bytes, member: ZipMember, location: str) -> bytes:
    try:
        if member.method == STORED:
            return data
        if member.method == DEFLATED:
            return zlib.decompress(data, -15)
        if member.method == ZSTANDARD:
            import zstandard

            return bytes(zstandard.ZstdDecompressor().decompressobj().decompress(data))
    except Exception as ex:
        raise LogFormatError(
            f"{location}: corrupt eval log (cannot decompress {member.name}: {ex})"
        ) from ex
    raise LogFormatError(
        f"{location}: unsupported compression method {member.method} for {member.name}"
    )


def _read_directory(source: RangeCache, location: str) -> tuple[bytes, int, int]:
    size = source.size()
    tail_start = max(0, size - _TAIL)
    tail = source.read(tail_start, size - tail_start)
    source.pin(tail_start, tail)
    position = tail.rfind(_EOCD)
    if position < 0 or len(tail) - position < 22:
        raise LogFormatError(
            f"{location}: not a readable eval log (no zip directory: truncated or not a zip file)"
        )
    (_, _, _, _, count, cd_size, cd_offset, _) = struct.unpack_from("<4s4H2IH", tail, position)
    if cd_offset == 0xFFFFFFFF or count == 0xFFFF:
        count, cd_size, cd_offset = _zip64_directory(source, tail, tail_start, position, location)
    if cd_offset + cd_size > size:
        raise LogFormatError(f"{location}: not a readable eval log (truncated zip file)")
    if cd_offset < tail_start:
        _fetch_before_tail(source, tail, tail_start, cd_offset)
    return source.read(cd_offset, cd_size), count, cd_offset


def _fetch_before_tail(source: RangeCache, tail: bytes, tail_start: int, cd_offset: int) -> None:
    """Fetch the directory's start and the members before it, joined to the tail."""
    start = max(0, cd_offset - _LEADING)
    source.pin(start, source.read(start, tail_start - start) + tail)


def _zip64_directory(
    source: RangeCache, tail: bytes, tail_start: int, position: int, location: str
) -> tuple[int, int, int]:
    locator = position - 20
    if locator < 0 or tail[locator : locator + 4] != _EOCD64_LOCATOR:
        raise LogFormatError(f"{location}: corrupt eval log (missing zip64 locator)")
    (eocd64_offset,) = struct.unpack_from("<Q", tail, locator + 8)
    record = source.read(eocd64_offset, 56)
    if record[:4] != _EOCD64:
        raise LogFormatError(f"{location}: corrupt eval log (bad zip64 directory)")
    count, cd_size, cd_offset = struct.unpack_from("<QQQ", record, 32)
    return count, cd_size, cd_offset


def _search_directory(directory: bytes, name: bytes) -> ZipMember | None:
    end = len(directory)
    while True:
        position = directory.rfind(name, 0, end)
        if position < 0:
            return None
        start = position - _CENTRAL_HEADER.size
        if start >= 0 and directory[start : start + 4] == _CENTRAL:
            fields = _CENTRAL_HEADER.unpack_from(directory, start)
            if fields[10] == len(name):
                return _member(directory, start, fields, name.decode("ascii"))
        end = position + len(name) - 1


def _member(directory: bytes, start: int, fields: tuple[Any, ...], name: str) -> ZipMember:
    method, crc, compressed_size, size, offset = (
        fields[4],
        fields[7],
        fields[8],
        fields[9],
        fields[16],
    )
    if 0xFFFFFFFF in (compressed_size, size, offset):
        extra_start = start + _CENTRAL_HEADER.size + fields[10]
        extra = directory[extra_start : extra_start + fields[11]]
        size, compressed_size, offset = _zip64_sizes(extra, size, compressed_size, offset)
    return ZipMember(name, method, crc, compressed_size, size, offset)


def _parse_directory(directory: bytes, count: int, location: str) -> dict[str, ZipMember]:
    members: dict[str, ZipMember] = {}
    position = 0
    for _ in range(count):
        if directory[position : position + 4] != _CENTRAL:
            raise LogFormatError(f"{location}: corrupt eval log (bad zip directory entry)")
        fields = _CENTRAL_HEADER.unpack_from(directory, position)
        flags = fields[3]
        name_length, extra_length, comment_length = fields[10], fields[11], fields[12]
        start = position + _CENTRAL_HEADER.size
        raw_name = directory[start : start + name_length]
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437")
        members.pop(name, None)
        members[name] = _member(directory, position, fields, name)
        position = start + name_length + extra_length + comment_length
    return members


def _zip64_sizes(
    extra: bytes, size: int, compressed_size: int, offset: int
) -> tuple[int, int, int]:
    position = 0
    while position + 4 <= len(extra):
        tag, length = struct.unpack_from("<HH", extra, position)
        if tag == 1:
            values = list(struct.unpack_from(f"<{length // 8}Q", extra, position + 4))
            if size == 0xFFFFFFFF:
                size = values.pop(0)
            if compressed_size == 0xFFFFFFFF:
                compressed_size = values.pop(0)
            if offset == 0xFFFFFFFF:
                offset = values.pop(0)
            break
        position += 4 + length
    return size, compressed_size, offset
