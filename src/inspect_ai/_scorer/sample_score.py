"""``SampleScore``: a score together with the sample it was given to."""

from typing import Any

from pydantic import BaseModel, ConfigDict

from inspect_ai._scorer.score import Score, Value


class SampleScore(BaseModel):
    """A score given to a sample, with the sample's id and metadata.

    Metrics receive lists of these. For metrics written against plain scores, the
    ``value``/``answer``/``explanation``/``metadata`` fields and the ``as_*`` conversions of
    the score are available on the sample score too.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    score: Score
    """The score."""

    sample_id: str | int | None = None
    """Id of the sample scored."""

    sample_metadata: dict[str, Any] | None = None
    """Metadata of the sample scored."""

    scorer: str | None = None
    """Name of the scorer that gave the score."""

    @property
    def value(self) -> Value:
        """The score value."""
        return self.score.value

    @property
    def answer(self) -> str | None:
        """The answer extracted from the model output."""
        return self.score.answer

    @property
    def explanation(self) -> str | None:
        """The explanation of the score."""
        return self.score.explanation

    @property
    def metadata(self) -> dict[str, Any] | None:
        """The score metadata."""
        return self.score.metadata

    @property
    def text(self) -> str:
        """The value as text."""
        return self.score.text

    def as_str(self) -> str:
        """The value as a string (it must be one)."""
        return self.score.as_str()

    def as_int(self) -> int:
        """The value as an int (it must be one)."""
        return self.score.as_int()

    def as_float(self) -> float:
        """The value as a float (it must be one)."""
        return self.score.as_float()

    def as_bool(self) -> bool:
        """The value as a bool (it must be one)."""
        return self.score.as_bool()

    def as_list(self) -> list[str | int | float | bool]:
        """The value as a list (it must be one)."""
        return self.score.as_list()

    def as_dict(self) -> dict[str, str | int | float | bool | None]:
        """The value as a dict (it must be one)."""
        return self.score.as_dict()
