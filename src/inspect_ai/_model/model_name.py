"""A model's name split into its provider (API) and the model itself."""


class ModelName:
    """The name of a model, as ``<api>/<name>``.

    Args:
        model: A full name (``openai/gpt-4``) or an object with a ``name`` and an ``api``.
    """

    def __init__(self, model: str) -> None:
        api, sep, name = model.partition("/")
        if not sep or not api or not name:
            raise ValueError(f"Model name '{model}' should be of the form <api>/<name>.")
        self.api = api
        self.name = name

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ModelName):
            return (self.api, self.name) == (other.api, other.name)
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    def __str__(self) -> str:
        return f"{self.api}/{self.name}"

    def __repr__(self) -> str:
        return f"ModelName({str(self)!r})"
