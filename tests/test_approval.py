"""Tool call approval: policies, decisions, the built-in approvers and approval events."""

import builtins
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval
from inspect_ai.approval import (
    Approval,
    ApprovalDecision,
    ApprovalPolicy,
    Approver,
    approver,
    auto_approver,
    human_approver,
)
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, read_eval_log
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageTool,
    Model,
    ModelOutput,
    get_model,
)
from inspect_ai.scorer import match
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import Tool, ToolCall, ToolCallView, tool

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


@tool
def shout() -> Tool:
    async def execute(text: str) -> str:
        """Shout a text.

        Args:
            text: The text.
        """
        return text.upper()

    return execute


def add_call(call_id: str = "call_1", x: int = 1, y: int = 3) -> ModelOutput:
    output = ModelOutput.for_tool_call(MOCK, "add", {"x": x, "y": y}, tool_call_id=call_id)
    output.choices[0].message.content = "Let me add."
    return output


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


@approver
def fixed(decision: ApprovalDecision = "approve", explanation: str | None = None) -> Approver:
    """An approver deciding the same way on every call (and remembering what it saw)."""

    async def approve(
        message: str, call: ToolCall, view: ToolCallView, history: list[ChatMessage]
    ) -> Approval:
        seen.append((message, call, view, list(history)))
        modified = None
        if decision == "modify":
            modified = call.model_copy(update={"arguments": {"x": 10, "y": 20}})
        return Approval(decision=decision, modified=modified, explanation=explanation)

    return approve


seen: list[tuple[str, ToolCall, ToolCallView, list[ChatMessage]]] = []


@pytest.fixture(autouse=True)
def _forget_seen() -> Iterator[None]:
    seen.clear()
    yield
    seen.clear()


def run(tmp_path: Path, approval: Any, *outputs: ModelOutput, **kwargs: Any) -> EvalLog:
    task = Task(
        dataset=[Sample(input="What is 1 + 3?", target="4")],
        solver=[use_tools(add(), shout()), generate()],
        scorer=match(numeric=True),
        model=scripted(*(outputs or (add_call(),))),
        approval=kwargs.pop("task_approval", None),
    )
    [log] = eval(task, display="none", log_dir=str(tmp_path), approval=approval, **kwargs)
    assert log.status == "success", log.error
    return log


def only_sample(log: EvalLog) -> EvalSample:
    assert log.samples is not None and len(log.samples) == 1
    return log.samples[0]


def approval_events(sample: EvalSample) -> list[Any]:
    return [event for event in sample.events if event.event == "approval"]


def tool_message(sample: EvalSample) -> ChatMessageTool:
    [message] = [m for m in sample.messages if isinstance(m, ChatMessageTool)]
    return message


# decisions --------------------------------------------------------------------------------


def test_approve_runs_the_call_and_records_the_decision(tmp_path: Path) -> None:
    log = run(tmp_path, [ApprovalPolicy(fixed("approve", "fine"), "*")])
    sample = only_sample(log)
    assert tool_message(sample).text == "4" and tool_message(sample).error is None
    assert sample.output.completion == "The answer is 4"
    [event] = approval_events(sample)
    assert (event.approver, event.decision, event.explanation) == ("fixed", "approve", "fine")
    assert event.message == "Let me add."
    assert (event.call.function, event.call.arguments) == ("add", {"x": 1, "y": 3})
    assert event.view is not None and "add(x=1, y=3)" in event.view.call.content
    tool_span = next(e for e in sample.events if e.event == "span_begin" and e.type == "tool")
    assert event.span_id == tool_span.id

    message, call, _, history = seen[0]
    assert message == "Let me add." and call.function == "add"
    assert isinstance(history[-1], ChatMessageAssistant)


def test_modify_runs_the_modified_call(tmp_path: Path) -> None:
    sample = only_sample(run(tmp_path, [ApprovalPolicy(fixed("modify"), "add")]))
    assert tool_message(sample).text == "30"
    [event] = approval_events(sample)
    assert event.decision == "modify"
    assert event.modified is not None and event.modified.arguments == {"x": 10, "y": 20}


def test_reject_reports_an_approval_error_to_the_model(tmp_path: Path) -> None:
    sample = only_sample(run(tmp_path, [ApprovalPolicy(fixed("reject", "Not today."), "*")]))
    message = tool_message(sample)
    assert message.error is not None
    assert (message.error.type, message.error.message) == ("approval", "Not today.")
    assert sample.output.completion == "The answer is Not today."
    [tool_event] = [e for e in sample.events if e.event == "tool"]
    assert tool_event.error is not None and tool_event.error.type == "approval"
    assert sample.error is None


