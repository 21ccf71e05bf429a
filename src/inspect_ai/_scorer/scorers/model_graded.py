"""``model_graded_qa()`` and ``model_graded_fact()``: another model grades the output."""

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from inspect_ai._model.message import ChatMessageAssistant
from inspect_ai._resource import resource
from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.scorers.grader_templates import (
    FACT_TEMPLATE,
    QA_TEMPLATE,
    default_grade_pattern,
    default_instructions,
)
from inspect_ai._scorer.scorers.grading import (
    format_template,
    grade_with,
    grader_models,
    grading_score,
)
from inspect_ai._scorer.target import Target
from inspect_ai._solver.state import TaskState

if TYPE_CHECKING:
    from inspect_ai._model.model import Model

GraderModels: TypeAlias = "list[str | Model] | str | Model | None"
History: TypeAlias = bool | Callable[[TaskState], str]


@scorer(metrics=[accuracy(), stderr()])
def model_graded_qa(
    template: str | None = None,
    instructions: str | None = None,
    grade_pattern: str | None = None,
    include_history: History = False,
    partial_credit: bool = False,
    model: GraderModels = None,
) -> Scorer:
    """Have a model grade whether the output meets the criterion given as the target.

    Args:
        template: Grading prompt (inline, or a file path or URL) using ``{question}``,
            ``{answer}``, ``{criterion}``, ``{instructions}`` and sample metadata keys.
        instructions: How the grader should reply (must make it write a grade the
            ``grade_pattern`` finds, e.g. "GRADE: C").
        grade_pattern: Regular expression whose first group is the grade (C, P or I).
        include_history: Give the grader the whole conversation as the question (or a
            function making the question text from the task state).
        partial_credit: Allow the grade P (partially correct, worth 0.5).
        model: Grader model(s); with several, the majority grade wins. Defaults to the
            model given the ``grader`` role, else the model being evaluated.
    """
    return _grader(
        template or QA_TEMPLATE, instructions, grade_pattern, include_history, partial_credit, model
    )


@scorer(metrics=[accuracy(), stderr()])
def model_graded_fact(
    template: str | None = None,
    instructions: str | None = None,
    grade_pattern: str | None = None,
    include_history: History = False,
    partial_credit: bool = False,
    model: GraderModels = None,
) -> Scorer:
    """Have a model grade whether the output contains the fact given as the target.

    Args:
        template: Grading prompt (inline, or a file path or URL) using ``{question}``,
            ``{answer}``, ``{criterion}``, ``{instructions}`` and sample metadata keys.
        instructions: How the grader should reply (must make it write a grade the
            ``grade_pattern`` finds, e.g. "GRADE: C").
        grade_pattern: Regular expression whose first group is the grade (C, P or I).
        include_history: Give the grader the whole conversation as the question (or a
            function making the question text from the task state).
        partial_credit: Allow the grade P (partially correct, worth 0.5).
        model: Grader model(s); with several, the majority grade wins. Defaults to the
            model given the ``grader`` role, else the model being evaluated.
    """
    return _grader(
        template or FACT_TEMPLATE,
        instructions,
        grade_pattern,
        include_history,
        partial_credit,
        model,
    )


def _grader(
    template: str,
    instructions: str | None,
    grade_pattern: str | None,
    include_history: History,
    partial_credit: bool,
    model: GraderModels,
) -> Scorer:
    prompt_template = resource(template)
    guidance = instructions if instructions is not None else default_instructions(partial_credit)
    pattern = re.compile(grade_pattern or default_grade_pattern(partial_credit))

    async def score(state: TaskState, target: Target) -> Score:
        answer = state.output.completion
        values = {
            "question": _question(state, include_history),
            "answer": answer,
            "criterion": target.text,
            "instructions": guidance,
        }
        prompt = format_template(prompt_template, values, state.metadata)
        gradings = [await grade_with(grader, prompt, pattern) for grader in grader_models(model)]
        return grading_score(gradings, answer, partial_credit)

    return score


def _question(state: TaskState, include_history: History) -> str:
    if callable(include_history):
        return include_history(state)
    if not include_history:
        return state.input_text
    messages = list(state.messages)
    if messages and isinstance(messages[-1], ChatMessageAssistant):
        messages = messages[:-1]  # the last reply is the answer being graded
    return "\n\n".join(f"{message.role.capitalize()}: {message.text}" for message in messages)
