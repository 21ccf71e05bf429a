from inspect_ai import Task, eval, task
from inspect_ai.dataset import json_dataset
from inspect_ai.model import ChatMessageUser, ModelOutput
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import Generate, Plan, TaskState, generate, solver


@solver
def complete_task():
    async def solve(state: TaskState, generate: Generate):
        state.completed = True
        return state

    return solve


@solver
def finish_up():
    # always runs, even when the plan ended early: synthesize an output if there is none
    async def solve(state: TaskState, generate: Generate):
        if not state.output.completion:
            state.output = ModelOutput.from_content(
                model="finish_up", content="(no answer: the plan ended early)"
            )
        return state

    return solve


@task
def early_termination():
    return Task(
        dataset=json_dataset("data.json"),
        plan=Plan(steps=[complete_task(), generate()], finish=finish_up()),
        scorer=model_graded_fact(),
    )


@solver
def keep_asking(max_turns: int = 20):
    # a multi-turn dialog that only stops when the plan is completed
    async def solve(state: TaskState, generate: Generate):
        for _ in range(max_turns):
            state = await generate(state)
            if state.completed:
                break
            state.messages.append(ChatMessageUser(content="Please elaborate."))
        return state

    return solve


@task
def my_task():
    return Task(
        dataset=json_dataset("data.json"),
        plan=[keep_asking()],
        scorer=model_graded_fact(),
    )


if __name__ == "__main__":
    # could terminate early
    eval(my_task, max_messages=10)
