"""Sandboxes of samples: the ``local`` provider, the lifecycle the runner drives (task
init, per-sample init with files and setup, cleanup), ``sandbox()`` and ``@sandboxenv``."""

import asyncio
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal, overload

import pytest

from inspect_ai import Task, eval
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, read_eval_log
from inspect_ai.scorer import Score, Target, accuracy, scorer
from inspect_ai.solver import Generate, TaskState, solver
from inspect_ai.util import (
    ExecResult,
    OutputLimitExceededError,
    SandboxEnvironment,
    SandboxEnvironmentConfigType,
    SandboxEnvironmentSpec,
    sandbox,
    sandbox_with,
    sandboxenv,
)

MOCK = "mockllm/model"


def run(task: Task, tmp_path: Path, **kwargs: Any) -> EvalLog:
    logs = eval(task, model=MOCK, log_dir=str(tmp_path / "logs"), display="none", **kwargs)
    assert len(logs) == 1
    return logs[0]


@solver
def sandbox_solver(script: str) -> Any:
    """Runs ``script`` in the default sandbox; keeps its directory and output in the store."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        result = await sandbox().exec(["bash", "-c", script])
        state.store.set("pwd", (await sandbox().exec(["pwd"])).stdout.strip())
        state.store.set("output", result.stdout)
        state.store.set("returncode", result.returncode)
        return state

    return solve


def store_values(log: EvalLog, key: str) -> list[Any]:
    assert log.samples is not None
    return [sample.store.get(key) for sample in log.samples]


# local: directories, files, setup, cleanup ---------------------------------------------


def test_each_sample_gets_its_own_directory_removed_afterwards(tmp_path: Path) -> None:
    task = Task(
        dataset=[Sample(input="a", id="a"), Sample(input="b", id="b")],
        solver=sandbox_solver("echo hi > here.txt; ls"),
        sandbox="local",
    )
    log = run(task, tmp_path)
    assert log.status == "success", log.error
    directories = store_values(log, "pwd")
    assert len(set(directories)) == 2
    assert store_values(log, "output") == ["here.txt\n", "here.txt\n"]
    assert not any(os.path.exists(directory) for directory in directories)
    assert log.eval.config.sandbox_cleanup is True


def test_sandbox_cleanup_false_keeps_the_directories(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    task = Task(
        dataset=[Sample(input="a", files={"kept.txt": "still here"})],
        solver=sandbox_solver("true"),
        sandbox="local",
    )
    with caplog.at_level(logging.WARNING):
        log = run(task, tmp_path, sandbox_cleanup=False)
    (directory,) = store_values(log, "pwd")
    try:
        assert Path(directory, "kept.txt").read_text() == "still here"
        assert log.eval.config.sandbox_cleanup is False
        assert (
            read_eval_log(str(log.location), header_only=True).eval.config.sandbox_cleanup is False
        )
        assert directory in caplog.text and "were kept" in caplog.text
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def test_files_relative_to_the_task_file(tmp_path: Path) -> None:
    task_dir = tmp_path / "task"
    task_dir.mkdir()
    (task_dir / "data.txt").write_text("beside the task")
    (task_dir / "setup.sh").write_text("echo from-setup-file > setup.out\n")
    (task_dir / "sandbox_task.py").write_text(
        "from inspect_ai import Task, task\n"
        "from inspect_ai.dataset import Sample\n"
        "from inspect_ai.solver import generate\n\n"
        "@task\n"
        "def sandboxed():\n"
        "    return Task(\n"
        "        dataset=[Sample(input='x', files={'in/data.txt': 'data.txt'}, setup='setup.sh')],\n"
        "        solver=generate(), sandbox='local',\n"
        "    )\n"
    )
    log = run(str(task_dir / "sandbox_task.py"), tmp_path)  # type: ignore[arg-type]
    assert log.status == "success", log.error
    assert log.samples is not None
    write, setup = (event for event in log.samples[0].events if event.event == "sandbox")
    assert (write.action, write.file, write.input) == (
        "write_file",
        "in/data.txt",
        "beside the task",
    )
    assert setup.action == "exec" and setup.cmd == "bash -c 'echo from-setup-file > setup.out\n'"
    assert setup.result == 0


def test_setup_failure_is_a_sample_error_and_the_sandbox_is_cleaned_up(tmp_path: Path) -> None:
    @solver
    def never_runs() -> Any:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            raise AssertionError("solvers must not run after a failed setup")

        return solve

    where = tmp_path / "where.txt"
    task = Task(
        dataset=[Sample(input="a", setup=f"pwd > {where}; echo 'no good' >&2; exit 7")],
        solver=never_runs(),
        sandbox="local",
    )
    log = run(task, tmp_path, fail_on_error=False)
    assert log.status == "success"
    assert log.samples is not None
    error = log.samples[0].error
    assert error is not None
    assert "setup script failed (exit code 7)" in error.message and "no good" in error.message
    assert not os.path.exists(where.read_text().strip())


def test_scorers_use_the_sandbox_before_cleanup(tmp_path: Path) -> None:
    @scorer(metrics=[accuracy()])
    def file_check() -> Any:
        async def score(state: TaskState, target: Target) -> Score:
            contents = await sandbox().read_file("answer.txt")
            return Score(value="C" if contents.strip() == target.text else "I")

        return score

    task = Task(
        dataset=[Sample(input="a", target="42"), Sample(input="b", target="43")],
        solver=sandbox_solver("echo 42 > answer.txt"),
        scorer=file_check(),
        sandbox="local",
    )
    log = run(task, tmp_path)
    assert log.samples is not None
    scores = {
        sample.id: sample.scores["file_check"].value for sample in log.samples if sample.scores
    }
    assert scores == {1: "C", 2: "I"}
    reads = [event for event in log.samples[0].events if event.event == "sandbox"][-1:]
    assert [(event.action, event.file, event.output) for event in reads] == [
        ("read_file", "answer.txt", "42\n")
    ]


def test_read_and_write_files_from_a_solver(tmp_path: Path) -> None:
    @solver
    def files() -> Any:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            await sandbox().write_file("deep/dir/out.bin", b"\xff\x00binary")
            await sandbox().write_file("text.txt", "text")
            state.store.set(
                "bytes", list(await sandbox().read_file("deep/dir/out.bin", text=False))
            )
            state.store.set("text", await sandbox().read_file("text.txt"))
            try:
                await sandbox().read_file("missing.txt")
            except FileNotFoundError:
                state.store.set("missing", True)
            return state

        return solve

    log = run(Task(dataset=[Sample(input="x")], solver=files(), sandbox="local"), tmp_path)
    assert log.samples is not None
    store = log.samples[0].store
    assert store["bytes"] == list(b"\xff\x00binary")
    assert store["text"] == "text" and store["missing"] is True
    events = [event for event in log.samples[0].events if event.event == "sandbox"]
    assert [(event.action, event.file) for event in events] == [
        ("write_file", "deep/dir/out.bin"),
        ("write_file", "text.txt"),
        ("read_file", "deep/dir/out.bin"),
        ("read_file", "text.txt"),
        ("read_file", "missing.txt"),
    ]
    assert events[0].input == "(8 bytes of binary data)"
    assert events[2].output == "(8 bytes of binary data)"
    assert events[-1].output is not None and events[-1].output.startswith("FileNotFoundError")


def test_exec_options_are_recorded(tmp_path: Path) -> None:
    @solver
    def options() -> Any:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            await sandbox().exec(["mkdir", "sub"])
            result = await sandbox().exec(
                ["bash", "-c", "pwd; echo $GREETING; cat"],
                input="from stdin",
                cwd="sub",
                env={"GREETING": "hello"},
                timeout=30,
            )
            state.store.set("lines", result.stdout.splitlines())
            return state

        return solve

    log = run(Task(dataset=[Sample(input="x")], solver=options(), sandbox="local"), tmp_path)
    assert log.samples is not None
    lines = log.samples[0].store["lines"]
    assert lines[0].endswith("/sub") and lines[1:] == ["hello", "from stdin"]
    event = [event for event in log.samples[0].events if event.event == "sandbox"][-1]
    assert event.options == {"cwd": "sub", "env": {"GREETING": "hello"}, "timeout": 30}
    assert event.input == "from stdin" and event.result == 0


# sandbox(): outside samples and by name ---------------------------------------------------


def test_sandbox_outside_a_sample() -> None:
    with pytest.raises(ProcessLookupError, match="No sandbox environment has been provided"):
        sandbox()


def test_task_without_sandbox_has_none(tmp_path: Path) -> None:
    log = run(
        Task(dataset=[Sample(input="x")], solver=sandbox_solver("true")),
        tmp_path,
        fail_on_error=False,
    )
    assert log.samples is not None and log.samples[0].error is not None
    assert "No sandbox environment" in log.samples[0].error.message
    assert log.eval.sandbox is None


def test_unknown_sandbox_type(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="SandboxEnvironment type 'nope' not recognized"):
        run(Task(dataset=[Sample(input="x")], sandbox="nope"), tmp_path)


# a provider of our own: the lifecycle, several environments, max_sandboxes -----------------

calls: list[tuple[str, Any]] = []
active = {"now": 0, "most": 0}


class MemorySandbox(SandboxEnvironment):
    """Files in a dict; ``exec`` understands ``cat`` and ``test -r``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.files: dict[str, bytes] = {}

    @classmethod
    async def task_init(cls, task_name: str, config: SandboxEnvironmentConfigType | None) -> None:
        calls.append(("task_init", (task_name, config)))

    @classmethod
    async def sample_init(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, metadata: dict[str, Any]
    ) -> dict[str, SandboxEnvironment]:
        calls.append(("sample_init", metadata))
        active["now"] += 1
        active["most"] = max(active["most"], active["now"])
        await asyncio.sleep(0.05)
        return {"helper": cls("helper"), "default": cls("default")}

    @classmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, SandboxEnvironment],
        interrupted: bool,
    ) -> None:
        active["now"] -= 1
        calls.append(("sample_cleanup", sorted(environments)))

    @classmethod
    async def task_cleanup(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, cleanup: bool
    ) -> None:
        calls.append(("task_cleanup", cleanup))

    async def exec(
        self,
        cmd: list[str],
        input: str | bytes | None = None,
        cwd: str | None = None,
        env: dict[str, str] = {},  # noqa: B006
        user: str | None = None,
        timeout: int | None = None,
        timeout_retry: bool = True,
        concurrency: bool = True,
    ) -> ExecResult[str]:
        if cmd[:2] == ["test", "-r"]:
            return ExecResult(cmd[2] in self.files, 0 if cmd[2] in self.files else 1, "", "")
        if cmd[0] == "cat":
            return ExecResult(True, 0, self.files[cmd[1]].decode(), "")
        return ExecResult(True, 0, "", "")

    async def write_file(self, file: str, contents: str | bytes) -> None:
        self.files[file] = contents.encode() if isinstance(contents, str) else contents

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    async def read_file(self, file: str, text: bool = True) -> str | bytes:
        if len(self.files[file]) > 100:
            raise OutputLimitExceededError("100 B", None)
        return self.files[file].decode() if text else self.files[file]


