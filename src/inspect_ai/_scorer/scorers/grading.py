"""Asking grader models for a grade: the prompt, the grade in the reply, the majority."""

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspect_ai._model.message import ChatMessage, ChatMessageUser
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.value_to_float import INCORRECT, PARTIAL

if TYPE_CHECKING:
    from inspect_ai._model.model import Model

GRADER_ROLE = "grader"
"""Model role whose model grades, when a scorer names no grader model."""


@dataclass
class Grading:
    """One grader's reply to the grading prompt."""

    grader: str
    prompt: str
    messages: list[ChatMessage]
    reply: str
    grade: str | None


def format_template(template: str, values: Mapping[str, Any], metadata: Mapping[str, Any]) -> str:
    """``template`` filled in from ``values`` (and the sample metadata)."""
    try:
        return template.format_map({**metadata, **values})
    except KeyError as ex:
        raise ValueError(
            f"The grading template uses {{{ex.args[0]}}}, which is neither one of "
            f"{', '.join('{' + key + '}' for key in values)} nor a sample metadata key."
        ) from ex


def grader_models(model: "Sequence[str | Model] | str | Model | None") -> "list[Model]":
    """The grader models (resolved when scoring, so the evaluated model is known).

    With no model: the model given the ``grader`` role, else the model being evaluated.
    """
    from inspect_ai._model.get_model import get_model

    if model is None:
        try:
            return [get_model(role=GRADER_ROLE)]
        except ValueError:
            return [get_model()]
    items = model if isinstance(model, Sequence) and not isinstance(model, str) else [model]
    return [get_model(item) for item in items]


async def grade_with(grader: "Model", prompt: str, pattern: re.Pattern[str]) -> Grading:
    """Ask ``grader`` to grade and find the grade in its reply (the last match)."""
    output = await grader.generate(prompt)
    reply = output.completion
    matches = list(pattern.finditer(reply))
    grade = matches[-1].group(1).strip().upper() if matches else None
    messages: list[ChatMessage] = [ChatMessageUser(content=prompt)]
    if not output.empty:
        messages.append(output.message)
    return Grading(str(grader), prompt, messages, reply, grade)


def grading_score(gradings: Sequence[Grading], answer: str, partial_credit: bool) -> Score:
    """The score from the graders' replies: the majority grade (ties go to the first)."""
    votes = [item.grade for item in gradings if item.grade is not None]
    explanation = _explanation(gradings)
    metadata = {"grading": [message for item in gradings for message in item.messages]}
    if not votes:
        return Score(
            value=INCORRECT,
            answer=answer,
            explanation=f"Grade not found in model output: {explanation}",
            metadata=metadata,
            reason="grader_failed",
        )
    grade = Counter(votes).most_common(1)[0][0]
    return Score(
        value=_grade_value(grade, partial_credit),
        answer=answer,
        explanation=explanation,
        metadata=metadata,
    )


def _grade_value(grade: str, partial_credit: bool) -> str:
    return INCORRECT if grade == PARTIAL and not partial_credit else grade


def _explanation(gradings: Sequence[Grading]) -> str:
    if len(gradings) == 1:
        return gradings[0].reply
    return "\n\n".join(f"[{item.grader}] {item.reply}" for item in gradings)
