"""Records to samples: applying a ``FieldSpec`` or a record function, row by row.

Any problem with a record becomes one ``DatasetError`` naming the source and the row.
"""

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from inspect_ai._dataset.errors import DatasetError
from inspect_ai._dataset.field_mapping import sample_from_record
from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.sample import Sample

Record = tuple[int, dict[str, Any]]
"""A record and its row number (1-based) in the source."""


def samples_from_records(
    records: Iterable[Record],
    sample_fields: FieldSpec | RecordToSample | None,
    source: str,
) -> list[Sample]:
    """The samples of ``records``; errors name ``source`` and the row."""
    to_sample = record_converter(sample_fields)
    samples: list[Sample] = []
    for row, record in records:
        try:
            samples.extend(_as_samples(to_sample(record)))
        except (KeyError, ValueError, TypeError) as ex:
            raise DatasetError(f"{source}, row {row}: {_describe(ex)}") from ex
    return samples


def record_converter(
    sample_fields: FieldSpec | RecordToSample | None,
) -> Callable[[dict[str, Any]], Sample | list[Sample]]:
    """A function turning a record into samples: the given one, or a field mapping."""
    if sample_fields is None:
        sample_fields = FieldSpec()
    if isinstance(sample_fields, FieldSpec):
        spec = sample_fields
        return lambda record: sample_from_record(record, spec)
    return sample_fields


def _as_samples(result: object) -> list[Sample]:
    items: list[object] = list(result) if isinstance(result, list) else [result]
    samples = [item for item in items if isinstance(item, Sample)]
    if len(samples) != len(items):
        wrong = next(item for item in items if not isinstance(item, Sample))
        raise TypeError(
            f"record_to_sample returned {type(wrong).__name__}, expected a Sample "
            "or a list of Samples"
        )
    return samples


def _describe(ex: BaseException) -> str:
    if isinstance(ex, KeyError):
        return f"no field {ex.args[0]!r}" if ex.args else "missing field"
    if isinstance(ex, ValidationError):
        error = ex.errors()[0]
        location = ".".join(str(part) for part in error["loc"])
        return f"invalid sample: {location}: {error['msg']}"
    text = str(ex).strip()
    return text.splitlines()[0] if text else type(ex).__name__
