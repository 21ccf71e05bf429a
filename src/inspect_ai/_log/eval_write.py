"""Writing ``.eval`` logs: JSON members in a ZIP archive, deflate-compressed."""

import zlib
from dataclasses import dataclass
from typing import IO, Any

from inspect_ai._json.encode import data_to_json
from inspect_ai._log import filesystem
from inspect_ai._log.eval_read import (
    HEADER,
    JOURNAL_SUMMARIES_DIR,
    REDUCTIONS,
    START,
    SUMMARIES,
    sample_member_name,
)
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.summary import summary_data
from inspect_ai._log.sample_copy import SampleCopy, StoredMember
from inspect_ai._log.serialize import (
    header_json,
    reductions_json,
    sample_jsonable,
    start_json,
    summaries_json,
)
from inspect_ai._log.zip_reader import DEFLATED
from inspect_ai._log.zip_writer import ZipWriter, deflate

Summary = dict[str, Any]
"""A sample summary as plain JSON data."""


def write_eval_file(log: EvalLog, location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Write ``log`` as a ``.eval`` archive at ``location`` (atomically)."""

    def write(file: IO[bytes]) -> None:
        with ZipWriter(file) as archive:
            archive.add(START, start_json(log))
            summaries = add_samples(archive, log.samples or [], 1)
            add_finish(archive, log, summaries)

    filesystem.write_atomic(location, write, fs_options)


@dataclass(frozen=True)
class SampleMember:
    """A sample ready to be added to an archive: its member name, summary and member bytes
    as stored (already compressed)."""

    name: str
    summary: Summary
    stored: StoredMember


def copied_member(copy: SampleCopy) -> SampleMember:
    """A sample copied from another log, as its member (stored bytes kept if it has them)."""
    id, epoch = copy.key
    stored = copy.stored or compressed_member(data_to_json(copy.data))
    return SampleMember(sample_member_name(id, epoch), summary_data(copy.data), stored)


def sample_member(sample: EvalSample) -> SampleMember:
    """Serialize and compress ``sample`` (long content condensed into attachments).

    The recorder calls this as each sample completes, on the event loop: compressing
    there costs about as much as anywhere, whereas a writer thread compressing member by
    member while the loop is busy waits for the GIL at every member, and would hold every
    sample uncompressed until it caught up.
    """
    data = sample_jsonable(sample)
    name = sample_member_name(sample.id, sample.epoch)
    return SampleMember(name, summary_data(data), compressed_member(data_to_json(data)))


def compressed_member(data: bytes) -> StoredMember:
    """``data`` as a deflated member stores it."""
    return StoredMember(deflate(data), DEFLATED, zlib.crc32(data), len(data))


def add_samples(archive: ZipWriter, samples: list[EvalSample], batch: int) -> list[Summary]:
    """Add sample members and, if there were any, journal summaries number ``batch``."""
    return add_sample_members(archive, [sample_member(sample) for sample in samples], batch)


def add_sample_members(
    archive: ZipWriter, members: list[SampleMember], batch: int
) -> list[Summary]:
    """Add serialized samples and, if there were any, journal summaries number ``batch``."""
    for member in members:
        stored = member.stored
        archive.add_compressed(member.name, stored.data, stored.method, stored.crc, stored.size)
    summaries = [member.summary for member in members]
    if summaries:
        archive.add(f"{JOURNAL_SUMMARIES_DIR}{batch}.json", summaries_json(summaries))
    return summaries


def add_finish(archive: ZipWriter, log: EvalLog, summaries: list[Summary]) -> None:
    """Add the members written when an eval ends: summaries, reductions and header."""
    archive.add(SUMMARIES, summaries_json(unique_summaries(summaries)))
    if log.reductions:
        archive.add(REDUCTIONS, reductions_json(log.reductions))
    archive.add(HEADER, header_json(log))


def unique_summaries(summaries: list[Summary]) -> list[Summary]:
    """Summaries with one entry per sample id and epoch (the last one wins)."""
    by_key = {(str(summary["id"]), summary["epoch"]): summary for summary in summaries}
    return list(by_key.values())
