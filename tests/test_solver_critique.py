"""The ``self_critique()`` solver."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_ai._model.get_model import set_active_model
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant, ChatMessageUser
from inspect_ai._model.model import Model
from inspect_ai._model.output import ModelOutput
from inspect_ai._registry.registry import registry_params
from inspect_ai._solver.critique import (
    DEFAULT_CRITIQUE_COMPLETION_TEMPLATE,
    DEFAULT_CRITIQUE_TEMPLATE,
    self_critique,
)
from inspect_ai._solver.state import TaskState

from .test_solver_support import FakeGenerate, make_state, mock_model, run_solver


class RecordingModel:
    """Wraps a model, recording the inputs it was asked to generate from."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.inputs: list[str | list[ChatMessage]] = []
        original = model.generate

        async def generate(
            input: str | list[ChatMessage], *args: object, **kwargs: object
        ) -> ModelOutput:
            self.inputs.append(input)
            return await original(input, *args, **kwargs)  # type: ignore[arg-type]

        model.generate = generate  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def no_active_model() -> Iterator[None]:
    set_active_model(None)
    yield
    set_active_model(None)


def answered_state() -> TaskState:
    """A sample already answered once by the model."""
    state = make_state("Where was the ball at the beginning?", metadata={"topic": "tom"})
    state.messages.append(ChatMessageAssistant(content="In the box."))
    state.output = ModelOutput.from_content("mockllm/model", "In the box.")
    return state


def test_critique_uses_active_model_and_regenerates() -> None:
    critic = RecordingModel(mock_model("The answer ignores the basket."))
    set_active_model(critic.model)
    generate = FakeGenerate("ANSWER: In the basket.")
    state = run_solver(self_critique(), answered_state(), generate)

    assert len(critic.inputs) == 1
    prompt = critic.inputs[0]
    assert isinstance(prompt, str)
    assert "Where was the ball at the beginning?" in prompt
    assert "In the box." in prompt

    assert len(generate.calls) == 1
    replay = generate.seen[0][-1]
    assert isinstance(replay, ChatMessageUser)
    assert "The answer ignores the basket." in replay.text
    assert "Where was the ball at the beginning?" in replay.text
    assert "In the box." in replay.text

    assert [m.role for m in state.messages] == ["user", "assistant", "user", "assistant"]
    assert state.output.completion == "ANSWER: In the basket."


def test_critique_model_resolved_at_run_time() -> None:
    solver = self_critique()  # created before any model is active
    critic = RecordingModel(mock_model("fine"))
    set_active_model(critic.model)
    run_solver(solver, answered_state(), FakeGenerate("again"))
    assert len(critic.inputs) == 1


def test_explicit_critique_model() -> None:
    evaluated = RecordingModel(mock_model("should not be used"))
    set_active_model(evaluated.model)
    critic = RecordingModel(mock_model("critique from the other model"))
    generate = FakeGenerate("better")
    run_solver(self_critique(model=critic.model), answered_state(), generate)
    assert evaluated.inputs == []
    assert len(critic.inputs) == 1
    assert "critique from the other model" in generate.seen[0][-1].text


def test_critique_model_by_name() -> None:
    generate = FakeGenerate("better")
    state = run_solver(self_critique(model="mockllm/model"), answered_state(), generate)
    assert "Default output from mockllm/model" in generate.seen[0][-1].text
    assert state.output.completion == "better"


def test_custom_templates(tmp_path: Path) -> None:
    path = tmp_path / "completion.txt"
    path.write_text("Q={question} A={completion} C={critique} T={topic} U={unknown}", "utf-8")
    critic = RecordingModel(mock_model("meh"))
    generate = FakeGenerate("ok")
    solver = self_critique(
        critique_template="Critique [{question}] -> [{completion}] ({topic})",
        completion_template=str(path),
        model=critic.model,
    )
    run_solver(solver, answered_state(), generate)
    assert critic.inputs == [
        "Critique [Where was the ball at the beginning?] -> [In the box.] (tom)"
    ]
    assert generate.seen[0][-1].text == (
        "Q=Where was the ball at the beginning? A=In the box. C=meh T=tom U={unknown}"
    )


def test_default_templates_have_placeholders() -> None:
    for name in ("{question}", "{completion}"):
        assert name in DEFAULT_CRITIQUE_TEMPLATE
        assert name in DEFAULT_CRITIQUE_COMPLETION_TEMPLATE
    assert "{critique}" in DEFAULT_CRITIQUE_COMPLETION_TEMPLATE


def test_registered_params() -> None:
    params = registry_params(self_critique())
    assert params == {"critique_template": None, "completion_template": None, "model": None}
