"""Samples from the records of a dataset file, with relative file references resolved."""

from collections.abc import Iterable, Mapping
from typing import Any

from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.records import Record, samples_from_records
from inspect_ai._dataset.resolve_paths import PathResolver, resolve_sample_paths
from inspect_ai._dataset.sample import Sample
from inspect_ai._dataset.source import file_directory


def file_samples(
    records: Iterable[Record],
    sample_fields: FieldSpec | RecordToSample | None,
    location: str,
    fs_options: Mapping[str, Any],
) -> list[Sample]:
    """The samples of ``records`` read from ``location`` (see ``resolve_paths``)."""
    samples = samples_from_records(records, sample_fields, location)
    resolver = PathResolver(file_directory(location), fs_options)
    return [resolve_sample_paths(sample, resolver) for sample in samples]
