"""The choices of a multiple-choice sample, with their original order and correctness."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from random import Random


@dataclass
class Choice:
    """One choice of a multiple-choice question."""

    value: str
    """Text of the choice."""

    correct: bool | None = None
    """Whether the model picked this choice (None until answered)."""

    original_position: int = 0
    """Position of the choice in the dataset (before any shuffling)."""


class Choices(Sequence[Choice]):
    """The choices of a sample, in presentation order."""

    def __init__(self, choices: Sequence[str] | Sequence[Choice]) -> None:
        self._choices: list[Choice] = [
            item if isinstance(item, Choice) else Choice(value=str(item), original_position=i)
            for i, item in enumerate(choices)
        ]

    def __getitem__(self, index: int) -> Choice:  # type: ignore[override]
        return self._choices[index]

    def __len__(self) -> int:
        return len(self._choices)

    def __iter__(self) -> Iterator[Choice]:
        return iter(self._choices)

    def mark_choice(self, index: int, correct: bool) -> None:
        """Record whether the choice at ``index`` (presentation order) was picked."""
        self._choices[index].correct = correct

    def shuffle(self, random: Random | None = None) -> None:
        """Shuffle the presentation order (each choice keeps its original position)."""
        (random or Random()).shuffle(self._choices)

    def unshuffle(self) -> None:
        """Restore the original order."""
        self._choices.sort(key=lambda choice: choice.original_position)

    def values(self) -> list[str]:
        """The texts of the choices, in presentation order."""
        return [choice.value for choice in self._choices]
