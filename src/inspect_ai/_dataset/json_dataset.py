"""``json_dataset()``: a dataset read from a JSON or JSON lines file (local path or URL)."""

import os
from collections.abc import Mapping
from typing import Any

from inspect_ai._dataset.build import build_dataset
from inspect_ai._dataset.dataset import Dataset
from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.file_samples import file_samples
from inspect_ai._dataset.json_records import json_array_records, jsonl_records
from inspect_ai._dataset.source import file_extension, file_stem, read_text

JSON_LINES_EXTENSIONS = (".jsonl", ".ndjson")
"""Extensions of files read as JSON lines; other files must hold a JSON array."""


def json_dataset(
    json_file: str | os.PathLike[str],
    sample_fields: FieldSpec | RecordToSample | None = None,
    auto_id: bool = False,
    shuffle: bool = False,
    seed: int | None = None,
    shuffle_choices: bool | int | None = None,
    limit: int | None = None,
    encoding: str = "utf-8",
    name: str | None = None,
    fs_options: Mapping[str, Any] = {},
) -> Dataset:
    """Read a dataset from a JSON file (a top-level array of objects) or a ``.jsonl`` file.

    ``input`` may be a string or a list of chat messages (``{"role": ..., "content": ...}``).
    Relative media and ``files`` references are resolved against the file's directory (see
    ``inspect_ai._dataset.resolve_paths``).

    Args:
        json_file: Path or URL (``s3://``, ``memory://``, ...) of the file. Files ending in
            ``.jsonl`` (or ``.ndjson``) are read as JSON lines.
        sample_fields: A ``FieldSpec`` naming the fields, or a function turning a record
            into a ``Sample`` (or a list of samples). Defaults to ``FieldSpec()``.
        auto_id: Number the samples 1, 2, 3, ... even if they have ids (samples without an
            id are always numbered by position).
        shuffle: Shuffle the samples after reading.
        seed: Seed for ``shuffle``.
        shuffle_choices: Shuffle each sample's choices (True, or an int seed), moving letter
            targets with their choice.
        limit: Keep at most this many samples (after shuffling).
        encoding: Text encoding of the file.
        name: Dataset name (defaults to the file name without extension).
        fs_options: Options for the fsspec filesystem of a URL.

    Returns:
        The dataset; its ``location`` is ``json_file`` as given.

    Raises:
        ValueError: A line, row or the file cannot be read (the message names which).
    """
    location = os.fspath(json_file)
    text = read_text(location, encoding, fs_options)
    if file_extension(location) in JSON_LINES_EXTENSIONS:
        records = jsonl_records(text, location)
    else:
        records = json_array_records(text, location)
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