def test_escalate_passes_the_call_to_the_next_matching_policy(tmp_path: Path) -> None:
    policies = [
        ApprovalPolicy(fixed("escalate", "Ask someone else."), ["ad*"]),
        ApprovalPolicy(fixed("reject"), "shout"),
        ApprovalPolicy(auto_approver(), "*"),
    ]
    sample = only_sample(run(tmp_path, policies))
    assert tool_message(sample).text == "4"
    events = approval_events(sample)
    assert [(e.approver, e.decision) for e in events] == [
        ("fixed", "escalate"),
        ("auto", "approve"),
    ]


def test_a_call_no_policy_approves_is_rejected(tmp_path: Path) -> None:
    policies = [ApprovalPolicy(fixed("escalate"), "add"), ApprovalPolicy(auto_approver(), "shout")]
    sample = only_sample(run(tmp_path, policies))
    message = tool_message(sample)
    assert message.error is not None and message.error.type == "approval"
    assert "No approver" in message.error.message
    assert [e.decision for e in approval_events(sample)] == ["escalate", "reject"]


def test_terminate_ends_the_sample_without_error(tmp_path: Path) -> None:
    log = run(tmp_path, [ApprovalPolicy(fixed("terminate"), "*")])
    sample = only_sample(log)
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "operator"
    assert [m.role for m in sample.messages] == ["user", "assistant"]
    assert sample.scores is not None and sample.scores["match"].value == "I"
    assert [e.decision for e in approval_events(sample)] == ["terminate"]
    assert any(e.event == "sample_limit" and e.type == "operator" for e in sample.events)


def test_no_policies_means_no_approval(tmp_path: Path) -> None:
    sample = only_sample(run(tmp_path, None))
    assert tool_message(sample).text == "4"
    assert approval_events(sample) == []


def test_patterns_in_one_string_are_separated_by_commas() -> None:
    policy = ApprovalPolicy(auto_approver(), "shout, web_browser*")
    assert policy.matches("shout") and policy.matches("web_browser_go")
    assert not policy.matches("add")
    assert ApprovalPolicy(auto_approver(), ["a?d"]).matches("add")


# where the policies come from ----------------------------------------------------------------


def test_eval_approval_overrides_the_tasks(tmp_path: Path) -> None:
    log = run(
        tmp_path,
        [ApprovalPolicy(fixed("approve"), "*")],
        task_approval=[ApprovalPolicy(fixed("reject"), "*")],
    )
    assert [e.decision for e in approval_events(only_sample(log))] == ["approve"]


def test_task_approval_applies_without_an_eval_one(tmp_path: Path) -> None:
    log = run(tmp_path, None, task_approval=[ApprovalPolicy(fixed("reject"), "*")])
    assert [e.decision for e in approval_events(only_sample(log))] == ["reject"]
    assert log.eval.config.approval is not None
    assert log.eval.config.approval.approvers[0].name == "fixed"


POLICY_YAML = """
approvers:
  - name: auto
    tools: shout
    decision: reject
  - name: fixed
    tools: [add]
    decision: modify
    params:
      explanation: Bigger numbers.
  - name: auto
    tools: "*"
"""


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_policy_files_yaml_and_json(tmp_path: Path, suffix: str) -> None:
    import yaml

    data = yaml.safe_load(POLICY_YAML)
    path = tmp_path / f"approval{suffix}"
    path.write_text(json.dumps(data) if suffix == ".json" else POLICY_YAML)
    log = run(tmp_path, str(path))
    sample = only_sample(log)
    assert tool_message(sample).text == "30"
    [event] = approval_events(sample)
    assert (event.approver, event.decision, event.explanation) == (
        "fixed",
        "modify",
        "Bigger numbers.",
    )

    written = read_eval_log(log.location)
    assert written.eval.config.approval is not None
    approvers = [a.model_dump() for a in written.eval.config.approval.approvers]
    assert approvers == [
        {"name": "auto", "tools": "shout", "params": {"decision": "reject"}},
        {
            "name": "fixed",
            "tools": ["add"],
            "params": {"decision": "modify", "explanation": "Bigger numbers."},
        },
        {"name": "auto", "tools": "*", "params": {"decision": "approve"}},
    ]
    [read_back] = approval_events(only_sample(written))
    assert read_back.modified is not None and read_back.modified.arguments == {"x": 10, "y": 20}


