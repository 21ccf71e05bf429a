from inspect_ai import Task, task
from inspect_ai.dataset import example_dataset
from inspect_ai.model import ChatMessageUser, Model, get_model
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import Generate, Solver, TaskState, generate, solver
from inspect_ai.util import resource

DEFAULT_CRITIQUE_TEMPLATE = r"""
Given the following question and answer, please critique the answer.
A good answer comprehensively answers the question and NEVER refuses
to answer. If the answer is already correct do not provide critique
- simply respond 'The original answer is fully correct'.

[BEGIN DATA]

[Question]: {question}

[Answer]: {completion}

[END DATA]

Critique: """

DEFAULT_CRITIQUE_COMPLETION_TEMPLATE = r"""
Given the following question, initial answer and critique please
generate an improved answer to the question:

[BEGIN DATA]

[Question]: {question}

[Answer]: {completion}

[Critique]: {critique}

[END DATA]

If the original answer is already correct, just repeat the
original answer exactly. You should just provide your answer to
the question in exactly this format:

Answer: <your answer> """


@solver
def self_critique(
    critique_template: str | None = None,
    completion_template: str | None = None,
    model: str | Model | None = None,
) -> Solver:
    # resolve templates
    critique_template = resource(critique_template or DEFAULT_CRITIQUE_TEMPLATE)
    completion_template = resource(completion_template or DEFAULT_CRITIQUE_COMPLETION_TEMPLATE)

    # resolve critique model
    model = get_model(model)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        # run critique
        critique = await model.generate(
            critique_template.format(
                question=state.input_text,
                completion=state.output.completion,
            )
        )

        # add the critique as a user message
        state.messages.append(
            ChatMessageUser(
                content=completion_template.format(
                    question=state.input_text,
                    completion=state.output.completion,
                    critique=critique.completion,
                ),
            )
        )

        # regenerate
        return await generate(state)

    return solve


@task
def critiqued_security_guide():
    return Task(
        dataset=example_dataset("security_guide"),
        plan=[generate(), self_critique()],
        scorer=model_graded_fact(),
    )
