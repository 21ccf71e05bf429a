"""The rich renderers: task panels, results, the Log line, conversations, connection counts."""

import io
import logging
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from inspect_ai import Task, eval
from inspect_ai._display.connection_counts import connection_counts
from inspect_ai._display.conversation import Conversations
from inspect_ai._display.display import MetricValue, TaskProfile
from inspect_ai._display.formatting import format_duration, format_metric, shorten, usage_text
from inspect_ai._display.log_location import display_location, location_link
from inspect_ai._display.results import TaskResults, task_results
from inspect_ai._display.results_panel import print_results
from inspect_ai._display.rich_display import RichDisplay
from inspect_ai._display.task_panel import TaskProgress, task_panel
from inspect_ai._event.model import ModelEvent
from inspect_ai._log.model.log import EvalLog
from inspect_ai._model.connections import ConnectionStats
from inspect_ai._model.message import ChatMessageAssistant, ChatMessageSystem, ChatMessageUser
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.call import ToolCall
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match

ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")

PROFILE = TaskProfile(
    name="security_guide", model="openai/gpt-4", dataset="security_guide",
    scorers=["model_graded_fact"], samples=16, epochs=1, log_location="/tmp/x.eval",
)  # fmt: skip


def render(renderable: RenderableType, width: int, terminal: bool = False) -> str:
    console = Console(
        file=io.StringIO(), width=width, force_terminal=terminal,
        color_system="standard" if terminal else None,
    )  # fmt: skip
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return str(output)


def render_results(results: TaskResults, width: int, max_width: int | None = None,
                   terminal: bool = False) -> str:  # fmt: skip
    console = Console(
        file=io.StringIO(), width=width, force_terminal=terminal,
        color_system="standard" if terminal else None,
    )  # fmt: skip
    print_results(console, results, max_width)
    return str(console.file.getvalue())  # type: ignore[attr-defined]


def plain(text: str) -> str:
    return ANSI.sub("", text)


def assert_fits(output: str, width: int) -> None:
    """Every line fits the width, except ``Log:`` lines (a path is never broken)."""
    for line in plain(output).splitlines():
        assert len(line) <= width or line.startswith("Log: "), line


def results(**changes: object) -> TaskResults:
    fields: dict[str, object] = dict(
        title="security_guide (16 samples)", model="openai/gpt-4", dataset="security_guide",
        scorers=["model_graded_fact"], status="success", duration="0:00:25",
        usage=[("openai/gpt-4", "18,944 tokens [10,210 + 8,734]")],
        scores=[("model_graded_fact", [MetricValue("model_graded_fact", "accuracy", 0.8125)])],
        completed=None, error=None, location="./logs/x.json", link="file:///work/logs/x.json",
    )  # fmt: skip
    fields.update(changes)
    return TaskResults(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [80, 200])
def test_task_panel_shows_the_task_progress_and_metrics(width: int) -> None:
    progress = TaskProgress(PROFILE, done=4, errors=1)
    progress.metrics = [MetricValue("model_graded_fact", "accuracy", 0.75)]
    output = render(task_panel(progress), width)
    assert_fits(output, width)
    for text in ["security_guide (16 samples)", "openai/gpt-4", "dataset: security_guide",
                 "scorer: model_graded_fact", "4/16", "25%", "1 error", "0:00:00",
                 "accuracy: 0.750"]:  # fmt: skip
        assert text in output
    assert "━" in output  # the bar


def test_static_task_panel_has_no_progress() -> None:
    output = render(task_panel(TaskProgress(PROFILE), live=False), 80)
    assert re.search(
        r"│ openai/gpt-4\s{4,}dataset: security_guide  scorer: model_graded_fact │", output
    )
    assert "0/16" not in output


def test_task_panel_counts_epochs() -> None:
    profile = TaskProfile("t", "m/x", "", [], samples=5, epochs=3, log_location="")
    output = render(task_panel(TaskProgress(profile, done=2)), 80)
    assert "t (5 samples x 3 epochs)" in output and "2/15" in output


