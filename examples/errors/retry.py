# 003 "Errors and Retries": retry a failed eval with eval_retry().
import os

from inspect_ai import Task, eval, eval_retry, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, generate, solver


@solver
def flaky_api():
    # stands in for a transient failure (a network error or a rate limit)
    async def solve(state: TaskState, generate: Generate):
        if os.environ.get("FLAKY_API_DOWN") and state.sample_id == 3:
            raise ConnectionError("The API is down.")
        return state

    return solve


@task
def my_task():
    return Task(
        dataset=[Sample(id=i, input=f"Question {i}", target="default") for i in range(1, 6)],
        plan=[flaky_api(), generate()],
        scorer=includes(),
    )


if __name__ == "__main__":
    log = eval(my_task)[0]
    if log.status != "success":
        eval_retry(log, max_connections=3)
