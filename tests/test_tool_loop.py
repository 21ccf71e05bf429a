"""The tool loop of generate(): calls, results, errors, limits, events and the log."""

import asyncio
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import inspect_ai.solver
from inspect_ai import Task, eval
from inspect_ai._solver.use_tools import use_tools
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, read_eval_log
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageTool,
    ContentImage,
    ContentText,
    GenerateConfig,
    Model,
    ModelOutput,
    get_model,
)
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, TaskState, generate, solver
from inspect_ai.tool import (
    Tool,
    ToolCall,
    ToolCallContent,
    ToolCallView,
    ToolDef,
    ToolError,
    ToolFunction,
    ToolInfo,
    tool,
)
from inspect_ai.util import transcript

MOCK = "mockllm/model"


@tool
def add() -> Tool:
    async def execute(x: int, y: int) -> int:
        """Add two numbers.

        Args:
            x: First number to add.
            y: Second number to add.
        """
        return x + y

    return execute


def call_output(*calls: ToolCall, content: str = "I will use the add tool.") -> ModelOutput:
    """A model reply asking for ``calls``."""
    message = ChatMessageAssistant(content=content, tool_calls=list(calls), model=MOCK)
    output = ModelOutput.from_content(MOCK, content, stop_reason="tool_calls")
    output.choices[0].message = message
    return output


def add_call(call_id: str = "call_1", **arguments: Any) -> ToolCall:
    return ToolCall(id=call_id, function="add", arguments=arguments or {"x": 1, "y": 3})


def scripted(*first: ModelOutput) -> Model:
    """A mock model replying with ``first`` in turn, then with what the last tool said."""
    replies = list(first)

    def reply(input: list[ChatMessage], *args: Any) -> ModelOutput:
        if replies:
            return replies.pop(0)
        last = input[-1]
        if isinstance(last, ChatMessageTool):
            said = last.error.message if last.error else last.text
            return ModelOutput.from_content(MOCK, f"The answer is {said}")
        return ModelOutput.from_content(MOCK, "No tool result.")

    return get_model(MOCK, custom_outputs=reply)


def run(
    tools: list[Any], model: Model, tmp_path: Path, solver: Any = None, **kwargs: Any
) -> EvalLog:
    task = Task(
        dataset=kwargs.pop("dataset", [Sample(input="What is 1 + 3?", target="4")]),
        solver=solver or [use_tools(*tools), generate()],
        scorer=match(numeric=True),
        model=model,
        message_limit=kwargs.pop("message_limit", None),
    )
    [log] = eval(task, display="none", log_dir=str(tmp_path), **kwargs)
    return log


def only_sample(log: EvalLog) -> EvalSample:
    assert log.samples is not None and len(log.samples) == 1
    return log.samples[0]


def tool_events(sample: EvalSample) -> list[Any]:
    return [event for event in sample.events if event.event == "tool"]


def tool_messages(sample: EvalSample) -> list[ChatMessageTool]:
    return [message for message in sample.messages if isinstance(message, ChatMessageTool)]


def roles(sample: EvalSample) -> list[str]:
    return [message.role for message in sample.messages]


# the loop ---------------------------------------------------------------------------------


