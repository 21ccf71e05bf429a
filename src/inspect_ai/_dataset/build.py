"""The steps every reader takes after reading: ids, shuffling, choice shuffling and limit."""

from inspect_ai._dataset.dataset import MemoryDataset
from inspect_ai._dataset.errors import DatasetError
from inspect_ai._dataset.sample import Sample


def build_dataset(
    samples: list[Sample],
    name: str | None,
    location: str | None,
    auto_id: bool = False,
    shuffle: bool = False,
    seed: int | None = None,
    shuffle_choices: bool | int | None = None,
    limit: int | None = None,
) -> MemoryDataset:
    """A dataset of ``samples`` with ids assigned, then shuffled and limited as asked.

    Ids are positions (1, 2, 3, ...) in reading order: given to samples without an id, or
    to every sample with ``auto_id``. ``shuffle_choices`` is True (random) or a seed.
    """
    assign_ids(samples, auto_id)
    check_unique_ids(samples, location)
    dataset = MemoryDataset(samples, name=name, location=location)
    if shuffle:
        dataset.shuffle(seed)
    if shuffle_choices is not None and shuffle_choices is not False:
        dataset.shuffle_choices(None if shuffle_choices is True else shuffle_choices)
    if limit is not None:
        if limit < 0:
            raise ValueError(f"limit must not be negative (got {limit})")
        dataset.samples = dataset.samples[:limit]
    return dataset


def assign_ids(samples: list[Sample], auto_id: bool) -> None:
    """Give samples their position (from 1) as id: all of them, or those without one."""
    for position, sample in enumerate(samples, start=1):
        if auto_id or sample.id is None:
            sample.id = position


def check_unique_ids(samples: list[Sample], location: str | None) -> None:
    """Raise ``DatasetError`` naming the first id shared by two samples."""
    seen: set[int | str] = set()
    for sample in samples:
        assert sample.id is not None
        if sample.id in seen:
            where = f"{location}: " if location else ""
            raise DatasetError(f"{where}duplicate sample id {sample.id!r}")
        seen.add(sample.id)
