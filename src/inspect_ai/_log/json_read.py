"""Reading ``.json`` logs: one JSON document holding the whole ``EvalLog``."""

from collections.abc import Iterator
from typing import Any

from inspect_ai._log import filesystem
from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.gc_pause import gc_paused
from inspect_ai._log.model.log import EvalLog, EvalLogHeaderFields, log_from_parts
from inspect_ai._log.model.results import EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample, expand_pools
from inspect_ai._log.resolve import resolve_sample_attachments
from inspect_ai._log.stream_order import expected_samples, require_complete
from inspect_ai._log.validate import sample_sort_key, validate_header_json, validate_python


class _JsonLogHeader(EvalLogHeaderFields):
    """The header of a JSON log plus its reductions (validating skips the samples)."""

    reductions: list[EvalSampleReductions] | None = None


def read_json_file(
    location: str,
    header_only: bool = False,
    resolve_attachments: bool = False,
    fs_options: dict[str, Any] | None = None,
) -> EvalLog:
    """Read a ``.json`` log (its header only, or in full)."""
    data = filesystem.read_bytes(location, fs_options)
    with gc_paused():
        return _read_json_data(data, location, header_only, resolve_attachments)


def _read_json_data(
    data: bytes, location: str, header_only: bool, resolve_attachments: bool
) -> EvalLog:
    if header_only or resolve_attachments:
        header = validate_header_json(_JsonLogHeader, data, location)
        samples = None
        if resolve_attachments and not header_only:
            samples = [_resolved(raw, location) for raw in _raw_samples(data, location)]
            samples.sort(key=sample_sort_key)
        return log_from_parts(_header_fields(header), samples, header.reductions, location)
    log = validate_header_json(EvalLog, data, location)
    if log.samples is not None:
        for sample in log.samples:
            expand_pools(sample)
        log.samples.sort(key=sample_sort_key)
    log.location = location
    return log


def read_json_file_sample(
    location: str,
    id: int | str,
    epoch: int,
    resolve_attachments: bool = False,
    fs_options: dict[str, Any] | None = None,
) -> EvalSample:
    """Sample ``id`` at ``epoch`` of a ``.json`` log; ``IndexError`` if it is not there."""
    data = filesystem.read_bytes(location, fs_options)
    validate_header_json(_JsonLogHeader, data, location)
    for raw in _raw_samples(data, location):
        if str(raw.get("id")) == str(id) and raw.get("epoch") == epoch:
            return _resolved(raw, location) if resolve_attachments else _validated(raw, location)
    raise IndexError(f"Sample id {id!r} (epoch {epoch}) is not in {location}")


def iter_json_file_samples(
    location: str,
    all_samples_required: bool = True,
    resolve_attachments: bool = False,
    fs_options: dict[str, Any] | None = None,
) -> Iterator[EvalSample]:
    """Yield the samples of a ``.json`` log one at a time, in dataset order by epoch."""
    data = filesystem.read_bytes(location, fs_options)
    header = validate_header_json(_JsonLogHeader, data, location)
    require_complete(header, location, all_samples_required)
    raw_samples = _raw_samples(data, location)
    del data
    by_key = {(str(raw.get("id")), raw.get("epoch")): i for i, raw in enumerate(raw_samples)}
    keys: list[tuple[Any, Any]] = (
        [(raw.get("id"), raw.get("epoch")) for raw in raw_samples]
        if header.eval.dataset.sample_ids is None
        else list(expected_samples(header))
    )
    for id, epoch in keys:
        index = by_key.get((str(id), epoch))
        if index is None:
            if all_samples_required:
                raise IndexError(f"Sample id {id!r} (epoch {epoch}) is not in {location}")
            continue
        raw = raw_samples[index]
        raw_samples[index] = {}
        yield _resolved(raw, location) if resolve_attachments else _validated(raw, location)


def _header_fields(header: _JsonLogHeader) -> EvalLogHeaderFields:
    fields = {name: getattr(header, name) for name in EvalLogHeaderFields.model_fields}
    return EvalLogHeaderFields.model_construct(
        _fields_set=header.model_fields_set - {"reductions"}, **fields
    )


def _raw_samples(data: bytes, location: str) -> list[dict[str, Any]]:
    import pydantic_core

    try:
        document = pydantic_core.from_json(data, allow_inf_nan=True)
    except ValueError:
        raise LogFormatError(f"{location}: not a readable eval log (invalid JSON)") from None
    samples = document.get("samples") if isinstance(document, dict) else None
    return list(samples or [])


def _validated(raw: dict[str, Any], location: str) -> EvalSample:
    return expand_pools(validate_python(EvalSample, raw, location, f"sample {raw.get('id')!r}"))


def _resolved(raw: dict[str, Any], location: str) -> EvalSample:
    return resolve_sample_attachments(_validated(raw, location))
