"""The target of a sample: the ideal answer (or grading guidance) scorers compare with."""

from collections.abc import Iterator, Sequence


class Target(Sequence[str]):
    """Target for scoring: one string or several acceptable ones.

    Args:
        target: A string, or a list of strings.
    """

    def __init__(self, target: str | list[str]) -> None:
        self.target: list[str] = [target] if isinstance(target, str) else list(target)

    @property
    def text(self) -> str:
        """The target as one string (the items joined)."""
        return "".join(self.target)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self.target[index]

    def __len__(self) -> int:
        return len(self.target)

    def __iter__(self) -> Iterator[str]:
        return iter(self.target)

    def __repr__(self) -> str:
        return f"Target({self.target!r})"
