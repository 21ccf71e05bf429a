"""Recording a ``.json`` log: the whole document rewritten (atomically) at every write."""

from typing import Any

from inspect_ai._json.encode import data_to_json
from inspect_ai._log import filesystem
from inspect_ai._log.model.log import EvalLog
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.recorder.recorder import LogRecorder
from inspect_ai._log.sample_copy import SampleCopy
from inspect_ai._log.serialize import header_jsonable, reductions_jsonable, sample_jsonable

SampleData = tuple[tuple[str, int], dict[str, Any]]
"""A sample's key (id, epoch) and its JSON data."""


class JsonRecorder(LogRecorder[SampleData]):
    """Writes a ``.json`` log incrementally (samples are kept as ready-to-write data)."""

    def __init__(self, location: str, buffer: int, fs_options: dict[str, Any] | None = None):
        super().__init__(location, buffer, fs_options)
        self._samples: dict[tuple[str, int], dict[str, Any]] = {}

    def _write_start(self, header: EvalLog) -> None:
        self._write(header)

    def _prepare(self, sample: EvalSample) -> SampleData:
        return (str(sample.id), sample.epoch), sample_jsonable(sample)

    def _prepare_copy(self, copy: SampleCopy) -> SampleData:
        id, epoch = copy.key
        return (str(id), epoch), copy.data

    def _write_samples(self, header: EvalLog, samples: list[SampleData]) -> float:
        self._samples.update(samples)
        self._write(header)
        return 0.0  # the whole document is rewritten

    def _write_finish(self, header: EvalLog, samples: list[SampleData]) -> None:
        self._samples.update(samples)
        self._write(header)

    def _write(self, header: EvalLog) -> None:
        document = header_jsonable(header)
        document["samples"] = list(self._samples.values())
        if header.reductions is not None:
            document["reductions"] = reductions_jsonable(header.reductions)
        data = data_to_json(document, indent=2)
        filesystem.write_bytes_atomic(self.location, data, self._fs_options)