@pytest.mark.parametrize("width", [80, 200])
def test_results_panel_lays_out_the_guide_summary(width: int) -> None:
    output = render_results(results(), width, 120)
    assert_fits(output, width)
    lines = output.splitlines()
    assert "security_guide (16 samples)" in lines[0]
    assert re.search(r"total time:\s+0:00:25\s+openai/gpt-4", output)
    assert re.search(r"openai/gpt-4\s+18,944 tokens \[10,210 \+ 8,734\]\s+dataset:", output)
    assert "scorer: model_graded_fact" in output
    assert "accuracy: 0.812" in output
    assert lines[-1] == "Log: ./logs/x.json"
    if width == 200:
        assert max(len(line) for line in lines[:-1]) == 120  # panels stop at 120 columns


def test_results_stack_when_the_model_name_is_long() -> None:
    model = "provider/a-model-with-a-rather-long-name-for-the-eighty-column-terminal"
    output = render_results(results(model=model, usage=[(model, "96 tokens [24 + 72]")]), 80)
    assert_fits(output, 80)
    assert "96 tokens [24 + 72]" in output and "scorer: model_graded_fact" in output


def test_log_line_links_to_the_file_on_a_terminal() -> None:
    output = render_results(results(), 80, terminal=True)
    assert "file:///work/logs/x.json" in output
    assert "Log: ./logs/x.json" in plain(output)


def test_error_shows_the_message_not_the_traceback() -> None:
    output = render_results(results(status="error", error="RuntimeError('boom')"), 80)
    assert "security_guide (16 samples) error" in output
    assert "Error: RuntimeError('boom')" in output
    assert "traceback is in the log file" in output
    assert "Log: ./logs/x.json" in output


def test_cancelled_says_so() -> None:
    changed = results(status="cancelled", completed="4 of 16 samples completed", scores=[])
    output = render_results(changed, 80)
    assert "cancelled" in output and "4 of 16 samples completed" in output and "Log:" in output


def test_several_scorers_are_named() -> None:
    scores = [
        ("match", [MetricValue("match", "accuracy", 1.0)]),
        ("includes", [MetricValue("includes", "accuracy", 0.5)]),
    ]
    output = render_results(results(scores=scores), 80)
    assert re.search(r"match\s+accuracy: 1.000", output)
    assert re.search(r"includes\s+accuracy: 0.500", output)


@pytest.fixture(scope="module")
def real_log(tmp_path_factory: pytest.TempPathFactory) -> EvalLog:
    task = Task(dataset=[Sample(input="1+1?", target="2")] * 3, scorer=match())
    [log] = eval(task, model="mockllm/model", display="none",
                 log_dir=str(tmp_path_factory.mktemp("logs")))  # fmt: skip
    return log


def test_task_results_from_a_log(real_log: EvalLog) -> None:
    profile = TaskProfile("task", "mockllm/model", "", ["match"], 3, 1, real_log.location)
    summary = task_results(profile, real_log)
    assert summary.status == "success" and summary.duration is not None
    assert summary.usage[0][0] == "mockllm/model"
    assert summary.usage[0][1].endswith("]") and "tokens [" in summary.usage[0][1]
    assert [name for name, _ in summary.scores] == ["match"]
    assert {value.name for value in summary.scores[0][1]} == {"accuracy", "stderr"}
    assert summary.link == Path(real_log.location).as_uri()


def test_task_results_of_an_error(real_log: EvalLog) -> None:
    from inspect_ai._event.error import EvalError

    error = EvalError(message="ValueError('bad')\n" + "x\n" * 50, traceback="tb", traceback_ansi="")
    log = real_log.model_copy(update={"status": "error", "error": error, "results": None})
    profile = TaskProfile("task", "mockllm/model", "", ["match"], 3, 1, "")
    summary = task_results(profile, log, completed=1)
    assert summary.error is not None and summary.error.startswith("ValueError('bad')")
    assert summary.error.count("\n") < 5 and "more characters" in summary.error
    assert summary.completed == "1 of 3 samples completed"


def test_log_location_relative_inside_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "logs" / "a.eval"
    assert display_location(str(inside)) == os.path.join(".", "logs", "a.eval")
    assert display_location("/elsewhere/a.eval") == "/elsewhere/a.eval"
    assert display_location("s3://bucket/a.eval") == "s3://bucket/a.eval"
    assert location_link("s3://bucket/a.eval") is None
    assert location_link(str(inside)) == inside.as_uri()