def test_bad_policy_files_are_clear_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(FileNotFoundError, match="missing.yaml"):
        run(tmp_path, str(missing))
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("approvers:\n  - name: nobody\n    tools: '*'\n")
    with pytest.raises(ValueError, match="Unknown approver 'nobody'"):
        run(tmp_path, str(unknown))
    no_tools = tmp_path / "no_tools.yaml"
    no_tools.write_text("approvers:\n  - name: auto\n")
    with pytest.raises(ValueError, match="needs 'tools'"):
        run(tmp_path, str(no_tools))
    not_policies = tmp_path / "list.json"
    not_policies.write_text("[1, 2]")
    with pytest.raises(ValueError, match="no 'approvers' list"):
        run(tmp_path, str(not_policies))


# the human approver ---------------------------------------------------------------------


def answer_with(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Make ``input()`` answer ``answers`` in turn; returns the prompts it was given."""
    queue = list(answers)
    prompts: list[str] = []

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        if not queue:
            raise EOFError
        return queue.pop(0)

    monkeypatch.setattr(builtins, "input", fake_input)
    return prompts


def test_human_approves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prompts = answer_with(monkeypatch, "a")
    sample = only_sample(run(tmp_path, [ApprovalPolicy(human_approver(), "*")]))
    assert tool_message(sample).text == "4"
    [event] = approval_events(sample)
    assert (event.approver, event.decision) == ("human", "approve")
    assert "[a]pprove" in prompts[0] and "[t]erminate" in prompts[0]


def test_human_rejects_with_an_explanation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_with(monkeypatch, "maybe", "reject too risky")
    sample = only_sample(run(tmp_path, "human"))
    message = tool_message(sample)
    assert message.error is not None and message.error.message == "too risky"
    [event] = approval_events(sample)
    assert (event.approver, event.decision) == ("human", "reject")


def test_human_modifies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_with(monkeypatch, "m", "not json", '{"x": 5, "y": 5}')
    policies = [ApprovalPolicy(human_approver(choices=["approve", "modify"]), "add")]
    sample = only_sample(run(tmp_path, policies))
    assert tool_message(sample).text == "10"


def test_human_terminates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_with(monkeypatch, "t")
    sample = only_sample(run(tmp_path, [ApprovalPolicy(human_approver(), "*")]))
    assert sample.limit is not None and sample.limit.type == "operator"


def test_human_without_a_console_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_with(monkeypatch)
    sample = only_sample(run(tmp_path, [ApprovalPolicy(human_approver(), "*")]))
    message = tool_message(sample)
    assert message.error is not None and message.error.type == "approval"


def test_human_prompts_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    active = 0
    most = 0
    lock = threading.Lock()

    def slow_input(prompt: str = "") -> str:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        time.sleep(0.05)
        with lock:
            active -= 1
        return "a"

    monkeypatch.setattr(builtins, "input", slow_input)
    task = Task(
        dataset=[Sample(input=f"What is {i} + 3?", target=str(i + 3)) for i in range(4)],
        solver=[use_tools(add()), generate()],
        model=scripted(*[add_call(f"c{i}", x=i) for i in range(4)]),
    )
    [log] = eval(
        task,
        display="none",
        log_dir=str(tmp_path),
        approval=[ApprovalPolicy(human_approver(), "*")],
    )
    assert log.status == "success"
    assert most == 1


def test_human_approver_checks_its_choices() -> None:
    with pytest.raises(ValueError, match="invalid choices"):
        human_approver(choices=["approve", "maybe"])  # type: ignore[list-item]


TASK_FILE = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ModelOutput, get_model
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import Tool, tool


@tool
def add() -> Tool:
    async def execute(x: int, y: int) -> int:
        \"\"\"Add two numbers.

        Args:
            x: First number.
            y: Second number.
        \"\"\"
        return x + y

    return execute


@task
def adding() -> Task:
    call = ModelOutput.for_tool_call("mockllm/model", "add", {"x": 1, "y": 2})
    done = ModelOutput.from_content("mockllm/model", "Done.")
    return Task(
        dataset=[Sample(input="1 + 2?")],
        solver=[use_tools(add()), generate()],
        model=get_model("mockllm/model", custom_outputs=[call, done], memoize=False),
        approval="policy.yaml",
    )
"""


def test_a_task_files_policy_file_is_relative_to_it(tmp_path: Path) -> None:
    for name, decision in (("one", "approve"), ("two", "reject")):
        directory = tmp_path / name
        directory.mkdir()
        (directory / "adding.py").write_text(TASK_FILE)
        policy = f"approvers:\n  - name: auto\n    tools: '*'\n    decision: {decision}\n"
        (directory / "policy.yaml").write_text(policy)
    logs = eval(
        [str(tmp_path / "one" / "adding.py"), str(tmp_path / "two" / "adding.py")],
        display="none",
        log_dir=str(tmp_path / "logs"),
    )
    decisions = [[e.decision for e in approval_events(only_sample(log))] for log in logs]
    assert decisions == [["approve"], ["reject"]]
