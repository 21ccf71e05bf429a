"""``basic_agent()``: the tool loop until submission, attempts, continue messages, limits."""

from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, read_eval_log
from inspect_ai.model import (
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    ModelOutput,
    get_model,
)
from inspect_ai.scorer import Score, Target, accuracy, includes, match, scorer
from inspect_ai.solver import TaskState, basic_agent, system_message
from inspect_ai.tool import Tool, tool

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


def submit(answer: str, call_id: str = "submit_1") -> ModelOutput:
    return ModelOutput.for_tool_call(MOCK, "submit", {"answer": answer}, tool_call_id=call_id)


def add_call(x: int, y: int, call_id: str = "add_1") -> ModelOutput:
    return ModelOutput.for_tool_call(MOCK, "add", {"x": x, "y": y}, tool_call_id=call_id)


def text(content: str) -> ModelOutput:
    return ModelOutput.from_content(MOCK, content)


def run(
    tmp_path: Path, outputs: list[ModelOutput], agent: Any, scorer: Any = None, **kwargs: Any
) -> EvalLog:
    task = Task(
        dataset=[Sample(input="What is 1 + 3?", target="4")],
        solver=agent,
        scorer=scorer or match(numeric=True),
        model=get_model(MOCK, custom_outputs=outputs, memoize=False),
        message_limit=kwargs.pop("task_message_limit", None),
    )
    [log] = eval(task, display="none", log_dir=str(tmp_path), **kwargs)
    assert log.status == "success", log.error
    return log


def only_sample(log: EvalLog) -> EvalSample:
    assert log.samples is not None and len(log.samples) == 1
    return log.samples[0]


def user_texts(sample: EvalSample) -> list[str]:
    return [m.text for m in sample.messages if isinstance(m, ChatMessageUser)]


def test_correct_on_the_first_try(tmp_path: Path) -> None:
    log = run(tmp_path, [add_call(1, 3), submit("4")], basic_agent(tools=[add()]))
    sample = only_sample(log)
    roles = [m.role for m in sample.messages]
    assert roles == ["system", "user", "assistant", "tool", "assistant", "tool"]
    assert isinstance(sample.messages[0], ChatMessageSystem)
    assert "call the submit() tool" in sample.messages[0].text
    tools = [m for m in sample.messages if isinstance(m, ChatMessageTool)]
    assert [(t.function, t.text) for t in tools] == [("add", "4"), ("submit", "4")]
    assert sample.output.completion == "4"
    assert sample.scores is not None and sample.scores["match"].value == "C"
    assert sample.limit is None

    written = read_eval_log(log.location)
    assert [step.solver for step in written.plan.steps] == [
        "system_message",
        "use_tools",
        "submit_tool",
        "basic_agent_loop",
    ]
    model_event = next(e for e in only_sample(written).events if e.event == "model")
    assert [t.name for t in model_event.tools] == ["add", "submit"]
    assert not [e for e in only_sample(written).events if e.event == "score" and e.intermediate]


def test_incorrect_then_correct_with_two_attempts(tmp_path: Path) -> None:
    outputs = [submit("5", "s1"), submit("4", "s2")]
    log = run(tmp_path, outputs, basic_agent(tools=[add()], max_attempts=2))
    sample = only_sample(log)
    assert user_texts(sample)[-1].startswith("Your submission was incorrect")
    assert sample.output.completion == "4"
    assert sample.scores is not None and sample.scores["match"].value == "C"
    intermediate = [e for e in sample.events if e.event == "score" and e.intermediate]
    assert [(e.score.value, e.scorer) for e in intermediate] == [("I", "match")]


def test_attempts_run_out(tmp_path: Path) -> None:
    outputs = [submit("5", "s1"), submit("6", "s2"), submit("4", "s3")]
    sample = only_sample(run(tmp_path, outputs, basic_agent(max_attempts=2)))
    assert sample.output.completion == "6"
    assert sample.scores is not None and sample.scores["match"].value == "I"
    assert len([m for m in sample.messages if isinstance(m, ChatMessageTool)]) == 2


def test_incorrect_message_function(tmp_path: Path) -> None:
    def incorrect(state: TaskState, scores: list[Score]) -> str:
        return f"Wrong ({scores[0].value}), {len(state.messages)} messages so far."

    agent = basic_agent(max_attempts=3, incorrect_message=incorrect)
    sample = only_sample(run(tmp_path, [submit("5", "s1"), submit("4", "s2")], agent))
    assert "Wrong (I), 4 messages so far." in user_texts(sample)


def test_score_value_decides_what_is_correct(tmp_path: Path) -> None:
    @scorer(metrics=[accuracy()])
    def length() -> Any:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=len(state.output.completion))

        return score

    agent = basic_agent(max_attempts=3, score_value=lambda value: float(value == 3))
    sample = only_sample(
        run(tmp_path, [submit("ab", "s1"), submit("abc", "s2")], agent, scorer=length())
    )
    assert sample.output.completion == "abc"
    assert len(user_texts(sample)) == 2


def test_continue_message_when_no_tool_is_called(tmp_path: Path) -> None:
    outputs = [text("Let me think."), submit("4")]
    agent = basic_agent(continue_message="Keep going!", init=system_message("Be an agent."))
    sample = only_sample(run(tmp_path, outputs, agent))
    assert user_texts(sample) == ["What is 1 + 3?", "Keep going!"]
    assert sample.messages[0].text == "Be an agent."
    assert sample.output.completion == "4"


def test_message_limit_ends_the_sample(tmp_path: Path) -> None:
    outputs = [add_call(1, 1, f"a{i}") for i in range(10)]
    sample = only_sample(run(tmp_path, outputs, basic_agent(tools=[add()], message_limit=5)))
    assert sample.limit is not None
    assert (sample.limit.type, sample.limit.limit) == ("message", 5)
    assert len(sample.messages) == 5
    assert sample.error is None and sample.scores is not None


def test_task_message_limit_applies_too(tmp_path: Path) -> None:
    outputs = [text("Hmm.") for _ in range(10)]
    sample = only_sample(run(tmp_path, outputs, basic_agent(), task_message_limit=4))
    assert sample.limit is not None and sample.limit.type == "message"
    assert len(sample.messages) <= 5


def test_custom_submit_tool(tmp_path: Path) -> None:
    outputs = [ModelOutput.for_tool_call(MOCK, "answer", {"answer": "4"})]
    agent = basic_agent(submit_name="answer", submit_description="Give your answer.")
    log = run(tmp_path, outputs, agent, scorer=includes())
    sample = only_sample(log)
    assert sample.output.completion == "4"
    assert "call the answer() tool" in sample.messages[0].text
    model_event = next(e for e in sample.events if e.event == "model")
    assert [(t.name, t.description) for t in model_event.tools] == [("answer", "Give your answer.")]


def test_max_attempts_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        basic_agent(max_attempts=0)


def test_score_outside_a_task_is_an_error() -> None:
    import asyncio

    from inspect_ai.scorer import score

    state = TaskState(MOCK, 1, 1, "hi", [ChatMessageUser(content="hi")])
    with pytest.raises(RuntimeError, match="scorers"):
        asyncio.run(score(state))