def test_conversation_prints_new_messages_and_the_reply() -> None:
    conversations = Conversations("arith")
    system = ChatMessageSystem(content="Be terse.")
    user = ChatMessageUser(content="What is 1+1?")
    reply = ChatMessageAssistant(
        content="Let me add.", tool_calls=[ToolCall(id="c1", function="add", arguments={"a": 1})]
    )
    first = ModelEvent(
        model="mockllm/model", input=[system, user], output=ModelOutput.from_content("m", "")
    )
    first.output.choices[0].message = reply
    output = render(conversations.model_call("q1", 1, first), 80)
    assert "arith · sample q1 · epoch 1 · mockllm/model" in output
    assert "Be terse." in output and "What is 1+1?" in output and "Let me add." in output
    assert 'add({"a": 1})' in output
    follow_up = ChatMessageUser(content="And 2+2?")
    second = ModelEvent(
        model="mockllm/model", input=[system, user, reply, follow_up],
        output=ModelOutput.from_content("mockllm/model", "4"),
    )  # fmt: skip
    output = render(conversations.model_call("q1", 1, second), 80)
    assert "And 2+2?" in output and "4" in output
    assert "Be terse." not in output and "What is 1+1?" not in output and "Let me add" not in output


def test_conversation_shortens_long_messages() -> None:
    event = ModelEvent(
        model="m", input=[ChatMessageUser(content="word " * 5000)],
        output=ModelOutput.from_content("m", "ok"),
    )  # fmt: skip
    output = render(Conversations("t").model_call(1, 1, event), 80)
    assert "more characters]" in output
    assert len(output) < 5000
    assert_fits(output, 80)


def test_conversation_shows_a_failed_call() -> None:
    event = ModelEvent(model="m", input=[ChatMessageUser(content="hi")], error="timed out")
    assert "timed out" in render(Conversations("t").model_call(1, 2, event), 80)


def test_connection_counts() -> None:
    pools = [ConnectionStats(max=10, label="openai/gpt-4", in_use=3, rate_limit_retries=2)]
    counts = connection_counts(pools)
    assert counts is not None
    output = render(counts, 80)
    assert "openai/gpt-4" in output and "connections: 3/10" in output
    assert "rate-limit retries: 2" in output
    assert connection_counts([]) is None


def test_live_display_draws_and_prints_results(real_log: EvalLog) -> None:
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
    display = RichDisplay(live=True, conversation=False, console=console)
    profile = TaskProfile("task", "mockllm/model", "", ["match"], 3, 1, real_log.location)
    with display.running():
        view = display.task_started(profile)
        assert view.wants_metrics and not view.wants_events
        for _ in range(3):
            view.sample_done(errored=False)
        drawn = render(display._live_renderable(), 80)
        assert "3/3" in drawn and "task (3 samples)" in drawn
        display.log_handler().handle(
            logging.LogRecord("x", logging.WARNING, "f.py", 1, "careful now", None, None)
        )
        view.finished(real_log)
        assert "task (3 samples)" not in render(display._live_renderable(), 80)
    output = plain(console.file.getvalue())  # type: ignore[attr-defined]
    assert "WARNING" in output and "careful now" in output
    assert "total time:" in output and "Log: " in output


def test_rich_display_off_a_terminal_prints_static_panels(real_log: EvalLog) -> None:
    console = Console(file=io.StringIO(), width=80, force_terminal=False)
    display = RichDisplay(live=True, conversation=False, console=console)
    profile = TaskProfile("task", "mockllm/model", "", ["match"], 3, 1, real_log.location)
    with display.running():
        view = display.task_started(profile)
        assert not view.wants_metrics
        view.sample_done(errored=False)
        view.finished(real_log)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b" not in output
    assert output.count("task (3 samples)") == 2  # the start panel and the results
    assert_fits(output, 80)


def test_formatting() -> None:
    assert format_duration(25.7) == "0:00:25"
    assert format_duration(3725) == "1:02:05"
    assert format_metric(0.8125) == "0.812"
    assert format_metric(3) == "3"
    assert format_metric(0.00012) == "0.00012"
    usage = ModelUsage(input_tokens=10210, output_tokens=8734, total_tokens=18944)
    assert usage_text(usage) == "18,944 tokens [10,210 + 8,734]"
    assert shorten("short", 10, 2) == "short"
    assert shorten("a\nb\nc", 100, 2) == "a\nb ... [2 more characters]"


def test_a_long_log_path_is_printed_whole() -> None:
    location = "./logs/" + "a-very-long-directory-name/" * 4 + "x.eval"
    output = render_results(replace(results(), location=location), 80)
    assert f"Log: {location}\n" in output
