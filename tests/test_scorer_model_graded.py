"""model_graded_qa() and model_graded_fact(): templates, grades, partial credit, graders."""

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspect_ai._model.get_model import get_model, set_active_model
from inspect_ai._model.model import Model
from inspect_ai._solver.state import TaskState
from inspect_ai.model import ChatMessage, ChatMessageAssistant, ChatMessageUser, ModelOutput
from inspect_ai.scorer import (
    CORRECT,
    INCORRECT,
    PARTIAL,
    Score,
    Scorer,
    model_graded_fact,
    model_graded_qa,
)


class Grader:
    """A mockllm grader replying with canned texts, recording the prompts it got."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.prompts: list[str] = []
        self.model = get_model("mockllm/model", custom_outputs=self._reply, memoize=False)

    def _reply(self, input: list[ChatMessage], *_: Any) -> ModelOutput:
        self.prompts.append(input[-1].text)
        return ModelOutput.from_content("mockllm/model", self.replies.pop(0))


def make_state(completion: str = "It is Paris.", target: str = "Paris") -> TaskState:
    state = TaskState(
        model="mockllm/model",
        sample_id=1,
        epoch=1,
        input="What is the capital of France?",
        messages=[ChatMessageUser(content="What is the capital of France?")],
        target=target,
        metadata={"topic": "geography"},
    )
    state.output = ModelOutput.from_content("mockllm/model", completion)
    state.messages.append(state.output.message)
    return state


def score(scorer: Scorer, state: TaskState | None = None) -> Score:
    state = state or make_state()
    result = asyncio.run(scorer(state, state.target))
    assert result is not None
    return result


@pytest.fixture
def active_model() -> Iterator[None]:
    yield
    set_active_model(None)


def test_qa_grade_correct_with_answer_explanation_and_grading_metadata() -> None:
    grader = Grader("The submission names Paris.\n\nGRADE: C")
    result = score(model_graded_qa(model=grader.model))
    assert result.value == CORRECT
    assert result.answer == "It is Paris."
    assert result.explanation == "The submission names Paris.\n\nGRADE: C"
    assert result.metadata is not None
    grading = result.metadata["grading"]
    assert [message.role for message in grading] == ["user", "assistant"]
    prompt = grader.prompts[0]
    assert "What is the capital of France?" in prompt
    assert "It is Paris." in prompt and "Paris" in prompt
    assert "GRADE: $LETTER" in prompt
    json.dumps(result.model_dump(mode="json"))  # the grading messages serialise


def test_qa_grade_incorrect_and_last_grade_wins() -> None:
    grader = Grader("I must reply with GRADE: C or GRADE: I. It is wrong.\nGRADE: I")
    assert score(model_graded_qa(model=grader.model)).value == INCORRECT


def test_grade_is_case_insensitive() -> None:
    assert score(model_graded_fact(model=Grader("grade: c").model)).value == CORRECT


def test_no_grade_found_is_incorrect() -> None:
    result = score(model_graded_qa(model=Grader("I cannot decide.").model))
    assert result.value == INCORRECT
    assert result.explanation is not None and "Grade not found" in result.explanation


def test_partial_credit() -> None:
    with_partial = Grader("Half right.\nGRADE: P")
    result = score(model_graded_qa(partial_credit=True, model=with_partial.model))
    assert result.value == PARTIAL
    assert "P if it is partially" in with_partial.prompts[0]
    without = Grader("Half right.\nGRADE: P")
    assert score(model_graded_qa(model=without.model)).value == INCORRECT
    assert "partially" not in without.prompts[0]


def test_fact_template_uses_expert_answer() -> None:
    grader = Grader("GRADE: C")
    score(model_graded_fact(model=grader.model), make_state("Paris it is", "Paris"))
    prompt = grader.prompts[0]
    assert "[Expert]: Paris" in prompt and "[Submission]: Paris it is" in prompt


def test_custom_template_with_only_the_guide_placeholders() -> None:
    template = "Q: {question}\nA: {answer}\nC: {criterion}\nReply Grade: C or Grade: I"
    grader = Grader("Grade: C")
    assert score(model_graded_qa(template=template, model=grader.model)).value == CORRECT
    assert grader.prompts[0] == (
        "Q: What is the capital of France?\nA: It is Paris.\nC: Paris\nReply Grade: C or Grade: I"
    )


def test_template_may_use_metadata_and_instructions() -> None:
    template = "{topic}: {question} / {answer} ({instructions})"
    grader = Grader("GRADE: C")
    score(model_graded_qa(template=template, instructions="say GRADE", model=grader.model))
    assert (
        grader.prompts[0] == "geography: What is the capital of France? / It is Paris. (say GRADE)"
    )


def test_template_with_unknown_placeholder_fails_clearly() -> None:
    with pytest.raises(ValueError, match="nonsense"):
        score(model_graded_qa(template="{nonsense}", model=Grader("GRADE: C").model))


def test_template_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "template.txt"
    path.write_text("FILE {question} -> {answer}")
    grader = Grader("GRADE: C")
    score(model_graded_qa(template=str(path), model=grader.model))
    assert grader.prompts[0] == "FILE What is the capital of France? -> It is Paris."


def test_custom_grade_pattern() -> None:
    grader = Grader("Verdict=correct")
    scorer = model_graded_qa(grade_pattern=r"Verdict=(c)orrect", model=grader.model)
    assert score(scorer).value == CORRECT


def test_grader_list_majority_vote() -> None:
    graders = [Grader("GRADE: I"), Grader("GRADE: C"), Grader("GRADE: C")]
    result = score(model_graded_qa(model=[grader.model for grader in graders]))
    assert result.value == CORRECT
    assert result.metadata is not None and len(result.metadata["grading"]) == 6
    graders = [Grader("GRADE: I"), Grader("no grade"), Grader("GRADE: I")]
    assert score(model_graded_qa(model=[grader.model for grader in graders])).value == INCORRECT


def test_include_history() -> None:
    grader = Grader("GRADE: C")
    state = make_state()
    state.messages.insert(1, ChatMessageAssistant(content="Let me think."))
    state.messages.insert(2, ChatMessageUser(content="Go on."))
    score(model_graded_qa(include_history=True, model=grader.model), state)
    prompt = grader.prompts[0]
    assert "User: What is the capital of France?" in prompt
    assert "Assistant: Let me think." in prompt and "User: Go on." in prompt
    custom = Grader("GRADE: C")
    score(model_graded_qa(include_history=lambda s: "HISTORY", model=custom.model), state)
    assert "[Task]: HISTORY" in custom.prompts[0]


def test_grader_defaults_to_the_model_being_evaluated_at_score_time(active_model: None) -> None:
    scorer = model_graded_qa()  # no active model yet: creating the scorer must not need one
    grader = Grader("GRADE: C")
    set_active_model(grader.model)
    assert score(scorer).value == CORRECT
    assert len(grader.prompts) == 1


def test_grader_role_is_preferred(active_model: None) -> None:
    evaluated, role = Grader("GRADE: I"), Grader("GRADE: C")
    set_active_model(evaluated.model, {"grader": role.model})
    assert score(model_graded_fact()).value == CORRECT
    assert evaluated.prompts == [] and len(role.prompts) == 1


def test_grader_by_name_is_resolved(active_model: None) -> None:
    result = score(model_graded_qa(model="mockllm/model"))
    # the stock mockllm reply has no grade
    assert result.value == INCORRECT


def test_scorer_params_are_recorded() -> None:
    from inspect_ai._scorer.spec import eval_scorer

    entry = eval_scorer(model_graded_qa(partial_credit=True))
    assert entry.name == "model_graded_qa"
    assert entry.options == {"partial_credit": True}


def test_model_argument_accepts_model_objects() -> None:
    grader = Grader("GRADE: C")
    assert isinstance(grader.model, Model)
    assert score(model_graded_fact(model=grader.model)).value == CORRECT
