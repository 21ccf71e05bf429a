"""The ``Dataset`` interface (a sequence of samples) and ``MemoryDataset``, its list-backed form."""

import abc
from collections.abc import Callable, Iterator, Sequence
from random import Random
from typing import Any, overload

from inspect_ai._dataset.choices import shuffle_sample_choices
from inspect_ai._dataset.sample import Sample


def sample_input_len(sample: Sample) -> int:
    """Length of a sample's input text (the default key of ``Dataset.sort``)."""
    if isinstance(sample.input, str):
        return len(sample.input)
    return sum(len(message.text) for message in sample.input)


class Dataset(Sequence[Sample], abc.ABC):
    """A sequence of samples with a name, a location, and in-place reordering."""

    @property
    @abc.abstractmethod
    def name(self) -> str | None:
        """Dataset name (by default the file stem or hub path it was read from)."""

    @property
    @abc.abstractmethod
    def location(self) -> str | None:
        """Where the dataset was read from (file path, URL or hub path)."""

    @property
    @abc.abstractmethod
    def shuffled(self) -> bool:
        """Whether the samples have been shuffled."""

    @overload
    def __getitem__(self, index: int) -> Sample: ...

    @overload
    def __getitem__(self, index: slice) -> "Dataset": ...

    @abc.abstractmethod
    def __getitem__(self, index: int | slice) -> "Sample | Dataset":
        """A sample by position, or a slice of the dataset as a new dataset."""

    @abc.abstractmethod
    def __len__(self) -> int:
        """Number of samples."""

    @abc.abstractmethod
    def shuffle(self, seed: int | None = None) -> None:
        """Shuffle the samples in place (``seed`` makes the order reproducible)."""

    @abc.abstractmethod
    def shuffle_choices(self, seed: int | None = None) -> None:
        """Shuffle each sample's choices, moving letter targets (``"C"``) with their choice."""

    @abc.abstractmethod
    def sort(self, key: Callable[[Sample], Any] = sample_input_len, reverse: bool = False) -> None:
        """Sort the samples in place (by default by input length)."""

    @abc.abstractmethod
    def filter(self, predicate: Callable[[Sample], bool], name: str | None = None) -> "Dataset":
        """A new dataset of the samples for which ``predicate`` is true."""


class MemoryDataset(Dataset):
    """A dataset held in memory as a list of samples.

    Args:
        samples: The samples (the list is copied; the samples are not).
        name: Dataset name.
        location: Where the samples came from.
        shuffled: Whether the samples are already shuffled.
    """

    def __init__(
        self,
        samples: list[Sample],
        name: str | None = None,
        location: str | None = None,
        shuffled: bool = False,
    ) -> None:
        self.samples: list[Sample] = list(samples)
        self._name = name
        self._location = location
        self._shuffled = shuffled

    @property
    def name(self) -> str | None:
        """Dataset name."""
        return self._name

    @property
    def location(self) -> str | None:
        """Where the dataset was read from."""
        return self._location

    @property
    def shuffled(self) -> bool:
        """Whether the samples have been shuffled."""
        return self._shuffled

    @overload
    def __getitem__(self, index: int) -> Sample: ...

    @overload
    def __getitem__(self, index: slice) -> Dataset: ...

    def __getitem__(self, index: int | slice) -> Sample | Dataset:
        if isinstance(index, slice):
            return self._derived(self.samples[index], self._name)
        return self.samples[index]

    def __len__(self) -> int:
        return len(self.samples)

    def __iter__(self) -> Iterator[Sample]:
        return iter(self.samples)

    def __repr__(self) -> str:
        return f"MemoryDataset(name={self._name!r}, samples={len(self.samples)})"

    def shuffle(self, seed: int | None = None) -> None:
        """Shuffle the samples in place (``seed`` makes the order reproducible)."""
        Random(seed).shuffle(self.samples)
        self._shuffled = True

    def shuffle_choices(self, seed: int | None = None) -> None:
        """Shuffle each sample's choices, moving letter targets (``"C"``) with their choice.

        Samples are replaced by shuffled copies, so other datasets sharing them are unchanged.
        """
        random = Random(seed)
        self.samples = [shuffle_sample_choices(sample, random) for sample in self.samples]

    def sort(self, key: Callable[[Sample], Any] = sample_input_len, reverse: bool = False) -> None:
        """Sort the samples in place (by default by input length)."""
        self.samples.sort(key=key, reverse=reverse)

    def filter(self, predicate: Callable[[Sample], bool], name: str | None = None) -> Dataset:
        """A new dataset of the samples for which ``predicate`` is true."""
        kept = [sample for sample in self.samples if predicate(sample)]
        return self._derived(kept, name or self._name)

    def _derived(self, samples: list[Sample], name: str | None) -> "MemoryDataset":
        return MemoryDataset(samples, name=name, location=self._location, shuffled=self._shuffled)
