"""Our ZIP reader and writer: the three compression methods, appending, duplicate
names, ZIP64, interoperability with the standard library, and damaged archives."""

import io
import zipfile

import pytest

from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.zip_reader import DEFLATED, STORED, ZSTANDARD, FileSource, ZipArchive
from inspect_ai._log.zip_writer import ZipWriter


def archive_of(buffer: io.BytesIO) -> ZipArchive:
    return ZipArchive(FileSource(buffer), "test.eval")


@pytest.mark.parametrize("method", [STORED, DEFLATED, ZSTANDARD])
def test_members_read_back_for_each_compression(method: int) -> None:
    buffer = io.BytesIO()
    payload = b'{"value": "' + b"x" * 5000 + b'"}'
    with ZipWriter(buffer, compression=method) as writer:
        writer.add("a.json", payload)
        writer.add("empty.json", b"")
    archive = archive_of(buffer)
    assert archive.read("a.json") == payload
    assert archive.read("empty.json") == b""
    assert archive.members["a.json"].method == method


def test_standard_library_reads_what_we_write() -> None:
    buffer = io.BytesIO()
    with ZipWriter(buffer) as writer:
        writer.add("samples/1_epoch_1.json", b'{"id": 1}')
        writer.add("header.json", b"{}")
    with zipfile.ZipFile(buffer) as standard:
        assert standard.testzip() is None
        assert standard.read("samples/1_epoch_1.json") == b'{"id": 1}'


def test_we_read_what_the_standard_library_writes() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as standard:
        standard.writestr("a.json", b"deflated" * 100)
        standard.writestr("b.json", b"stored", compress_type=zipfile.ZIP_STORED)
    archive = archive_of(buffer)
    assert archive.read("a.json") == b"deflated" * 100
    assert archive.read("b.json") == b"stored"


def test_appending_keeps_existing_members_and_the_last_duplicate_wins() -> None:
    buffer = io.BytesIO()
    with ZipWriter(buffer) as writer:
        writer.add("one.json", b"1")
        writer.add("two.json", b"2")
    with ZipWriter(buffer, append=True) as writer:
        writer.add("three.json", b"3")
        writer.add("one.json", b"one again")
    archive = archive_of(buffer)
    assert archive.names() == ["two.json", "three.json", "one.json"]
    assert archive.read("one.json") == b"one again"
    assert archive.directory_count == 4
    with zipfile.ZipFile(buffer) as standard:
        assert standard.read("one.json") == b"one again"


def test_zip64_directories_with_more_than_65535_members() -> None:
    buffer = io.BytesIO()
    with ZipWriter(buffer, compression=STORED) as writer:
        for index in range(70_000):
            writer.add(f"m{index}", b"")
    with ZipWriter(buffer, append=True) as writer:
        writer.add("last", b"end")
    archive = archive_of(buffer)
    assert len(archive.names()) == 70_001
    assert archive.read("last") == b"end"
    with zipfile.ZipFile(buffer) as standard:
        assert len(standard.namelist()) == 70_001


def test_a_truncated_archive_is_a_clear_error() -> None:
    buffer = io.BytesIO()
    with ZipWriter(buffer) as writer:
        writer.add("a.json", b"x" * 10_000)
    truncated = io.BytesIO(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(LogFormatError, match="test.eval: not a readable eval log"):
        archive_of(truncated)


def test_not_a_zip_is_a_clear_error() -> None:
    with pytest.raises(LogFormatError, match="not a readable eval log"):
        archive_of(io.BytesIO(b"hello, this is text"))


def test_a_corrupted_member_fails_its_checksum() -> None:
    buffer = io.BytesIO()
    with ZipWriter(buffer, compression=STORED) as writer:
        writer.add("a.json", b"abcdefgh")
    data = bytearray(buffer.getvalue())
    position = data.index(b"abcdefgh")
    data[position] = ord("z")
    with pytest.raises(LogFormatError, match="checksum"):
        archive_of(io.BytesIO(bytes(data))).read("a.json")


def test_lookup_by_name_is_exact_before_the_directory_is_parsed() -> None:
    buffer = io.BytesIO()
    with ZipWriter(buffer) as writer:
        writer.add("header.json", b"first")
        writer.add("samples/11_epoch_1.json", b"eleven")
        writer.add("x/header.json", b"nested")
        writer.add("samples/1_epoch_1.json", b"one")
        writer.add("header.json", b"second")
        writer.add("z/header.json", b"other")
    archive = archive_of(buffer)
    assert archive.read("header.json") == b"second"
    assert archive.read("samples/1_epoch_1.json") == b"one"
    assert archive.read("samples/11_epoch_1.json") == b"eleven"
    assert "eader.json" not in archive
    assert "samples/2_epoch_1.json" not in archive
    # the same answers once the whole directory has been parsed
    assert archive.names() == [
        "samples/11_epoch_1.json", "x/header.json", "samples/1_epoch_1.json",
        "header.json", "z/header.json",
    ]  # fmt: skip
    assert archive.read("header.json") == b"second"
