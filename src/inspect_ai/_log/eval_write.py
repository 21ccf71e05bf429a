"""Writing ``.eval`` logs: members added to a ZIP archive, deflate-compressed."""

import time
import zipfile
from typing import IO, Any

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
from inspect_ai._log.model.summary import EvalSampleSummary
from inspect_ai._log.serialize import (
    header_json,
    reductions_json,
    sample_json,
    start_json,
    summaries_json,
)


def write_eval_file(log: EvalLog, location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Write ``log`` as a ``.eval`` archive at ``location`` (atomically)."""

    def write(file: IO[bytes]) -> None:
        with open_zip(file, append=False) as archive:
            add_member(archive, START, start_json(log))
            summaries = add_samples(archive, log.samples or [], 1)
            write_finish(archive, log, summaries)

    filesystem.write_atomic(location, write, fs_options)


def open_zip(file: IO[bytes], append: bool) -> zipfile.ZipFile:
    """A ZIP archive over ``file``, new or appended to."""
    return zipfile.ZipFile(file, mode="a" if append else "w", compression=zipfile.ZIP_DEFLATED)


def add_member(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add member ``name`` holding ``data``."""
    info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def add_samples(
    archive: zipfile.ZipFile, samples: list[EvalSample], batch: int
) -> list[EvalSampleSummary]:
    """Add sample members and, if there were any, journal summaries number ``batch``."""
    summaries = []
    for sample in samples:
        add_member(archive, sample_member_name(sample.id, sample.epoch), sample_json(sample))
        summaries.append(sample.summary())
    if summaries:
        add_member(archive, f"{JOURNAL_SUMMARIES_DIR}{batch}.json", summaries_json(summaries))
    return summaries


def write_finish(
    archive: zipfile.ZipFile, log: EvalLog, summaries: list[EvalSampleSummary]
) -> None:
    """Add the members written when an eval ends: summaries, reductions and header."""
    add_member(archive, SUMMARIES, summaries_json(unique_summaries(summaries)))
    if log.reductions:
        add_member(archive, REDUCTIONS, reductions_json(log.reductions))
    add_member(archive, HEADER, header_json(log))


def unique_summaries(summaries: list[EvalSampleSummary]) -> list[EvalSampleSummary]:
    """Summaries with one entry per sample id and epoch (the last one wins)."""
    by_key = {(str(summary.id), summary.epoch): summary for summary in summaries}
    return list(by_key.values())