@pytest.mark.parametrize("log_format", ["eval", "json"])
def test_add_tool_log_matches_the_reference(tmp_path: Path, log_format: str) -> None:
    log = run([add()], scripted(call_output(add_call())), tmp_path, log_format=log_format)
    assert log.status == "success", log.error
    written = read_eval_log(log.location)
    sample = only_sample(written)
    assert roles(sample) == ["user", "assistant", "tool", "assistant"]
    [message] = tool_messages(sample)
    assert (message.tool_call_id, message.function, message.text) == ("call_1", "add", "4")
    assert message.error is None
    assert sample.output.completion == "The answer is 4"
    assert sample.scores is not None and sample.scores["match"].value == "C"

    events: list[Any] = list(sample.events)
    kinds = [(e.event, getattr(e, "type", None)) for e in events]
    generate_span = next(e for e in events if e.event == "span_begin" and e.name == "generate")
    start = kinds.index(("span_begin", "tool"))
    assert kinds[start - 1 : start + 4] == [
        ("model", None),
        ("span_begin", "tool"),
        ("tool", "function"),
        ("span_end", None),
        ("model", None),
    ]
    tool_span = events[start]
    assert (tool_span.name, tool_span.parent_id) == ("add", generate_span.id)
    [event] = tool_events(sample)
    assert event.span_id == generate_span.id
    assert (event.id, event.function, event.arguments) == ("call_1", "add", {"x": 1, "y": 3})
    assert event.result == "4"
    assert event.error is None and event.truncated is None and not event.failed
    assert event.message_id == message.id
    assert event.completed is not None and event.working_time is not None
    assert event.events == []

    model_events = [e for e in sample.events if e.event == "model"]
    assert [tool.name for tool in model_events[0].tools] == ["add"]
    assert model_events[0].tools[0] == ToolInfo.model_validate(
        {
            "name": "add",
            "description": "Add two numbers.",
            "parameters": {
                "type": "object",
                "properties": {
                    "x": {"type": "integer", "description": "First number to add."},
                    "y": {"type": "integer", "description": "Second number to add."},
                },
                "required": ["x", "y"],
                "additionalProperties": False,
            },
        }
    )
    assert model_events[0].tool_choice == "auto"
    step = written.plan.steps[0]
    assert step.solver == "use_tools"
    assert step.params == {
        "tools": [{"type": "tool", "name": "add", "params": {}}],
        "tool_choice": "auto",
        "append": False,
    }
    assert step.params_passed == {"tools": [{"type": "tool", "name": "add", "params": {}}]}
    state_changes = [e for e in sample.events if e.event == "state"]
    assert state_changes[0].changes[0].path == "/tools/0"
    assert state_changes[0].changes[0].value["name"] == "add"


def test_loop_continues_until_the_model_stops(tmp_path: Path) -> None:
    outputs = [call_output(add_call("c1")), call_output(add_call("c2", x=4, y=5))]
    sample = only_sample(run([add()], scripted(*outputs), tmp_path))
    assert roles(sample) == ["user", "assistant", "tool", "assistant", "tool", "assistant"]
    assert [m.text for m in tool_messages(sample)] == ["4", "9"]
    assert sample.output.completion == "The answer is 9"


def test_single_runs_one_round(tmp_path: Path) -> None:
    outputs = [call_output(add_call("c1")), call_output(add_call("c2"))]
    sample = only_sample(
        run([], scripted(*outputs), tmp_path, solver=[use_tools(add()), generate("single")])
    )
    assert roles(sample) == ["user", "assistant", "tool"]
    assert sample.output.completion == "I will use the add tool."


def test_none_runs_no_tool_calls(tmp_path: Path) -> None:
    sample = only_sample(
        run(
            [],
            scripted(call_output(add_call())),
            tmp_path,
            solver=[use_tools(add()), generate(tool_calls="none")],
        )
    )
    assert roles(sample) == ["user", "assistant"]
    assert sample.messages[-1].tool_calls  # type: ignore[union-attr]
    assert tool_events(sample) == []


def test_several_calls_in_one_message_answer_in_order(tmp_path: Path) -> None:
    output = call_output(add_call("a", x=1, y=1), add_call("b", x=2, y=2), add_call("c", x=3, y=3))
    sample = only_sample(run([add()], scripted(output), tmp_path))
    assert [(m.tool_call_id, m.text) for m in tool_messages(sample)] == [
        ("a", "2"),
        ("b", "4"),
        ("c", "6"),
    ]
    assert sorted(e.id for e in tool_events(sample)) == ["a", "b", "c"]


