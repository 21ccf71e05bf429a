"""bash() and python(): run in the sample's sandbox, end to end through eval() and the log;
and the guide's list_files() example (a tool running subprocess())."""

import base64
import os
import time
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, SandboxEvent, ToolEvent, read_eval_log
from inspect_ai.model import ChatMessageTool, ModelOutput, get_model
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import ToolCall, bash, python

MOCK = "mockllm/model"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


# helpers ------------------------------------------------------------------------------


def call(tool: str, number: int, **arguments: Any) -> ModelOutput:
    """A model reply asking for one call of ``tool``."""
    return ModelOutput.for_tool_call(MOCK, tool, arguments, tool_call_id=f"call_{number}")


def run(task: Task, tmp_path: Path, outputs: list[ModelOutput], **kwargs: Any) -> EvalLog:
    """``task`` against a mockllm replying ``outputs`` then "done"; returns the log."""
    replies = [*outputs, ModelOutput.from_content(MOCK, "done")]
    model = get_model(MOCK, custom_outputs=replies)
    logs = eval(task, model=model, log_dir=str(tmp_path / "logs"), display="none", **kwargs)
    assert len(logs) == 1
    return logs[0]


def logged_sample(log: EvalLog) -> EvalSample:
    """The log's only sample, as read back from the file."""
    assert log.location
    written = read_eval_log(log.location)
    assert written.samples is not None and len(written.samples) == 1
    return written.samples[0]


def tool_messages(sample: EvalSample) -> list[ChatMessageTool]:
    return [message for message in sample.messages if isinstance(message, ChatMessageTool)]


def sandbox_events(sample: EvalSample) -> list[SandboxEvent]:
    return [event for event in sample.events if isinstance(event, SandboxEvent)]


def tool_task(*tools: Any, **sample: Any) -> Task:
    return Task(
        dataset=[Sample(input="Use the tools.", **sample)],
        solver=[use_tools(*tools), generate()],
        sandbox="local",
    )


# end to end -----------------------------------------------------------------------------


@pytest.mark.parametrize("log_format", ["eval", "json"])
def test_bash_and_python_in_a_local_sandbox_with_files_and_setup(
    tmp_path: Path, log_format: str
) -> None:
    source = tmp_path / "source.txt"
    source.write_text("copied from a file\n")
    files = {
        "greeting.txt": "hello from contents\n",
        "notes/a.txt": "data:text/plain;base64," + base64.b64encode(b"from a data uri\n").decode(),
        "from_file.txt": str(source),
    }
    setup = "mkdir -p work && echo ready > work/state.txt"
    task = tool_task(bash(), python(), files=files, setup=setup)
    outputs = [
        call("bash", 1, cmd="cat greeting.txt notes/a.txt from_file.txt work/state.txt; pwd"),
        call("python", 2, code="import os\nprint(sorted(os.listdir('.')))"),
        call("bash", 3, cmd="echo to-stdout; echo failed >&2; exit 3"),
        call("python", 4, code="raise SystemExit('boom')"),
    ]
    log = run(task, tmp_path, outputs, log_format=log_format)
    assert log.status == "success", log.error
    sample = logged_sample(log)
    assert sample.error is None
    cat, listing, failed, boom = (message.text for message in tool_messages(sample))
    lines = cat.splitlines()
    assert lines[:4] == ["hello from contents", "from a data uri", "copied from a file", "ready"]
    directory = lines[4]
    assert listing.strip() == "['from_file.txt', 'greeting.txt', 'notes', 'work']"
    assert failed.splitlines() == ["failed", "to-stdout"]  # stderr first on a non-zero exit
    assert boom.strip() == "boom"
    assert all(message.error is None for message in tool_messages(sample))
    assert not os.path.exists(directory), "the sandbox directory was removed"
    assert log.eval.sandbox is not None and log.eval.sandbox.type == "local"
    assert sample.files == list(files) and sample.setup == setup


def test_sandbox_events_are_recorded_in_the_transcript(tmp_path: Path) -> None:
    task = tool_task(bash(), python(), files={"a.txt": "A"}, setup="echo set up")
    outputs = [call("bash", 1, cmd="cat a.txt"), call("python", 2, code="print(6 * 7)")]
    sample = logged_sample(run(task, tmp_path, outputs))
    events = sandbox_events(sample)
    assert [event.action for event in events] == ["write_file", "exec", "exec", "exec"]
    write, setup, cat, python_run = events
    assert (write.file, write.input) == ("a.txt", "A")
    assert (setup.cmd, setup.result, setup.output) == ("bash -c 'echo set up'", 0, "set up\n")
    assert (cat.cmd, cat.result, cat.output) == ("bash --login -c 'cat a.txt'", 0, "A")
    assert (python_run.cmd, python_run.input, python_run.output) == (
        "python3",
        "print(6 * 7)",
        "42\n",
    )
    assert all(event.completed is not None for event in events)
    assert all(event.completed >= event.timestamp for event in events if event.completed)
    # the tool's events are inside its tool span; setup's in the sample's sandbox span
    spans = {event.id: event for event in sample.events if event.event == "span_begin"}
    assert spans[cat.span_id].type == "tool" and spans[cat.span_id].name == "bash"
    assert spans[setup.span_id].name == "sandbox" and spans[setup.span_id].type == "init"
    # the sample_init event names the files without their contents
    init = next(event for event in sample.events if event.event == "sample_init")
    assert init.sample.files == {"a.txt": ""}


