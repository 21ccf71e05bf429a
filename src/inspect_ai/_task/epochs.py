"""``Epochs``: how many times each sample runs, and how its scores are combined."""

from typing import Any


class Epochs:
    """Task epochs.

    Number of epochs to repeat samples over and optionally one or more reducers used to
    combine scores from samples across epochs. If not specified the "mean" score reducer
    is used.

    Args:
        epochs: Number of epochs (at least 1).
        reducer: One or more reducers used to combine scores from samples across epochs:
            names (e.g. ``"mean"``, ``"pass_at_2"``) or reducer objects. Kept as given (as a
            list); the runner resolves them. Defaults to "mean" when None.
    """

    def __init__(self, epochs: int, reducer: Any = None) -> None:
        if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
            raise ValueError(f"Epochs must be a positive integer (got {epochs!r}).")
        self.epochs: int = epochs
        self.reducer: list[Any] | None = _reducer_list(reducer)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Epochs):
            return NotImplemented
        return self.epochs == other.epochs and self.reducer == other.reducer

    def __hash__(self) -> int:
        return hash(self.epochs)

    def __repr__(self) -> str:
        return f"Epochs(epochs={self.epochs!r}, reducer={self.reducer!r})"


def _reducer_list(reducer: Any) -> list[Any] | None:
    """``reducer`` as a list (None stays None)."""
    if reducer is None:
        return None
    if isinstance(reducer, list | tuple):
        return list(reducer)
    return [reducer]


def resolve_epochs(epochs: int | Epochs | None) -> Epochs | None:
    """An ``int`` becomes ``Epochs(n)``; ``Epochs`` and None pass through."""
    if epochs is None or isinstance(epochs, Epochs):
        return epochs
    return Epochs(epochs)
