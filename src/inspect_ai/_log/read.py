"""Reading eval logs: whole, header only, one sample, sample by sample, or summaries."""

import os
from collections.abc import Generator
from typing import Literal

from inspect_ai._log.eval_read import EvalFileReader, iter_eval_file_samples, read_eval_file
from inspect_ai._log.format import detect_format, log_location, require_exists
from inspect_ai._log.json_read import iter_json_file_samples, read_json_file, read_json_file_sample
from inspect_ai._log.model.info import EvalLogInfo
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.model.summary import EvalSampleSummary

LogFile = str | os.PathLike[str] | EvalLogInfo
"""A log file given as a path, a URI or an ``EvalLogInfo``."""

FormatOption = Literal["eval", "json", "auto"]


def read_eval_log(
    log_file: LogFile,
    header_only: bool = False,
    resolve_attachments: bool = False,
    format: FormatOption = "auto",
) -> EvalLog:
    """Read an evaluation log.

    Args:
        log_file: Log file to read (a path, URI or ``EvalLogInfo``).
        header_only: Read only the header (everything but the samples).
        resolve_attachments: Put attached content (e.g. images) back in place.
        format: Format of the file (``auto`` decides by extension, then by content).

    Returns:
        The log, with ``location`` set to where it was read from.
    """
    location = log_location(log_file)
    require_exists(location)
    if detect_format(location, format) == "eval":
        return read_eval_file(location, header_only, resolve_attachments)
    return read_json_file(location, header_only, resolve_attachments)


def read_eval_log_sample(
    log_file: LogFile,
    id: int | str,
    epoch: int = 1,
    resolve_attachments: bool = False,
    format: FormatOption = "auto",
) -> EvalSample:
    """Read one sample of an evaluation log.

    Args:
        log_file: Log file to read.
        id: Id of the sample.
        epoch: Epoch of the sample (defaults to 1).
        resolve_attachments: Put attached content (e.g. images) back in place.
        format: Format of the file (``auto`` decides by extension, then by content).

    Raises:
        IndexError: The log does not hold that sample.
    """
    location = log_location(log_file)
    require_exists(location)
    if detect_format(location, format) == "eval":
        with EvalFileReader(location) as reader:
            reader.check_version()
            return reader.sample(id, epoch, resolve_attachments)
    return read_json_file_sample(location, id, epoch, resolve_attachments)


def read_eval_log_samples(
    log_file: LogFile,
    all_samples_required: bool = True,
    resolve_attachments: bool = False,
    format: FormatOption = "auto",
) -> Generator[EvalSample, None, None]:
    """Read the samples of an evaluation log one at a time.

    Only one sample is held in memory at a time (for ``.eval`` logs). Samples come in
    dataset order, epoch by epoch.

    Args:
        log_file: Log file to read.
        all_samples_required: Raise ``IndexError`` unless the log succeeded and holds
            every sample (pass False to read the samples of an incomplete log).
        resolve_attachments: Put attached content (e.g. images) back in place.
        format: Format of the file (``auto`` decides by extension, then by content).
    """
    location = log_location(log_file)
    require_exists(location)
    if detect_format(location, format) == "eval":
        yield from iter_eval_file_samples(location, all_samples_required, resolve_attachments)
    else:
        yield from iter_json_file_samples(location, all_samples_required, resolve_attachments)


def read_eval_log_sample_summaries(
    log_file: LogFile, format: FormatOption = "auto"
) -> list[EvalSampleSummary]:
    """Read the summaries of the samples of an evaluation log (without reading the samples).

    Args:
        log_file: Log file to read.
        format: Format of the file (``auto`` decides by extension, then by content).
    """
    location = log_location(log_file)
    require_exists(location)
    if detect_format(location, format) == "eval":
        with EvalFileReader(location) as reader:
            reader.header()
            return reader.summaries()
    log = read_json_file(location)
    return [sample.summary() for sample in log.samples or []]