sandboxenv(name="memory")(MemorySandbox)


@solver
def use_environments() -> Any:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        default = sandbox()
        helper = sandbox("helper")
        state.store.set("default", default.as_type(MemorySandbox).name)
        state.store.set("helper_file", await helper.read_file("h.txt"))
        state.store.set("default_file", await default.read_file("d.txt"))
        found = await sandbox_with("h.txt")
        state.store.set("with", found.as_type(MemorySandbox).name if found else None)
        state.store.set("without", await sandbox_with("nowhere.txt"))
        try:
            sandbox("absent")
        except ValueError as ex:
            state.store.set("absent", str(ex))
        return state

    return solve


def test_custom_provider_lifecycle_and_named_environments(tmp_path: Path) -> None:
    calls.clear()
    samples = [
        Sample(input=str(i), metadata={"i": i}, files={"helper:h.txt": "H", "d.txt": "D"})
        for i in range(6)
    ]
    task = Task(dataset=samples, solver=use_environments(), sandbox=("memory", "config.yaml"))
    log = run(task, tmp_path, max_sandboxes=2, max_samples=6)
    assert log.status == "success", log.error
    assert log.eval.sandbox == SandboxEnvironmentSpec("memory", "config.yaml")
    assert log.eval.config.max_sandboxes == 2
    assert log.samples is not None
    store = log.samples[0].store
    assert store["default"] == "default", "the environment named default comes first"
    assert (store["helper_file"], store["default_file"]) == ("H", "D")
    assert store["with"] == "helper" and store["without"] is None
    assert store["absent"] == "SandboxEnvironment 'absent' is not a recognized environment name."
    assert calls[0] == ("task_init", (task.name, "config.yaml"))
    assert calls[-1] == ("task_cleanup", True)
    assert sorted(m["i"] for kind, m in calls if kind == "sample_init") == list(range(6))
    assert [c for c in calls if c[0] == "sample_cleanup"] == [
        ("sample_cleanup", ["default", "helper"])
    ] * 6
    assert active["most"] <= 2, "max_sandboxes limits sandboxes alive at once"


