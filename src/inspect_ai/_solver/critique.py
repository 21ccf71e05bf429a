"""The ``self_critique()`` solver: have a model critique the answer, then answer again."""

from typing import Any

from inspect_ai._model.get_model import get_model
from inspect_ai._model.message import ChatMessageUser
from inspect_ai._model.model import Model
from inspect_ai._resource import resource
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._solver.template import format_template, state_values

DEFAULT_CRITIQUE_TEMPLATE = """Below are a question and an answer to it. Review the answer critically: point out anything that is wrong, missing or unclear, and say how it could be improved. An answer should address the question fully and must not decline to answer it. If the answer is entirely correct and complete, reply only with 'The original answer is fully correct'.

<question>
{question}
</question>

<answer>
{completion}
</answer>

Your critique:"""
"""The default template asking for a critique (``{question}``, ``{completion}``)."""

DEFAULT_CRITIQUE_COMPLETION_TEMPLATE = """Here are a question, your earlier answer to it and a critique of that answer. Taking the critique into account, write an improved answer to the question.

<question>
{question}
</question>

<answer>
{completion}
</answer>

<critique>
{critique}
</critique>

If your earlier answer was already correct, repeat it exactly. Give your answer in exactly this format:

ANSWER: <your answer>"""
"""The default template replaying the critique (``{question}``, ``{completion}``, ``{critique}``)."""


@solver
def self_critique(
    critique_template: str | None = None,
    completion_template: str | None = None,
    model: str | Model | None = None,
) -> Solver:
    """Have a model critique the latest answer, then ask for an improved answer.

    The critique model is given the question (the sample input) and the latest
    completion; its critique is then played back to the evaluated model as a user
    message (the completion template) and ``generate`` is called again.

    Args:
        critique_template: Template (or file/URL) asking for the critique, with
            ``{question}`` and ``{completion}`` placeholders.
        completion_template: Template (or file/URL) for the message that plays the
            critique back, with ``{question}``, ``{completion}`` and ``{critique}``.
        model: Model that writes the critique (default: the model being evaluated,
            resolved when the solver runs).
    """
    critique_text = resource(critique_template or DEFAULT_CRITIQUE_TEMPLATE)
    completion_text = resource(completion_template or DEFAULT_CRITIQUE_COMPLETION_TEMPLATE)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        values = _answer_values(state)
        critic = get_model(model)
        critique = await critic.generate(format_template(critique_text, values))
        values["critique"] = critique.completion
        content = format_template(completion_text, values)
        state.messages.append(ChatMessageUser(content=content))
        return await generate(state)

    return solve


def _answer_values(state: TaskState) -> dict[str, Any]:
    """Template values: metadata and store, then the question and the latest completion."""
    return state_values(
        state, {"question": state.input_text, "completion": state.output.completion}
    )
