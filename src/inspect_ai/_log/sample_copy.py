"""Completed samples of an earlier log, read to be written unchanged into a new log.

``eval_retry`` reuses the samples a failed or interrupted eval completed. From a
``.eval`` log of the current format version each sample member is copied as stored
(still compressed), so reusing thousands of samples costs little more than reading
them; from other logs samples are validated and serialized again.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic_core import from_json

from inspect_ai._log.eval_read import EvalFileReader, sample_member_name
from inspect_ai._log.format import detect_format
from inspect_ai._log.model.log import LOG_FORMAT_VERSION
from inspect_ai._log.read import read_eval_log_samples
from inspect_ai._log.serialize import sample_jsonable
from inspect_ai._log.stream_order import expected_samples

SampleKey = tuple[int | str, int]
"""A sample id and epoch."""


@dataclass(frozen=True)
class StoredMember:
    """A ``.eval`` sample member as stored: compressed bytes and how to read them."""

    data: bytes
    method: int
    crc: int
    size: int


@dataclass(frozen=True)
class SampleCopy:
    """A completed sample of an earlier log."""

    data: dict[str, Any]
    """The sample as JSON data (as a log holds it)."""

    stored: StoredMember | None = None
    """Its ``.eval`` member as stored, when it can be copied byte for byte."""

    @property
    def key(self) -> SampleKey:
        """The sample's id and epoch."""
        return self.data["id"], self.data["epoch"]


def read_sample_copies(
    location: str,
    wanted: Callable[[int | str, int], bool],
    fs_options: dict[str, Any] | None = None,
) -> Iterator[SampleCopy]:
    """The samples of the log at ``location`` that completed without error and are wanted.

    Args:
        location: The earlier log.
        wanted: Whether a sample (id, epoch) is wanted.
        fs_options: Options for the filesystem (e.g. S3 credentials).
    """
    if detect_format(location, "auto", fs_options) == "eval":
        yield from _eval_copies(location, wanted, fs_options)
        return
    for sample in read_eval_log_samples(location, all_samples_required=False):
        if sample.error is None and wanted(sample.id, sample.epoch):
            yield SampleCopy(sample_jsonable(sample))


def _eval_copies(
    location: str, wanted: Callable[[int | str, int], bool], fs_options: dict[str, Any] | None
) -> Iterator[SampleCopy]:
    with EvalFileReader(location, fs_options) as reader:
        header = reader.header()
        if header.version != LOG_FORMAT_VERSION:
            for sample in reader.samples():
                if sample.error is None and wanted(sample.id, sample.epoch):
                    yield SampleCopy(sample_jsonable(sample))
            return
        expected = expected_samples(header)
        if expected:
            names = [
                sample_member_name(id, epoch)
                for id, epoch in expected
                if wanted(id, epoch) and reader.has_sample(id, epoch)
            ]
        else:
            names = reader.sample_members()
        for name in names:
            member, stored = reader.stored_member(name)
            data = from_json(reader.unpack_member(member, stored))
            if data.get("error") is None and wanted(data["id"], data["epoch"]):
                yield SampleCopy(data, StoredMember(stored, member.method, member.crc, member.size))
