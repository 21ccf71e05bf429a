"""Shuffling the choices of a multiple-choice sample while keeping its letter target right."""

import string
from random import Random

from inspect_ai._dataset.sample import Sample

_LETTERS = string.ascii_uppercase


def shuffle_sample_choices(sample: Sample, random: Random) -> Sample:
    """A copy of ``sample`` with its choices shuffled and letter targets moved to match.

    A target that is a letter (``"C"``) or a list of letters names choices by position; each
    letter is changed to the new position of its choice. Other targets are left unchanged.
    Samples without choices are returned as they are.
    """
    if not sample.choices:
        return sample
    order = list(range(len(sample.choices)))
    random.shuffle(order)  # order[new position] = old position
    new_position = {old: new for new, old in enumerate(order)}
    choices = [sample.choices[old] for old in order]
    target = _remap_target(sample.target, new_position)
    return sample.model_copy(update={"choices": choices, "target": target})


def _remap_target(target: str | list[str], new_position: dict[int, int]) -> str | list[str]:
    if isinstance(target, str):
        return _remap_letter(target, new_position)
    return [_remap_letter(item, new_position) for item in target]


def _remap_letter(letter: str, new_position: dict[int, int]) -> str:
    stripped = letter.strip()
    if len(stripped) != 1 or stripped not in _LETTERS:
        return letter
    old = _LETTERS.index(stripped)
    if old not in new_position:
        return letter
    return _LETTERS[new_position[old]]