def test_forced_tool_choice_applies_to_the_first_call(tmp_path: Path) -> None:
    solver = [use_tools(add(), tool_choice=ToolFunction(name="add")), generate()]
    sample = only_sample(run([], scripted(call_output(add_call())), tmp_path, solver=solver))
    choices = [e.tool_choice for e in sample.events if e.event == "model"]
    assert choices == [ToolFunction(name="add"), "auto"]


def test_tool_results_of_every_kind(tmp_path: Path) -> None:
    image = "data:image/png;base64,iVBORw0KGgo="

    @tool
    def results() -> Tool:
        async def execute(kind: str) -> Any:
            """Return a result of some kind.

            Args:
                kind: The kind.
            """
            return {
                "float": 1.5,
                "bool": True,
                "none": None,
                "text": ContentText(text="hello"),
                "list": [ContentText(text="see"), ContentImage(image=image)],
            }[kind]

        return execute

    kinds = ["float", "bool", "none", "text", "list"]
    calls = [ToolCall(id=k, function="results", arguments={"kind": k}) for k in kinds]
    sample = only_sample(
        run([results()], scripted(call_output(*calls)), tmp_path, log_images=False)
    )
    contents = {m.tool_call_id: m.content for m in tool_messages(sample)}
    assert contents["float"] == "1.5"
    assert contents["bool"] == "True"
    assert contents["none"] == ""
    assert contents["text"] == [ContentText(text="hello")]
    assert contents["list"] == [ContentText(text="see"), ContentImage(image=image)]


def test_arguments_are_converted_to_the_parameter_types(tmp_path: Path) -> None:
    class Unit(Enum):
        CM = "cm"
        M = "m"

    class Size(BaseModel):
        width: int
        unit: Unit

    seen: list[Any] = []

    @tool
    def measure() -> Tool:
        async def execute(size: Size, unit: Unit, scale: float) -> str:
            """Measure.

            Args:
                size: The size.
                unit: The unit.
                scale: The scale.
            """
            seen.extend([size, unit, scale])
            return "ok"

        return execute

    arguments = {"size": {"width": 3, "unit": "m"}, "unit": "cm", "scale": 2}
    call = ToolCall(id="c", function="measure", arguments=arguments)
    sample = only_sample(run([measure()], scripted(call_output(call)), tmp_path))
    assert tool_messages(sample)[0].error is None
    assert seen == [Size(width=3, unit=Unit.M), Unit.CM, 2]


def test_params_from_sample_metadata(tmp_path: Path) -> None:
    @tool(params=dict(container_name="metadata.container_name"))
    def run_command() -> Tool:
        """Run a command in a container.

        Args:
            container_name (str): Name of container to run within.
            command (str): Command to run.

        Returns:
            Result of executing the command.
        """

        async def execute(container_name: str, command: str) -> str:
            return f"{container_name}$ {command}"

        return execute

    call = ToolCall(id="c", function="run_command", arguments={"command": "ls"})
    dataset = [Sample(input="List files", target="x", metadata={"container_name": "web"})]
    sample = only_sample(
        run([run_command()], scripted(call_output(call)), tmp_path, dataset=dataset)
    )
    assert tool_messages(sample)[0].text == "web$ ls"
    model_event = next(e for e in sample.events if e.event == "model")
    assert list(model_event.tools[0].parameters.properties) == ["command"]


def test_tooldef_of_a_plain_function_is_run(tmp_path: Path) -> None:
    async def shout(text: str) -> str:
        """Shout.

        Args:
            text: What to shout.
        """
        return text.upper()

    call = ToolCall(id="c", function="yell", arguments={"text": "hi"})
    definition = ToolDef(shout, name="yell")
    sample = only_sample(run([definition], scripted(call_output(call)), tmp_path))
    assert tool_messages(sample)[0].text == "HI"
    assert tool_messages(sample)[0].function == "yell"


# what the model is told when a call goes wrong ---------------------------------------------


