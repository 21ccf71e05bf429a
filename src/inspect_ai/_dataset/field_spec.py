"""How the fields of a dataset record map onto a ``Sample``."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeAlias

from inspect_ai._dataset.sample import Sample


@dataclass
class FieldSpec:
    """Names of the record fields that hold each part of a sample.

    Args:
        input: Field with the input (a prompt, or a list of chat messages).
        target: Field with the target (a string, list of strings, or number).
        choices: Field with the list of choices.
        id: Field with the sample id.
        metadata: Fields to collect into the sample's metadata. When None, a field named
            ``metadata`` (an object, or JSON text in CSV files) is used if present.
        sandbox: Field with the sandbox type (or ``[type, config]``).
        files: Field with the files to copy into the sandbox.
        setup: Field with the sandbox setup script.
    """

    input: str = "input"
    target: str = "target"
    choices: str = "choices"
    id: str = "id"
    metadata: list[str] | None = None
    sandbox: str = "sandbox"
    files: str = "files"
    setup: str = "setup"


RecordToSample: TypeAlias = Callable[[dict[str, Any]], Sample | list[Sample]]
"""A function turning one dataset record into a sample (or several samples)."""
