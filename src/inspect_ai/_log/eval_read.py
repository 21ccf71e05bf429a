"""Reading ``.eval`` logs: a ZIP of JSON members (header, samples, summaries, reductions)."""

from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any

from inspect_ai._log import filesystem
from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.gc_pause import gc_paused
from inspect_ai._log.model.log import EvalLog, EvalLogHeaderFields, log_from_parts
from inspect_ai._log.model.results import EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.summary import EvalSampleSummary
from inspect_ai._log.stream_order import expected_samples, require_complete
from inspect_ai._log.validate import (
    check_version,
    parse_sample,
    peek_version,
    sample_sort_key,
    validate_header_json,
    validate_json_list,
)
from inspect_ai._log.zip_reader import FileSource, ZipArchive, ZipMember

HEADER = "header.json"
START = "_journal/start.json"
SUMMARIES = "summaries.json"
REDUCTIONS = "reductions.json"
SAMPLES_DIR = "samples/"
JOURNAL_SUMMARIES_DIR = "_journal/summaries/"


def sample_member_name(id: int | str, epoch: int) -> str:
    """The member holding sample ``id`` at ``epoch``."""
    return f"{SAMPLES_DIR}{id}_epoch_{epoch}.json"


class EvalFileReader:
    """An open ``.eval`` log whose members can be read one at a time."""

    def __init__(self, location: str, fs_options: dict[str, Any] | None = None) -> None:
        self.location = location
        self._file: IO[bytes] = filesystem.open_binary(location, fs_options)
        try:
            remote = not filesystem.is_local(location)
            self._archive = ZipArchive(FileSource(self._file), location, readahead=remote)
        except BaseException:
            self._file.close()
            raise

    def close(self) -> None:
        """Close the underlying file."""
        self._file.close()

    def __enter__(self) -> "EvalFileReader":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def check_version(self) -> None:
        """Refuse a log of a newer format version (reading just the version of its header)."""
        name = HEADER if HEADER in self._archive else START
        version = peek_version(self._read(name)) if name in self._archive else None
        if version is None:
            self.header()
        else:
            check_version(version, self.location)

    def header(self) -> EvalLogHeaderFields:
        """The log header (built from the start journal while the eval is running)."""
        if HEADER in self._archive:
            header = validate_header_json(
                EvalLogHeaderFields, self._read(HEADER), self.location, HEADER
            )
        elif START in self._archive:
            header = validate_header_json(
                EvalLogHeaderFields, self._read(START), self.location, START
            )
            header.status = "started"
        else:
            raise LogFormatError(
                f"{self.location}: not a readable eval log (it has neither {HEADER} nor {START})"
            )
        return header

    def reductions(self) -> list[EvalSampleReductions] | None:
        """Per-sample scores reduced across epochs (if the log has them)."""
        if REDUCTIONS not in self._archive:
            return None
        return validate_json_list(
            EvalSampleReductions, self._read(REDUCTIONS), self.location, REDUCTIONS
        )

    def sample_members(self) -> list[str]:
        """Names of the sample members, in archive order."""
        return [name for name in self._archive.names() if name.startswith(SAMPLES_DIR)]

    def has_sample(self, id: int | str, epoch: int) -> bool:
        """Whether the log holds sample ``id`` at ``epoch``."""
        return sample_member_name(id, epoch) in self._archive

    def sample(self, id: int | str, epoch: int, resolve_attachments: bool = False) -> EvalSample:
        """Sample ``id`` at ``epoch``; ``IndexError`` if the log does not hold it."""
        name = sample_member_name(id, epoch)
        if name not in self._archive:
            raise IndexError(f"Sample id {id!r} (epoch {epoch}) is not in {self.location}")
        return self.sample_member(name, resolve_attachments)

    def sample_member(self, name: str, resolve_attachments: bool = False) -> EvalSample:
        """The sample held by member ``name``."""
        return parse_sample(self._read(name), self.location, name, resolve_attachments)

    def stored_member(self, name: str) -> tuple[ZipMember, bytes]:
        """Member ``name`` as stored (still compressed), for copying into another log."""
        return self._archive.read_compressed(name)

    def unpack_member(self, member: ZipMember, stored: bytes) -> bytes:
        """The content of a member from its stored bytes."""
        return self._archive.decompress(member, stored)

    def samples(self, resolve_attachments: bool = False) -> list[EvalSample]:
        """Every sample, ordered by epoch and then id."""
        samples = [self.sample_member(name, resolve_attachments) for name in self.sample_members()]
        samples.sort(key=sample_sort_key)
        return samples

    def summaries(self) -> list[EvalSampleSummary]:
        """Sample summaries (from the final summaries, or the journal while running)."""
        if SUMMARIES in self._archive:
            names = [SUMMARIES]
        else:
            names = sorted(
                (n for n in self._archive.names() if n.startswith(JOURNAL_SUMMARIES_DIR)),
                key=_journal_index,
            )
        by_key: dict[tuple[str, int], EvalSampleSummary] = {}
        for name in names:
            batch = validate_json_list(EvalSampleSummary, self._read(name), self.location, name)
            for summary in batch:
                by_key[(str(summary.id), summary.epoch)] = summary
        if not names:
            return [sample.summary() for sample in self.samples()]
        return list(by_key.values())

    def _read(self, name: str) -> bytes:
        return self._archive.read(name)


def read_eval_file(
    location: str,
    header_only: bool = False,
    resolve_attachments: bool = False,
    fs_options: dict[str, Any] | None = None,
) -> EvalLog:
    """Read a ``.eval`` log (its header only, or in full)."""
    with EvalFileReader(location, fs_options) as reader, gc_paused():
        header = reader.header()
        reductions = reader.reductions()
        samples = None if header_only else reader.samples(resolve_attachments)
        return log_from_parts(header, samples, reductions, location)


def iter_eval_file_samples(
    location: str,
    all_samples_required: bool = True,
    resolve_attachments: bool = False,
    fs_options: dict[str, Any] | None = None,
) -> Iterator[EvalSample]:
    """Yield the samples of a ``.eval`` log one at a time, in dataset order by epoch."""
    with EvalFileReader(location, fs_options) as reader:
        header = reader.header()
        require_complete(header, location, all_samples_required)
        for id, epoch in expected_samples(header):
            if reader.has_sample(id, epoch):
                yield reader.sample(id, epoch, resolve_attachments)
            elif all_samples_required:
                raise IndexError(f"Sample id {id!r} (epoch {epoch}) is not in {location}")
        if header.eval.dataset.sample_ids is None:
            for name in reader.sample_members():
                yield reader.sample_member(name, resolve_attachments)


def _journal_index(name: str) -> int:
    stem = name[len(JOURNAL_SUMMARIES_DIR) :].removesuffix(".json")
    return int(stem) if stem.isdigit() else 0
