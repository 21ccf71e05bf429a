# 003 "Failure Threshold" and "Messages Limit", adapted: the guide's task runs bash
# tools in a docker sandbox, which are not available here. check_environment() stands
# in for the sandbox (it fails for the samples whose environment is "broken") and
# keep_trying() for the tool loop (it keeps the conversation going).
from inspect_ai import Task, task
from inspect_ai.dataset import json_dataset
from inspect_ai.model import ChatMessageUser
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, generate, solver, system_message


def read_dataset():
    return json_dataset("ctf.jsonl")


@solver
def check_environment():
    async def solve(state: TaskState, generate: Generate):
        if state.metadata.get("broken"):
            raise RuntimeError(f"The environment for {state.sample_id} did not start.")
        return state

    return solve


@solver
def keep_trying(max_turns: int = 100):
    async def solve(state: TaskState, generate: Generate):
        for _ in range(max_turns):
            state = await generate(state)
            if state.completed:
                break
            state.messages.append(ChatMessageUser(content="That is not it, try again."))
        return state

    return solve


@task
def intercode_ctf():
    return Task(
        dataset=read_dataset(),
        plan=[
            system_message("system.txt"),
            check_environment(),
            generate(),
        ],
        fail_on_error=0.1,
        scorer=includes(),
    )


@task
def intercode_ctf_limited():
    return Task(
        dataset=read_dataset(),
        plan=[
            system_message("system.txt"),
            keep_trying(),
        ],
        max_messages=30,
        scorer=includes(),
    )
