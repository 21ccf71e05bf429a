"""``hf_dataset()``: a dataset read through the Hugging Face ``datasets`` package.

The package is imported only when ``hf_dataset()`` is called.
"""

import inspect
import os
from collections.abc import Callable, Iterator
from typing import Any

from inspect_ai._dataset.build import build_dataset
from inspect_ai._dataset.dataset import Dataset
from inspect_ai._dataset.errors import DatasetError, MissingPackageError
from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.records import Record, samples_from_records
from inspect_ai._dataset.source import file_stem


def hf_dataset(
    path: str,
    split: str,
    name: str | None = None,
    data_dir: str | None = None,
    revision: str | None = None,
    sample_fields: FieldSpec | RecordToSample | None = None,
    auto_id: bool = False,
    shuffle: bool = False,
    seed: int | None = None,
    shuffle_choices: bool | int | None = None,
    limit: int | None = None,
    trust: bool = False,
    cached: bool = True,
    **kwargs: Any,
) -> Dataset:
    """Read a dataset split with ``datasets.load_dataset()`` (from the Hub or local files).

    Args:
        path: Hub dataset path (``"openai_humaneval"``), builder name (``"json"``) or
            local directory.
        split: Split to read (``"train"``, ``"test"``, ``"validation[:100]"``, ...).
        name: Dataset configuration name.
        data_dir: ``data_dir`` of the dataset configuration.
        revision: Dataset revision (branch, tag or commit).
        sample_fields: A ``FieldSpec`` naming the fields, or a function turning a record
            into a ``Sample`` (or a list of samples). Defaults to ``FieldSpec()``.
        auto_id: Number the samples 1, 2, 3, ... even if they have ids.
        shuffle: Shuffle the samples after reading.
        seed: Seed for ``shuffle``.
        shuffle_choices: Shuffle each sample's choices (True, or an int seed).
        limit: Keep at most this many samples (after shuffling).
        trust: Allow the dataset's own loading code to run (``trust_remote_code``; passed
            only to versions of ``datasets`` that still accept it).
        cached: Use the ``datasets`` cache; False downloads the data again.
        **kwargs: Further arguments for ``datasets.load_dataset()``.

    Returns:
        The dataset, named after ``path``.

    Raises:
        ValueError: The ``datasets`` package is missing, or a record cannot be mapped.
    """
    load_dataset = _load_dataset_function()
    if trust and _accepts(load_dataset, "trust_remote_code"):
        kwargs["trust_remote_code"] = True
    if not cached:
        kwargs.setdefault("download_mode", "force_redownload")
    data = load_dataset(
        path, name=name, data_dir=data_dir, split=split, revision=revision, **kwargs
    )
    source = f"{path} (split {split})"
    samples = samples_from_records(_rows(data, source), sample_fields, source)
    return build_dataset(
        samples,
        name=_dataset_name(path),
        location=path,
        auto_id=auto_id,
        shuffle=shuffle,
        seed=seed,
        shuffle_choices=shuffle_choices,
        limit=limit,
    )


def _load_dataset_function() -> Callable[..., Any]:
    try:
        import datasets
    except ModuleNotFoundError as ex:
        if ex.name != "datasets":
            raise
        raise MissingPackageError(
            "hf_dataset() needs the 'datasets' package: pip install datasets"
        ) from None
    load: Callable[..., Any] = datasets.load_dataset
    return load


def _accepts(function: Callable[..., Any], parameter: str) -> bool:
    try:
        return parameter in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def _rows(data: Any, source: str) -> Iterator[Record]:
    if isinstance(data, dict):
        raise DatasetError(f"{source}: expected one split, got {', '.join(map(str, data))}")
    for row, record in enumerate(data, start=1):
        yield row, dict(record)


def _dataset_name(path: str) -> str:
    # a local directory or file is named like a dataset file; a hub path is its own name
    return file_stem(os.path.normpath(path)) if os.path.exists(path) else path
