"""Recording a log while an eval runs: readable after every flush, atomic writes, and
nothing flushed is lost when the process is killed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from inspect_ai._log.recorder.recorder import LogRecorder, open_recorder
from inspect_ai.log import (
    EvalError,
    EvalLog,
    EvalSample,
    read_eval_log,
    read_eval_log_sample_summaries,
    read_eval_log_samples,
)

from .conftest import UPSTREAM

SOURCE = next(UPSTREAM.glob("*epochs-reducers*.eval"))


@pytest.fixture(scope="module")
def source() -> EvalLog:
    return read_eval_log(SOURCE)


@pytest.mark.parametrize("extension", ["eval", "json"])
def test_log_is_complete_and_readable_after_every_flush(
    source: EvalLog, tmp_path: Path, extension: str
) -> None:
    location = str(tmp_path / f"log.{extension}")
    recorder = open_recorder(location, buffer=4)
    recorder.start(source.eval, source.plan)
    started = read_eval_log(location)
    assert started.status == "started"
    assert started.samples == []
    assert started.eval.task_id == source.eval.task_id

    samples = source.samples or []
    for count, sample in enumerate(samples, start=1):
        recorder.add_sample(sample)
        on_disk = read_eval_log(location)
        assert on_disk.status == "started"
        assert len(on_disk.samples or []) == count - count % 4
        assert len(read_eval_log_sample_summaries(location)) == count - count % 4

    header = recorder.finish("success", source.stats, source.results, source.reductions)
    assert header.location == location
    assert header.samples is None
    final = read_eval_log(location)
    assert final.status == "success"
    assert [(s.id, s.epoch) for s in final.samples or []] == [(s.id, s.epoch) for s in samples]
    assert final.results == source.results
    assert final.reductions == source.reductions
    assert len(list(read_eval_log_samples(location))) == len(samples)
    assert sorted(os.listdir(tmp_path)) == [f"log.{extension}"]


def test_finish_with_an_error_keeps_the_samples(source: EvalLog, tmp_path: Path) -> None:
    location = str(tmp_path / "log.eval")
    recorder = open_recorder(location)
    recorder.start(source.eval, source.plan)
    for sample in (source.samples or [])[:3]:
        recorder.add_sample(sample)
    error = EvalError(message="boom", traceback="Traceback...", traceback_ansi="Traceback...")
    recorder.finish("error", source.stats, error=error)
    log = read_eval_log(location)
    assert log.status == "error"
    assert log.error == error
    assert log.results is None
    assert len(log.samples or []) == 3


CHILD = r"""
import sys
from inspect_ai._log.recorder.recorder import open_recorder
from inspect_ai.log import read_eval_log

source = read_eval_log(sys.argv[1])
recorder = open_recorder(sys.argv[2], buffer=int(sys.argv[3]))
recorder.start(source.eval, source.plan)
samples = source.samples
written = 0
while True:
    for sample in samples:
        recorder.add_sample(sample.model_copy(update={"id": written + 1, "epoch": 1}))
        written += 1
        if written % int(sys.argv[3]) == 0:
            print(written, flush=True)
"""


@pytest.mark.parametrize("extension", ["eval", "json"])
def test_killed_process_leaves_a_readable_log_with_every_flushed_sample(
    tmp_path: Path, extension: str
) -> None:
    location = str(tmp_path / f"log.{extension}")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(SOURCE), location, "3"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    flushed = 0
    deadline = time.monotonic() + 60
    while flushed < 30 and time.monotonic() < deadline:
        flushed = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    log = read_eval_log(location)
    assert log.status == "started"
    ids = [sample.id for sample in log.samples or []]
    assert len(ids) >= flushed
    assert len(ids) % 3 == 0
    assert sorted(ids) == list(range(1, len(ids) + 1))
    others = [name for name in os.listdir(tmp_path) if name != f"log.{extension}"]
    assert not [name for name in others if name.endswith((".eval", ".json"))]


class _TimedRecorder(LogRecorder[int]):
    """A recorder whose writes take ``rewrite`` + ``batch`` seconds of a fake clock."""

    def __init__(self, clock: list[float], rewrite: float, batch: float) -> None:
        super().__init__("memory://timed.eval", buffer=1)
        self._clock, self._rewrite, self._batch = clock, rewrite, batch

    def _write_start(self, header: EvalLog) -> None:
        pass

    def _prepare(self, sample: EvalSample) -> int:
        return 0

    def _prepare_copy(self, copy: Any) -> int:
        return 0

    def _write_samples(self, header: EvalLog, samples: list[int]) -> float:
        self._clock[0] += self._rewrite + self._batch
        return self._batch

    def _write_finish(self, header: EvalLog, samples: list[int]) -> None:
        pass


@pytest.mark.parametrize(
    ("rewrite", "batch", "spaced_until"),
    [(0.1, 2.0, 2.1 + 0.9), (0.001, 2.0, None), (0.5, 0.0, 0.5 + 4.5)],
)
def test_writes_are_spaced_by_the_cost_of_rewriting_the_file_not_the_batch(
    source: EvalLog,
    monkeypatch: pytest.MonkeyPatch,
    rewrite: float,
    batch: float,
    spaced_until: float | None,
) -> None:
    clock = [0.0]
    monkeypatch.setattr("inspect_ai._log.recorder.recorder.time.monotonic", lambda: clock[0])
    recorder = _TimedRecorder(clock, rewrite, batch)
    recorder.start(source.eval, source.plan)
    recorder.buffer_sample(source.samples[0])  # type: ignore[index]
    recorder.flush()
    recorder.buffer_sample(source.samples[0])  # type: ignore[index]
    if spaced_until is None:
        assert recorder.flush_due()
        return
    assert not recorder.flush_due()
    clock[0] = spaced_until - 0.01
    assert not recorder.flush_due()
    clock[0] = spaced_until + 0.01
    assert recorder.flush_due()


class _ListRecorder(LogRecorder[int]):
    """A recorder that 'writes' sample numbers to a list; preparing one gives up the GIL,
    as compressing does."""

    def __init__(self) -> None:
        super().__init__("memory://list.eval", buffer=1)
        self.written: list[int] = []

    def _write_start(self, header: EvalLog) -> None:
        pass

    def _prepare(self, sample: EvalSample) -> int:
        time.sleep(0)  # releases the GIL, like zlib while it compresses
        return int(sample.id)

    def _prepare_copy(self, copy: Any) -> int:
        return 0

    def _write_samples(self, header: EvalLog, samples: list[int]) -> float:
        time.sleep(0)
        self.written.extend(samples)
        return 0.0

    def _write_finish(self, header: EvalLog, samples: list[int]) -> None:
        self.written.extend(samples)


def test_no_sample_is_lost_to_a_write_running_in_a_thread(source: EvalLog) -> None:
    import threading

    recorder = _ListRecorder()
    recorder.start(source.eval, source.plan)
    done = threading.Event()

    def keep_flushing() -> None:
        while not done.is_set():
            recorder.flush()

    writer = threading.Thread(target=keep_flushing)
    writer.start()
    try:
        for number in range(3000):
            recorder.buffer_sample(EvalSample(id=number, epoch=1, input="x", target="y"))
    finally:
        done.set()
        writer.join()
    recorder.finish("success", source.stats)
    assert sorted(recorder.written) == list(range(3000))