def test_sample_sandbox_and_eval_sandbox_override(tmp_path: Path) -> None:
    calls.clear()
    task = Task(
        dataset=[Sample(input="a", sandbox="memory"), Sample(input="b")],
        solver=sandbox_solver("true"),
        sandbox="local",
    )
    log = run(task, tmp_path)
    assert log.samples is not None
    pwd = {sample.id: sample.store["pwd"] for sample in log.samples}
    assert pwd[1] == "" and pwd[2].startswith(tempfile.gettempdir())
    assert [kind for kind, _ in calls] == [
        "task_init",
        "sample_init",
        "sample_cleanup",
        "task_cleanup",
    ]
    sandboxes = {sample.id: sample.sandbox for sample in log.samples}
    assert sandboxes == {1: SandboxEnvironmentSpec("memory"), 2: None}
    calls.clear()
    log = run(
        Task(dataset=[Sample(input="c")], solver=generate_nothing()), tmp_path, sandbox="memory"
    )
    assert log.eval.sandbox == SandboxEnvironmentSpec("memory")
    assert [kind for kind, _ in calls] == [
        "task_init",
        "sample_init",
        "sample_cleanup",
        "task_cleanup",
    ]


@solver
def generate_nothing() -> Any:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return state

    return solve


def test_sandboxenv_needs_a_sandbox_environment_class() -> None:
    with pytest.raises(TypeError, match="must decorate a SandboxEnvironment subclass"):
        sandboxenv(name="broken")(dict)  # type: ignore[type-var]


# running commands: limits and cancellation --------------------------------------------------


def test_output_limit_stops_the_command() -> None:
    from inspect_ai._sandbox.process import run_process

    with pytest.raises(OutputLimitExceededError) as raised:
        asyncio.run(run_process(["bash", "-c", "yes"], output_limit=1000))
    assert raised.value.truncated_output == "y\n" * 500
    assert str(raised.value) == "The output limit of 1000 bytes was exceeded."


def test_cancelling_a_command_kills_its_process_group(tmp_path: Path) -> None:
    from inspect_ai._sandbox.process import run_process

    pid_file = tmp_path / "pid"

    async def cancel() -> None:
        command = ["bash", "-c", f"sleep 100 & echo $! > {pid_file}; wait"]
        running = asyncio.create_task(run_process(command))
        while not pid_file.exists() or not pid_file.read_text().strip():
            await asyncio.sleep(0.05)
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running

    asyncio.run(cancel())
    pid = int(pid_file.read_text())
    assert not Path(f"/proc/{pid}").exists() or _zombie(pid)


def _zombie(pid: int) -> bool:
    with open(f"/proc/{pid}/stat") as stream:
        return stream.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
