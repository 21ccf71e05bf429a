"""MemoryDataset: indexing, slicing, filtering, sorting and shuffling (samples and choices)."""

import pytest

from inspect_ai.dataset import Dataset, MemoryDataset, Sample


def numbered(count: int) -> MemoryDataset:
    samples = [Sample(input="x" * n, target=str(n), id=n) for n in range(1, count + 1)]
    return MemoryDataset(samples, name="numbers", location="numbers.jsonl")


def ids(dataset: Dataset) -> list[int | str | None]:
    return [sample.id for sample in dataset]


def test_constructor_and_properties() -> None:
    dataset = MemoryDataset([Sample(input="a")], name="n", location="loc", shuffled=True)
    assert isinstance(dataset, Dataset)
    assert (dataset.name, dataset.location, dataset.shuffled, len(dataset)) == (
        "n",
        "loc",
        True,
        1,
    )
    assert MemoryDataset([]).name is None and not MemoryDataset([]).shuffled


def test_index_and_slice() -> None:
    dataset = numbered(5)
    assert dataset[0].id == 1 and dataset[-1].id == 5
    part = dataset[1:3]
    assert isinstance(part, MemoryDataset)
    assert ids(part) == [2, 3]
    assert (part.name, part.location) == ("numbers", "numbers.jsonl")
    with pytest.raises(IndexError):
        dataset[5]


def test_filter_returns_new_dataset() -> None:
    dataset = numbered(6)
    even = dataset.filter(lambda sample: int(str(sample.target)) % 2 == 0)
    assert ids(even) == [2, 4, 6] and even.name == "numbers"
    assert len(dataset) == 6
    assert dataset.filter(lambda sample: True, name="all").name == "all"


def test_sort_default_by_input_length_and_by_key() -> None:
    dataset = MemoryDataset([Sample(input="ccc", id=1), Sample(input="a", id=2)])
    dataset.sort()
    assert ids(dataset) == [2, 1]
    dataset.sort(key=lambda sample: sample.input, reverse=True)
    assert ids(dataset) == [1, 2]


def test_shuffle_is_deterministic_with_seed() -> None:
    first, second = numbered(20), numbered(20)
    first.shuffle(seed=42)
    second.shuffle(seed=42)
    assert ids(first) == ids(second) != list(range(1, 21))
    assert first.shuffled
    third = numbered(20)
    third.shuffle(seed=43)
    assert ids(third) != ids(first)


def choice_samples() -> list[Sample]:
    choices = ["red", "green", "blue", "yellow", "purple", "orange"]
    return [Sample(input=f"q{n}", choices=choices, target="C", id=n) for n in range(1, 11)] + [
        Sample(input="multi", choices=choices, target=["A", "F"], id=11)
    ]


def test_shuffle_choices_moves_letter_target_with_its_choice() -> None:
    dataset = MemoryDataset(choice_samples())
    dataset.shuffle_choices(seed=1)
    orders = set()
    for sample in dataset:
        assert sample.choices is not None and sorted(sample.choices) == sorted(
            choice_samples()[0].choices or []
        )
        orders.add(tuple(sample.choices))
        targets = [sample.target] if isinstance(sample.target, str) else sample.target
        answers = [sample.choices[ord(letter) - ord("A")] for letter in targets]
        assert answers == (["blue"] if sample.id != 11 else ["red", "orange"])
    assert len(orders) > 1  # the choices really were shuffled


def test_shuffle_choices_is_deterministic_and_copies_samples() -> None:
    originals = choice_samples()
    first, second = MemoryDataset(originals), MemoryDataset(choice_samples())
    first.shuffle_choices(seed=9)
    second.shuffle_choices(seed=9)
    assert [s.choices for s in first] == [s.choices for s in second]
    assert originals[0].choices == ["red", "green", "blue", "yellow", "purple", "orange"]


def test_shuffle_choices_leaves_non_letter_targets() -> None:
    dataset = MemoryDataset([Sample(input="q", choices=["a", "b", "c"], target="b")])
    dataset.shuffle_choices(seed=3)
    assert dataset[0].target == "b"
