"""The records (one dict per row, keyed by the header) of CSV text."""

import csv
import io
from collections.abc import Iterator

from inspect_ai._dataset.errors import DatasetError
from inspect_ai._dataset.records import Record


def csv_records(
    text: str,
    source: str,
    dialect: str = "unix",
    fieldnames: list[str] | None = None,
    delimiter: str = ",",
) -> Iterator[Record]:
    """The rows of ``text`` as records numbered from 1 (the header row is not counted).

    Without ``fieldnames`` the first row is the header. Values are strings; cells missing
    from a short row are None.
    """
    try:
        reader = csv.DictReader(
            io.StringIO(text, newline=""),
            fieldnames=fieldnames,
            dialect=dialect,
            delimiter=delimiter,
        )
    except (csv.Error, TypeError) as ex:
        raise DatasetError(f"{source}: {ex}") from None
    try:
        for row, record in enumerate(reader, start=1):
            yield row, dict(record)
    except csv.Error as ex:
        raise DatasetError(f"{source}, line {reader.line_num}: {ex}") from None