def error_of(tmp_path: Path, call: ToolCall, tools: list[Any] | None = None) -> Any:
    """Run one bad call: the sample succeeds and the model sees the call's error."""
    log = run(tools or [add()], scripted(call_output(call)), tmp_path)
    assert log.status == "success", log.error
    sample = only_sample(log)
    assert sample.error is None
    [message] = tool_messages(sample)
    assert message.error is not None
    assert message.text == ""
    [event] = tool_events(sample)
    assert event.error == message.error
    assert not event.failed
    assert sample.output.completion == f"The answer is {message.error.message}"
    return message.error


def test_unknown_function(tmp_path: Path) -> None:
    error = error_of(tmp_path, ToolCall(id="c", function="subtract", arguments={"x": 1}))
    assert error.type == "parsing"
    assert "subtract" in error.message and "not found" in error.message


def test_bad_json_arguments(tmp_path: Path) -> None:
    call = ToolCall(id="c", function="add", arguments={}, parse_error="Expecting value: line 1")
    error = error_of(tmp_path, call)
    assert (error.type, error.message) == ("parsing", "Expecting value: line 1")


def test_missing_required_argument(tmp_path: Path) -> None:
    error = error_of(tmp_path, ToolCall(id="c", function="add", arguments={"x": 1}))
    assert error.type == "parsing"
    assert "'y' is a required argument" in error.message


def test_wrong_types(tmp_path: Path) -> None:
    call = ToolCall(id="c", function="add", arguments={"x": "one", "y": True})
    error = error_of(tmp_path, call)
    assert error.type == "parsing"
    assert "Found 2 errors" in error.message
    assert "x: 'one' is not of type integer" in error.message
    assert "y: True is not of type integer" in error.message


def test_unexpected_argument(tmp_path: Path) -> None:
    call = ToolCall(id="c", function="add", arguments={"x": 1, "y": 2, "z": 3})
    error = error_of(tmp_path, call)
    assert error.type == "parsing" and "'z' is not an argument" in error.message


def test_tool_error(tmp_path: Path) -> None:
    @tool
    def fetch() -> Tool:
        async def execute(url: str) -> str:
            """Fetch a page.

            Args:
                url: The page.
            """
            raise ToolError(f"Could not reach {url}")

        return execute

    call = ToolCall(id="c", function="fetch", arguments={"url": "http://x"})
    error = error_of(tmp_path, call, [fetch()])
    assert (error.type, error.message) == ("unknown", "Could not reach http://x")


@pytest.mark.parametrize(
    ("raised", "type"),
    [
        (TimeoutError(), "timeout"),
        (FileNotFoundError(2, "No such file or directory", "/nope"), "file_not_found"),
        (PermissionError(13, "Permission denied", "/root"), "permission"),
        (IsADirectoryError(21, "Is a directory", "/tmp"), "is_a_directory"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "unicode_decode"),
    ],
)
def test_os_errors_are_reported_to_the_model(tmp_path: Path, raised: Exception, type: str) -> None:
    @tool
    def read_file() -> Tool:
        async def execute(path: str) -> str:
            """Read a file.

            Args:
                path: The file.
            """
            raise raised

        return execute

    call = ToolCall(id="c", function="read_file", arguments={"path": "/x"})
    assert error_of(tmp_path, call, [read_file()]).type == type


def test_other_exceptions_fail_the_sample(tmp_path: Path) -> None:
    @tool
    def broken() -> Tool:
        async def execute(x: int) -> int:
            """Break.

            Args:
                x: Anything.
            """
            raise RuntimeError("tool bug")

        return execute

    call = ToolCall(id="c", function="broken", arguments={"x": 1})
    log = run([broken()], scripted(call_output(call)), tmp_path, fail_on_error=False)
    sample = only_sample(log)
    assert sample.error is not None and "tool bug" in sample.error.message
    assert not sample.scores
    [event] = tool_events(sample)
    assert event.failed is True
    assert event.error is not None and "RuntimeError: tool bug" in event.error.message
    assert roles(sample) == ["user", "assistant"]  # no tool message
    written = only_sample(read_eval_log(log.location))
    assert tool_events(written)[0].failed is True


