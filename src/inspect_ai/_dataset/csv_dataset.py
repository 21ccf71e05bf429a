"""``csv_dataset()``: a dataset read from a CSV file (local path or fsspec URL)."""

import os
from collections.abc import Mapping
from typing import Any

from inspect_ai._dataset.build import build_dataset
from inspect_ai._dataset.csv_records import csv_records
from inspect_ai._dataset.dataset import Dataset
from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.file_samples import file_samples
from inspect_ai._dataset.source import file_stem, read_text


def csv_dataset(
    csv_file: str | os.PathLike[str],
    sample_fields: FieldSpec | RecordToSample | None = None,
    auto_id: bool = False,
    shuffle: bool = False,
    seed: int | None = None,
    shuffle_choices: bool | int | None = None,
    limit: int | None = None,
    dialect: str = "unix",
    encoding: str = "utf-8",
    name: str | None = None,
    fs_options: Mapping[str, Any] = {},
    fieldnames: list[str] | None = None,
    delimiter: str = ",",
) -> Dataset:
    """Read a dataset from a CSV file.

    The first row names the fields (unless ``fieldnames`` is given). Every value is text;
    ``metadata``, ``choices``, ``files`` and ``sandbox`` columns may hold JSON text. Relative
    media and ``files`` references are resolved against the file's directory (see
    ``inspect_ai._dataset.resolve_paths``).

    Args:
        csv_file: Path or URL (``s3://``, ``memory://``, ...) of the file.
        sample_fields: A ``FieldSpec`` naming the columns, or a function turning a record
            into a ``Sample`` (or a list of samples). Defaults to ``FieldSpec()``.
        auto_id: Number the samples 1, 2, 3, ... even if they have ids (samples without an
            id are always numbered by position).
        shuffle: Shuffle the samples after reading.
        seed: Seed for ``shuffle``.
        shuffle_choices: Shuffle each sample's choices (True, or an int seed), moving letter
            targets with their choice.
        limit: Keep at most this many samples (after shuffling).
        dialect: ``csv`` module dialect.
        encoding: Text encoding of the file.
        name: Dataset name (defaults to the file name without extension).
        fs_options: Options for the fsspec filesystem of a URL.
        fieldnames: Field names to use instead of a header row.
        delimiter: Field delimiter.

    Returns:
        The dataset; its ``location`` is ``csv_file`` as given.

    Raises:
        ValueError: A row or the file cannot be read (the message names the file and row).
    """
    location = os.fspath(csv_file)
    text = read_text(location, encoding, fs_options)
    records = csv_records(text, location, dialect, fieldnames, delimiter)
    samples = file_samples(records, sample_fields, location, fs_options)
    return build_dataset(
        samples,
        name=name or file_stem(location),
        location=location,
        auto_id=auto_id,
        shuffle=shuffle,
        seed=seed,
        shuffle_choices=shuffle_choices,
        limit=limit,
    )
