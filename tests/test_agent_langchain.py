"""The guide's LangChain bridge (``examples/langchain_agent``), run offline with mockllm."""

import asyncio
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import eval, list_tasks
from inspect_ai.model import (
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    ModelOutput,
    get_model,
)
from inspect_ai.tool import ToolCall, ToolFunction

pytest.importorskip("langchain_core")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "langchain_agent"
MOCK = "mockllm/model"


@pytest.fixture
def bridge(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(EXAMPLE))
    import inspect_langchain

    return inspect_langchain


def test_calculator_agent_runs_on_the_inspect_model(tmp_path: Path) -> None:
    [log] = eval(str(EXAMPLE / "calculator.py"), model=MOCK, log_dir=str(tmp_path), display="none")
    assert log.status == "success", log.error
    assert log.results is not None
    assert log.results.scores[0].metrics["accuracy"].value == 1.0
    assert log.samples is not None
    sample = log.samples[0]
    assert [m.role for m in sample.messages] == ["system", "user", "assistant", "tool", "assistant"]
    call = sample.messages[2]
    assert isinstance(call, ChatMessageAssistant) and call.tool_calls is not None
    assert (call.tool_calls[0].function, call.tool_calls[0].arguments) == (
        "multiply",
        {"a": 6, "b": 7},
    )
    tool = sample.messages[3]
    assert isinstance(tool, ChatMessageTool) and tool.text == "42"
    assert sample.output.completion == "The answer is 42."
    model_events = [e for e in sample.events if e.event == "model"]
    assert len(model_events) == 2
    assert [t.name for t in model_events[0].tools] == ["multiply"]
    assert model_events[0].tools[0].parameters.required == ["a", "b"]


def test_messages_convert_both_ways(bridge: Any) -> None:
    messages = [
        ChatMessageSystem(content="Be brief."),
        ChatMessageUser(content="6 x 7?"),
        ChatMessageAssistant(
            content="Multiplying.",
            tool_calls=[ToolCall(id="c1", function="multiply", arguments={"a": 6, "b": 7})],
        ),
        ChatMessageTool(content="42", tool_call_id="c1", function="multiply"),
    ]
    converted = bridge.as_langchain_chat_history(messages)
    assert [type(m).__name__ for m in converted] == [
        "SystemMessage",
        "HumanMessage",
        "AIMessage",
        "ToolMessage",
    ]
    back = [bridge.as_inspect_message(m) for m in converted]
    assert [(m.role, m.text) for m in back] == [(m.role, m.text) for m in messages]
    assert back[2].tool_calls == messages[2].tool_calls
    assert (back[3].tool_call_id, back[3].function) == ("c1", "multiply")


def test_tool_choice(bridge: Any) -> None:
    assert bridge.as_tool_choice("auto", True) == "auto"
    assert bridge.as_tool_choice("any", True) == "any"
    assert bridge.as_tool_choice("multiply", True) == ToolFunction(name="multiply")
    forced = {"type": "function", "function": {"name": "multiply"}}
    assert bridge.as_tool_choice(forced, True) == ToolFunction(name="multiply")
    assert bridge.as_tool_choice("auto", False) is None


def test_chat_model_calls_the_given_model(bridge: Any) -> None:
    from langchain_core.messages import HumanMessage

    model = get_model(
        MOCK, custom_outputs=[ModelOutput.from_content(MOCK, "Hello!")], memoize=False
    )
    llm = bridge.InspectChatModel(model=model)
    reply = asyncio.run(llm.ainvoke([HumanMessage("Hi")]))
    assert reply.content == "Hello!"
    assert [m.role for m in llm.messages] == ["user", "assistant"]
    assert llm.output is not None and llm.output.completion == "Hello!"
    with pytest.raises(NotImplementedError):
        llm.invoke([HumanMessage("Hi")])


def test_the_guides_wikipedia_task_is_listed() -> None:
    names = [info.name for info in list_tasks(str(EXAMPLE))]
    assert sorted(names) == ["calculator", "wikipedia"]
