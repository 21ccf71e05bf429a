"""The JSON written for each part of a log: header, start journal, samples, summaries."""

from typing import Any

from inspect_ai._json.encode import data_to_json, model_to_jsonable
from inspect_ai._log.attachments import condense_sample_data
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.results import EvalSampleReductions
from inspect_ai._log.model.sample import EvalSample

_HEADER_EXCLUDE = {"samples", "reductions"}


def header_jsonable(log: EvalLog) -> dict[str, Any]:
    """The log without samples and reductions, as plain JSON data."""
    return log.model_dump(mode="json", exclude_none=True, by_alias=True, exclude=_HEADER_EXCLUDE)


def header_json(log: EvalLog) -> bytes:
    """The log without samples and reductions, as compact JSON."""
    data: bytes = log.model_dump_json(
        exclude_none=True, by_alias=True, exclude=_HEADER_EXCLUDE
    ).encode()
    return data


def start_json(log: EvalLog) -> bytes:
    """The start journal: format version, eval spec and plan."""
    return data_to_json(
        {
            "version": log.version,
            "eval": model_to_jsonable(log.eval),
            "plan": model_to_jsonable(log.plan),
        }
    )


def sample_jsonable(sample: EvalSample) -> dict[str, Any]:
    """A sample as plain JSON data, with long content moved to its attachments."""
    return condense_sample_data(model_to_jsonable(sample))


def summaries_json(summaries: list[dict[str, Any]]) -> bytes:
    """A list of sample summaries (plain data) as compact JSON."""
    return data_to_json(summaries)


def reductions_jsonable(reductions: list[EvalSampleReductions]) -> list[dict[str, Any]]:
    """Reductions as plain JSON data."""
    return [model_to_jsonable(reduction) for reduction in reductions]


def reductions_json(reductions: list[EvalSampleReductions]) -> bytes:
    """Reductions as compact JSON."""
    return data_to_json(reductions_jsonable(reductions))