# output limits, message limits, concurrency, nested events --------------------------------


def test_long_output_is_truncated(tmp_path: Path) -> None:
    @tool
    def dump() -> Tool:
        async def execute(n: int) -> str:
            """Dump some text.

            Args:
                n: How many characters.
            """
            return "x" * n

        return execute

    call = ToolCall(id="c", function="dump", arguments={"n": 500})
    sample = only_sample(run([dump()], scripted(call_output(call)), tmp_path, max_tool_output=100))
    [message] = tool_messages(sample)
    assert "x" * 100 in message.text and "x" * 101 not in message.text
    assert "500 bytes" in message.text
    [event] = tool_events(sample)
    assert event.truncated == (500, 100)
    assert event.result == message.text


def test_default_output_limit_is_16_kib(tmp_path: Path) -> None:
    @tool
    def dump() -> Tool:
        async def execute(n: int) -> str:
            """Dump some text.

            Args:
                n: How many characters.
            """
            return "y" * n

        return execute

    calls = [
        ToolCall(id="small", function="dump", arguments={"n": 16 * 1024}),
        ToolCall(id="big", function="dump", arguments={"n": 16 * 1024 + 1}),
    ]
    sample = only_sample(run([dump()], scripted(call_output(*calls)), tmp_path))
    truncated = {e.id: e.truncated for e in tool_events(sample)}
    assert truncated == {"small": None, "big": (16 * 1024 + 1, 16 * 1024)}


def test_message_limit_stops_the_loop_like_the_reference(tmp_path: Path) -> None:
    # the reference's message-limit-task: the model calls the tool forever, limit 6
    def forever(input: list[ChatMessage], *args: Any) -> ModelOutput:
        return call_output(add_call(f"call_{len(input)}"))

    model = get_model(MOCK, custom_outputs=forever)
    log = run([add()], model, tmp_path, message_limit=6)
    assert log.status == "success"
    sample = only_sample(log)
    assert roles(sample) == ["user", "assistant", "tool", "assistant", "tool", "assistant"]
    assert sample.limit is not None
    assert (sample.limit.type, sample.limit.limit) == ("message", 6)
    assert len(tool_events(sample)) == 3  # the third call ran; its message went past the limit
    limit_event = next(e for e in sample.events if e.event == "sample_limit")
    assert limit_event.message == "Message limit exceeded. count: 7; limit: 6"
    assert sample.output.completion == "I will use the add tool."
    assert sample.scores is not None and sample.scores["match"].value == "I"


def test_token_limit_stops_the_loop(tmp_path: Path) -> None:
    def forever(input: list[ChatMessage], *args: Any) -> ModelOutput:
        return call_output(add_call(f"call_{len(input)}"))

    model = get_model(MOCK, custom_outputs=forever)
    task = Task(
        dataset=[Sample(input="What is 1 + 3?", target="4")],
        solver=[use_tools(add()), generate()],
        model=model,
        token_limit=200,
    )
    [log] = eval(task, display="none", log_dir=str(tmp_path))
    sample = only_sample(log)
    assert sample.limit is not None and sample.limit.type == "token"


def concurrency_probe() -> tuple[list[int], Any]:
    """A tool recording how many of its calls ran at once."""
    running = [0, 0]  # now, most

    async def probe(name: str) -> str:
        """Wait a little.

        Args:
            name: A name.
        """
        running[0] += 1
        running[1] = max(running[1], running[0])
        await asyncio.sleep(0.02)
        running[0] -= 1
        return name

    return running, probe


def test_calls_run_concurrently(tmp_path: Path) -> None:
    running, probe = concurrency_probe()
    calls = [ToolCall(id=str(i), function="probe", arguments={"name": str(i)}) for i in range(3)]
    sample = only_sample(run([ToolDef(probe)], scripted(call_output(*calls)), tmp_path))
    assert running[1] == 3
    assert [m.text for m in tool_messages(sample)] == ["0", "1", "2"]


