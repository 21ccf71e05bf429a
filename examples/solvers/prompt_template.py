from typing import Any

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, generate, solver
from inspect_ai.util import resource


@solver
def prompt_template(template: str, **params: dict[str, Any]):
    # determine the prompt template
    prompt_template = resource(template)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        # its possible the messages payload has no user prompt
        # so only modify the prompt if there is one
        if state.user_prompt:
            state.user_prompt.text = prompt_template.format(prompt=state.user_prompt.text, **params)
        return state

    return solve


@task
def templated():
    return Task(
        dataset=[
            Sample(
                input="What attributes should I set on cookies for strong security?",
                target="httponly",
            )
        ],
        plan=[prompt_template("template.txt", audience="a web developer"), generate()],
        scorer=includes(),
    )