# timeouts -------------------------------------------------------------------------------


def test_bash_timeout_kills_the_command_and_reports_a_timeout(tmp_path: Path) -> None:
    pid_file = tmp_path / "sleep.pid"
    command = f"sleep 100 & echo $! > {pid_file}; wait"
    task = tool_task(bash(timeout=2))
    started = time.monotonic()
    log = run(task, tmp_path, [call("bash", 1, cmd=command)])
    print(f"\nbash(timeout=2) running `sleep 100`: eval took {time.monotonic() - started:.2f} s")
    assert log.status == "success", log.error
    sample = logged_sample(log)
    (message,) = tool_messages(sample)
    assert message.error is not None and message.error.type == "timeout"
    (tool_event,) = [event for event in sample.events if isinstance(event, ToolEvent)]
    assert tool_event.error is not None and tool_event.error.type == "timeout"
    (exec_event,) = sandbox_events(sample)
    assert exec_event.result is None
    assert exec_event.output == "TimeoutError: Command timed out after 2 seconds."
    assert sample.messages[-1].text == "done", "the model got the error and carried on"
    assert not _running(int(pid_file.read_text())), "the command's children were killed"


def test_python_timeout(tmp_path: Path) -> None:
    task = tool_task(python(timeout=1))
    log = run(task, tmp_path, [call("python", 1, code="import time\ntime.sleep(100)")])
    (message,) = tool_messages(logged_sample(log))
    assert message.error is not None and message.error.type == "timeout"


def _running(pid: int) -> bool:
    """Whether process ``pid`` is alive (waits a little for the system to reap it)."""
    for _ in range(50):
        try:
            with open(f"/proc/{pid}/stat") as stream:
                state = stream.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return False
        if state in ("Z", "X"):
            return False
        time.sleep(0.1)
    return True


# errors ---------------------------------------------------------------------------------


def test_output_over_the_limit_is_a_tool_error(tmp_path: Path) -> None:
    command = "head -c 11000000 /dev/zero | tr '\\0' a"
    log = run(tool_task(bash()), tmp_path, [call("bash", 1, cmd=command)])
    (message,) = tool_messages(logged_sample(log))
    assert message.error is not None
    assert message.error.message == "The tool output limit of 10 MiB was exceeded."


def test_bash_without_a_sandbox_is_a_sample_error(tmp_path: Path) -> None:
    task = Task(dataset=[Sample(input="x")], solver=[use_tools(bash()), generate()])
    log = run(task, tmp_path, [call("bash", 1, cmd="ls")], fail_on_error=False)
    sample = logged_sample(log)
    assert sample.error is not None
    assert "No sandbox environment has been provided" in sample.error.message


def test_user_is_not_supported_by_the_local_sandbox(tmp_path: Path) -> None:
    task = tool_task(bash(user="nobody"))
    log = run(task, tmp_path, [call("bash", 1, cmd="id")], fail_on_error=False)
    sample = logged_sample(log)
    assert sample.error is not None
    assert "runs commands as the current user (cannot run as 'nobody')" in sample.error.message


# the tools as the model sees them ------------------------------------------------------


def test_tool_descriptions_and_views() -> None:
    from inspect_ai._tool.describe import tool_spec

    bash_spec, python_spec = tool_spec(bash()), tool_spec(python())
    assert bash_spec.name == "bash" and list(bash_spec.parameters.properties) == ["cmd"]
    assert bash_spec.description == "Use this function to execute bash commands."
    assert python_spec.name == "python" and list(python_spec.parameters.properties) == ["code"]
    assert python_spec.description.startswith("Use the python function to execute Python code.")
    assert bash_spec.viewer is not None and python_spec.viewer is not None
    view = bash_spec.viewer(ToolCall(id="1", function="bash", arguments={"cmd": "ls -la"}))
    assert view.call is not None and view.call.content == "```bash\nls -la\n```\n"
    view = python_spec.viewer(ToolCall(id="1", function="python", arguments={"code": "print(1)"}))
    assert view.call is not None and view.call.format == "markdown"
    assert view.call.content == "```python\nprint(1)\n```\n"


# 5.3 Subprocesses: list_files() -------------------------------------------------------------


def test_list_files_example(tmp_path: Path) -> None:
    example = str(EXAMPLES / "tools/list_files.py")
    logs = eval(example, model=MOCK, log_dir=str(tmp_path), display="none")
    log = logs[0]
    assert log.status == "success", log.error
    sample = logged_sample(log)
    (message,) = tool_messages(sample)
    assert message.function == "list_files" and message.error is None
    assert set(message.text.splitlines()) == set(os.listdir("/usr/local/bin"))
    present = "python3" in os.listdir("/usr/local/bin")
    assert sample.output.completion == ("Yes" if present else "No")
    assert sample.scores is not None
    assert sample.scores["includes"].value == ("C" if present else "I")