@pytest.mark.parametrize("how", ["tool", "config"])
def test_calls_run_one_at_a_time(tmp_path: Path, how: str) -> None:
    running, probe = concurrency_probe()
    calls = [ToolCall(id=str(i), function="probe", arguments={"name": str(i)}) for i in range(3)]
    definition = ToolDef(probe, parallel=False) if how == "tool" else ToolDef(probe)
    config = {"parallel_tool_calls": False} if how == "config" else {}
    sample = only_sample(run([definition], scripted(call_output(*calls)), tmp_path, **config))
    assert running[1] == 1
    assert [m.text for m in tool_messages(sample)] == ["0", "1", "2"]


def test_events_inside_a_tool_nest_in_its_span(tmp_path: Path) -> None:
    @tool
    def noisy() -> Tool:
        async def execute(note: str) -> str:
            """Note something.

            Args:
                note: The note.
            """
            transcript().info(note)
            return note

        return execute

    call = ToolCall(id="c", function="noisy", arguments={"note": "inside"})
    sample = only_sample(run([noisy()], scripted(call_output(call)), tmp_path))
    tool_span = next(e for e in sample.events if e.event == "span_begin" and e.type == "tool")
    info = next(e for e in sample.events if e.event == "info")
    assert info.span_id == tool_span.id
    assert info.data == "inside"


def test_viewer_sets_the_view_of_the_call(tmp_path: Path) -> None:
    def show(call: ToolCall) -> ToolCallView:
        content = f"{call.arguments['x']} + {call.arguments['y']}"
        return ToolCallView(call=ToolCallContent(format="text", content=content))

    call = add_call()
    sample = only_sample(run([ToolDef(add(), viewer=show)], scripted(call_output(call)), tmp_path))
    [event] = tool_events(sample)
    assert event.view is not None and event.view.content == "1 + 3"


def test_custom_solver_loop_with_generate(tmp_path: Path) -> None:
    # an agent-like solver: generate with single rounds until the model stops
    @solver
    def agent() -> Any:
        async def solve(state: TaskState, generate: Generate) -> TaskState:
            state.tools = [add()]
            for _ in range(5):
                state = await generate(state, tool_calls="single")
                if not state.output.message.tool_calls:
                    break
            return state

        return solve

    outputs = [call_output(add_call("c1")), call_output(add_call("c2", x=2, y=2))]
    sample = only_sample(run([], scripted(*outputs), tmp_path, solver=agent()))
    assert roles(sample)[-1] == "assistant"
    assert [m.text for m in tool_messages(sample)] == ["4", "4"]


def test_generate_config_passes_through(tmp_path: Path) -> None:
    seen: list[GenerateConfig] = []

    def reply(input: list[ChatMessage], tools: Any, choice: Any, config: GenerateConfig) -> Any:
        seen.append(config)
        return ModelOutput.from_content(MOCK, "done")

    solver = [use_tools(add()), generate(temperature=0.5)]
    run([], get_model(MOCK, custom_outputs=reply), tmp_path, solver=solver)
    assert seen[0].temperature == 0.5


# the guide's example ------------------------------------------------------------------


@pytest.mark.skipif(
    not hasattr(inspect_ai.solver, "use_tools"),
    reason="inspect_ai.solver does not export use_tools yet (examples/addition.py imports it)",
)
def test_addition_example(tmp_path: Path) -> None:
    path = Path(__file__).resolve().parents[1] / "examples" / "addition.py"
    [log] = eval(str(path), model=MOCK, display="none", log_dir=str(tmp_path))
    assert log.status == "success", log.error
    written = read_eval_log(log.location)
    assert written.results is not None
    assert written.results.scores[0].metrics["accuracy"].value == 1.0
    for sample in written.samples or []:
        assert roles(sample) == ["user", "assistant", "tool", "assistant"]
        assert len(tool_events(sample)) == 1
