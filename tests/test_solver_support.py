"""Helpers for solver tests (a fake ``generate`` over mockllm), and tests of the helpers."""

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any, Literal, TypeVar

from inspect_ai._model.get_model import get_model
from inspect_ai._model.message import ChatMessage, ChatMessageUser
from inspect_ai._model.model import Model
from inspect_ai._model.output import ModelOutput
from inspect_ai._solver.solver import Generate, Solver
from inspect_ai._solver.state import TaskState

T = TypeVar("T")


def mock_model(*replies: str) -> Model:
    """A fresh mockllm model answering ``replies`` in turn."""
    outputs = [ModelOutput.from_content("mockllm/model", reply) for reply in replies]
    return get_model("mockllm/model", custom_outputs=outputs, memoize=False)


def make_state(
    prompt: str = "What is the capital of France?",
    *,
    messages: Sequence[ChatMessage] | None = None,
    choices: Sequence[str] | None = None,
    target: str | list[str] = "",
    metadata: dict[str, Any] | None = None,
) -> TaskState:
    """A task state for sample 1, epoch 1, whose conversation is the prompt."""
    return TaskState(
        model="mockllm/model",
        sample_id=1,
        epoch=1,
        input=prompt,
        messages=list(messages) if messages is not None else [ChatMessageUser(content=prompt)],
        target=target,
        choices=choices,
        metadata=metadata,
    )


class FakeGenerate:
    """A ``generate`` that calls a mockllm model and records the options it was given."""

    def __init__(self, *replies: str) -> None:
        self.model = mock_model(*replies)
        self.calls: list[dict[str, Any]] = []
        self.seen: list[list[ChatMessage]] = []

    async def __call__(
        self,
        state: TaskState,
        tool_calls: Literal["loop", "single", "none"] = "loop",
        **kwargs: Any,
    ) -> TaskState:
        self.calls.append({"tool_calls": tool_calls, **kwargs})
        self.seen.append([message.model_copy(deep=True) for message in state.messages])
        output = await self.model.generate(state.messages)
        state.messages.append(output.message)
        state.output = output
        return state


def run(awaitable: Awaitable[T]) -> T:
    """Run a coroutine to completion."""

    async def wait() -> T:
        return await awaitable

    return asyncio.run(wait())


def run_solver(solver: Solver, state: TaskState, generate: Generate) -> TaskState:
    """Run one solver on ``state``."""
    return run(solver(state, generate))


def test_fake_generate_appends_reply_and_records_options() -> None:
    generate = FakeGenerate("Paris")
    state = run(generate(make_state(), max_tokens=5))
    assert state.output.completion == "Paris"
    assert [m.role for m in state.messages] == ["user", "assistant"]
    assert generate.calls == [{"tool_calls": "loop", "max_tokens": 5}]
    assert [m.text for m in generate.seen[0]] == ["What is the capital of France?"]


def test_mock_models_are_independent() -> None:
    first, second = mock_model("one"), mock_model("one")
    assert first is not second
    assert run(first.generate("hi")).completion == "one"
    assert run(second.generate("hi")).completion == "one"
