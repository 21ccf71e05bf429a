"""Short ids: 22 letters of the unambiguous alphabet, uniformly drawn, never repeated."""

import collections

import pytest

from inspect_ai import _ids
from inspect_ai._ids import short_uuid


def test_ids_are_22_letters_of_the_alphabet_and_unique() -> None:
    ids = [short_uuid() for _ in range(50_000)]
    assert len(set(ids)) == len(ids)
    assert all(len(value) == 22 and set(value) <= set(_ids._ALPHABET) for value in ids)


def test_every_letter_is_equally_likely() -> None:
    counts = collections.Counter("".join(short_uuid() for _ in range(20_000)))
    assert set(counts) == set(_ids._ALPHABET)
    expected = 20_000 * 22 / 57
    assert all(abs(count - expected) < 0.05 * expected for count in counts.values())


def test_too_few_usable_bytes_draw_again(monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter([bytes([255] * 12 + [0] * 20), bytes(range(32))])
    monkeypatch.setattr(_ids._random, "randbytes", lambda n: next(draws))
    assert short_uuid() == "".join(_ids._ALPHABET[i % 57] for i in range(22))
