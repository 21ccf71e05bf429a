# 4.3 "Solver Function": the solve() function of the generate() solver, wrapped in a
# @solver so that it can be used in a plan.
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, solver


@solver
def just_generate():
    async def solve(state: TaskState, generate: Generate):
        return await generate(state)

    return solve


@task
def solver_function():
    return Task(
        dataset=[Sample(input="Say hello.", target="hello")],
        plan=[just_generate()],
        scorer=includes(),
    )
