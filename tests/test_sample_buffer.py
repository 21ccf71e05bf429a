"""The live sample buffer: another process reads running and completed samples while an
eval runs (``inspect eval`` in a subprocess, its samples held on gate files), the buffer
and its ``log_shared`` copy are removed at the end, and a crash leaves nothing broken."""

import asyncio
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import fsspec
import pytest

from inspect_ai import Task, eval
from inspect_ai._cli.eval_options import fill_optional_values
from inspect_ai._dataset.sample import Sample
from inspect_ai._event.event import Event
from inspect_ai._event.span import SpanBeginEvent
from inspect_ai._log.buffer.batch import BufferBatcher
from inspect_ai._log.buffer.database import create_database
from inspect_ai._log.buffer.location import buffer_dir, buffer_path, shared_location
from inspect_ai._log.buffer.reader import SampleBuffer, open_sample_buffer
from inspect_ai._log.buffer.shared import shared_interval
from inspect_ai._log.buffer.summary import FinishedSample, finished_sample
from inspect_ai._log.buffer.writer import SampleBufferWriter
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._transcript.transcript import Transcript
from inspect_ai.log import EvalLog, read_eval_log
from inspect_ai.solver import Generate, Solver, TaskState, solver

T = TypeVar("T")

TASK_FILE = """
import asyncio, os
from pathlib import Path
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.solver import solver


@solver
def gated():
    async def solve(state, generate):
        state = await generate(state)
        gate = Path(os.environ["GATE_DIR"]) / f"release-{state.sample_id}"
        while state.sample_id in (1, 2) and not gate.exists():
            await asyncio.sleep(0.05)
        return state

    return solve


@task
def gated_task():
    samples = [Sample(id=i, input=f"question {i}", target="x") for i in (1, 2, 3)]
    return Task(dataset=samples, solver=gated())
"""


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data directory the evals (here and in subprocesses) keep their buffers in."""
    directory = tmp_path / "data"
    monkeypatch.setenv("INSPECT_DATA_DIR", str(directory))
    return directory


@pytest.fixture
def start_eval(tmp_path: Path, data_dir: Path) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Start ``inspect eval`` on the gated task in a subprocess (killed at teardown)."""
    started: list[subprocess.Popen[str]] = []
    task_file = tmp_path / "gated_task.py"
    task_file.write_text(TASK_FILE)

    def start(*args: str) -> subprocess.Popen[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
        env.update(INSPECT_DATA_DIR=str(data_dir), GATE_DIR=str(tmp_path))
        command = [sys.executable, "-m", "inspect_ai._cli.main", "eval", str(task_file)]
        options = ["--model", "mockllm/model", "--log-dir", str(tmp_path / "logs")]
        process = subprocess.Popen(
            [*command, *options, "--display", "none", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def wait_for(check: Callable[[], T | None], what: str, process: subprocess.Popen[str]) -> T:
    """Poll ``check`` until it gives a value (failing if the eval exits first)."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        value = check()
        if value is not None and value is not False:
            return value
        if process.poll() is not None:
            _, stderr = process.communicate()
            pytest.fail(f"eval exited ({process.returncode}) before {what}: {stderr}")
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}")


def log_file(tmp_path: Path) -> Path | None:
    logs = list((tmp_path / "logs").glob("*.eval"))
    return logs[0] if logs else None


def release(tmp_path: Path, sample_id: int) -> None:
    (tmp_path / f"release-{sample_id}").touch()


def finish(process: subprocess.Popen[str]) -> None:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr


def statuses(buffer: SampleBuffer) -> dict[int | str, str]:
    return {sample.id: sample.status for sample in buffer.samples()}


def test_another_process_reads_running_then_completed_samples(
    tmp_path: Path, start_eval: Callable[..., subprocess.Popen[str]], data_dir: Path
) -> None:
    process = start_eval()
    log = wait_for(lambda: log_file(tmp_path), "the log to be created", process)
    buffer = wait_for(lambda: open_sample_buffer(str(log)), "the sample buffer", process)
    with buffer:
        expected = {1: "running", 2: "running", 3: "completed"}
        wait_for(lambda: statuses(buffer) == expected, "samples 1-3 listed", process)
        assert buffer_path(str(log)).parent == data_dir / "samplebuffer"
        [running] = [sample for sample in buffer.samples() if sample.id == 1]
        assert running.summary["input"] == "question 1" and running.summary["target"] == "x"
        events = wait_for(
            lambda: (
                [e for e in buffer.events(1, 1) if e.event.event == "model"] and buffer.events(1, 1)
            ),
            "sample 1's model event",
            process,
        )
        assert [event.seq for event in events] == list(range(len(events)))
        assert "sample_init" in [event.event.event for event in events]
        later = buffer.events(1, 1, after_seq=events[1].seq)
        assert [event.seq for event in later] == [event.seq for event in events[2:]]
        assert buffer.sample(1, 1) is None  # still running
        completed = buffer.sample(3, 1)
        assert completed is not None and completed.output.completion
        assert buffer.writer_alive() is True

        release(tmp_path, 1)
        wait_for(lambda: statuses(buffer)[1] == "completed", "sample 1 completed", process)
        assert buffer.events(1, 1) == []  # its events are now in its sample
        sample = buffer.sample(1, 1)
        assert sample is not None and "model" in [event.event for event in sample.events]
        assert statuses(buffer)[2] == "running"

        release(tmp_path, 2)
        finish(process)
    assert not buffer_path(str(log)).exists()
    assert list((data_dir / "samplebuffer").iterdir()) == []
    assert open_sample_buffer(str(log)) is None
    assert read_eval_log(str(log)).status == "success"


def test_log_shared_copies_buffer_next_to_log_and_removes_it(
    tmp_path: Path,
    start_eval: Callable[..., subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    process = start_eval("--log-shared", "1")
    log = wait_for(lambda: log_file(tmp_path), "the log to be created", process)
    copy = Path(shared_location(str(log)))
    assert copy.name == log.name + ".buffer.db"
    wait_for(lambda: copy.exists(), "the shared copy", process)
    # a viewer on another machine: no local buffer, only the copy next to the log
    monkeypatch.setenv("INSPECT_DATA_DIR", str(tmp_path / "elsewhere"))

    def running_in_copy() -> bool:
        with open_sample_buffer(str(log)) or pytest.fail("no buffer") as buffer:
            return statuses(buffer).get(1) == "running" and bool(buffer.events(1, 1))

    wait_for(running_in_copy, "sample 1 running in the shared copy", process)
    release(tmp_path, 1)
    release(tmp_path, 2)
    finish(process)
    assert not copy.exists()
    assert open_sample_buffer(str(log)) is None
    assert read_eval_log(str(log)).status == "success"


def test_killed_eval_leaves_a_stale_buffer_that_the_next_eval_removes(
    tmp_path: Path, start_eval: Callable[..., subprocess.Popen[str]], data_dir: Path
) -> None:
    process = start_eval()
    log = wait_for(lambda: log_file(tmp_path), "the log to be created", process)

    def sample_one_running() -> bool:
        with open_sample_buffer(str(log)) or pytest.fail("no buffer") as buffer:
            return statuses(buffer).get(1) == "running"

    wait_for(lambda: buffer_path(str(log)).exists(), "the sample buffer", process)
    wait_for(sample_one_running, "sample 1 running", process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stale = buffer_path(str(log))
    assert stale.exists()
    with open_sample_buffer(str(log)) or pytest.fail("no buffer") as buffer:
        assert buffer.writer_alive() is False
        assert statuses(buffer)[1] == "running"
    assert read_eval_log(str(log), header_only=True).status == "started"

    logs = eval(Task(dataset=[Sample(input="hi")]), model="mockllm/model",
                log_dir=str(tmp_path / "next"), display="none")  # fmt: skip
    assert logs[0].status == "success"
    assert not stale.exists()
    assert list((data_dir / "samplebuffer").iterdir()) == []


def test_unwritable_data_dir_switches_the_buffer_off_not_the_eval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("INSPECT_DATA_DIR", str(blocker))
    with caplog.at_level(logging.WARNING):
        logs = eval(Task(dataset=[Sample(input="hi")] * 3), model="mockllm/model",
                    log_dir=str(tmp_path / "logs"), display="none")  # fmt: skip
    assert logs[0].status == "success" and len(logs[0].samples or []) == 3
    warnings = [r.getMessage() for r in caplog.records if "sample buffer" in r.getMessage()]
    assert len(warnings) == 1 and "\n" not in warnings[0]


def test_buffer_location_follows_data_dir_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("INSPECT_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform == "linux":
        assert buffer_dir() == tmp_path / "xdg" / "inspect_ai" / "samplebuffer"
    monkeypatch.setenv("INSPECT_DATA_DIR", str(tmp_path / "mine"))
    assert buffer_dir() == tmp_path / "mine" / "samplebuffer"
    first, second = buffer_path("logs/a.eval"), buffer_path(str(Path("logs/a.eval").resolve()))
    assert first == second and first != buffer_path("logs/b.eval")


def test_log_shared_values() -> None:
    assert shared_interval(None) is None and shared_interval(False) is None
    assert shared_interval(True) == 10 and shared_interval(3) == 3
    with pytest.raises(ValueError, match="log_shared"):
        shared_interval(0)
    with pytest.raises(ValueError, match="log_shared"):
        eval(Task(dataset=[Sample(input="hi")]), model="mockllm/model", log_shared=-1)


def test_log_shared_flag_alone_means_ten_seconds(tmp_path: Path) -> None:
    task_file = tmp_path / "task.py"
    task_file.write_text("")
    filled = fill_optional_values(["--log-shared", str(task_file)])
    assert filled == ["--log-shared=10", str(task_file)]


def _finished(sample_id: int, keep_data: bool) -> FinishedSample:
    sample = EvalSample(id=sample_id, epoch=1, input="x", target="y")
    return finished_sample(sample, keep_data)


def _event_seqs(path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT sample_id, seq FROM events ORDER BY sample_id, seq")
        return [(sample_id, seq) for sample_id, seq in rows]


def test_batches_write_events_of_running_samples_only(data_dir: Path) -> None:
    path = data_dir / "unit.db"
    connection = create_database(path, {})
    batcher = BufferBatcher(keep_data=2)
    # started and finished between two flushes: a summary row, no events
    assert batcher.write(connection, {}, [_finished(1, keep_data=False)]) == set()
    assert _event_seqs(path) == []
    events: list[Event] = [SpanBeginEvent(id="a", name="init")]
    assert batcher.write(connection, {(2, 1): events}, []) == {(2, 1)}
    events.append(SpanBeginEvent(id="b", name="solvers"))
    batcher.write(connection, {(2, 1): events}, [])
    assert _event_seqs(path) == [("2", 0), ("2", 1)]  # only the new one was added
    retry: list[Event] = [SpanBeginEvent(id="c", name="init")]
    batcher.write(connection, {(2, 1): retry}, [])
    assert _event_seqs(path) == [("2", 0)]  # a retry's events replace the attempt's
    finished = [_finished(2, True), _finished(3, True), _finished(4, False)]
    assert batcher.write(connection, {}, finished) == set()
    assert _event_seqs(path) == []  # a finished sample's events are in its data
    buffer = SampleBuffer(sqlite3.connect(path), str(data_dir / "missing.eval"))
    assert statuses(buffer) == {1: "completed", 2: "completed", 3: "completed", 4: "completed"}
    kept = [sample_id for sample_id in (1, 2, 3, 4) if buffer.sample(sample_id, 1) is not None]
    assert kept == [2, 3]
    buffer.close()
    connection.close()


def test_finished_samples_keep_data_if_streamed_or_within_the_spare_count(
    data_dir: Path,
) -> None:
    writer = SampleBufferWriter(str(data_dir / "log.eval"))  # not started: nothing written
    writer._spare_data = 1
    for sample_id in (1, 2, 3):
        transcript = Transcript()
        writer.sample_started(sample_id, 1, transcript.events)
        transcript.info("working")
    assert set(writer._running) == {(1, 1), (2, 1), (3, 1)}
    writer._streamed = {(3, 1)}
    for sample_id in (1, 2, 3):
        writer.sample_done(EvalSample(id=sample_id, epoch=1, input="x", target="y"))
    assert writer._running == {}
    kept = [finished.sample is not None for finished in writer._finished]
    assert kept == [True, False, True]


def test_log_shared_on_a_remote_log_dir(memory_root: str, data_dir: Path) -> None:
    release_samples = threading.Event()

    @solver
    def held() -> Solver:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            while not release_samples.is_set():
                await asyncio.sleep(0.05)
            return state

        return solve

    task = Task(dataset=[Sample(id="a", input="hi")], solver=held())
    logs: list[EvalLog] = []
    runner = threading.Thread(
        target=lambda: logs.extend(
            eval(task, model="mockllm/model", log_dir=memory_root, display="none", log_shared=1)
        )
    )
    runner.start()
    try:
        fs = fsspec.filesystem("memory")
        deadline = time.monotonic() + 60
        while not fs.glob(f"{memory_root}/*.buffer.db") and time.monotonic() < deadline:
            time.sleep(0.1)
        [copy] = fs.glob(f"{memory_root}/*.buffer.db")
        log = f"{memory_root}/{copy.rsplit('/', 1)[-1].removesuffix('.buffer.db')}"
        buffer_path(log).unlink()  # as seen from another machine: only the remote copy
        with open_sample_buffer(log) or pytest.fail("no buffer") as buffer:
            assert statuses(buffer) == {"a": "running"}
            assert buffer.writer_alive() is True  # this machine, this process
    finally:
        release_samples.set()
        runner.join()
    assert logs[0].status == "success"
    assert fs.glob(f"{memory_root}/*.buffer.db") == []
