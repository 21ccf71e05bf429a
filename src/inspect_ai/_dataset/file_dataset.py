"""``file_dataset()``: a CSV, JSON or JSON lines dataset, chosen by the file's extension."""

import os
from collections.abc import Mapping
from typing import Any

from inspect_ai._dataset.csv_dataset import csv_dataset
from inspect_ai._dataset.dataset import Dataset
from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.json_dataset import json_dataset
from inspect_ai._dataset.source import file_extension


def file_dataset(
    file: str | os.PathLike[str],
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
) -> Dataset:
    """Read a dataset with ``csv_dataset()`` (``.csv`` files) or ``json_dataset()`` (others).

    The arguments are those of the two readers; ``dialect`` and ``fieldnames`` apply only
    to CSV files.
    """
    common: dict[str, Any] = dict(
        sample_fields=sample_fields,
        auto_id=auto_id,
        shuffle=shuffle,
        seed=seed,
        shuffle_choices=shuffle_choices,
        limit=limit,
        encoding=encoding,
        name=name,
        fs_options=fs_options,
    )
    if file_extension(os.fspath(file)) == ".csv":
        return csv_dataset(file, dialect=dialect, fieldnames=fieldnames, **common)
    return json_dataset(file, **common)
