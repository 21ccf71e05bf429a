"""Two tasks in one file (run both with `inspect eval ctf.py`, or one with `ctf.py@jeopardy`)."""

from inspect_ai._dataset.sample import Sample
from inspect_ai._task.decorator import task
from inspect_ai._task.task import Task


@task
def jeopardy() -> Task:
    return Task(
        dataset=[
            Sample(input="What port does SSH listen on by default?", target="22"),
            Sample(input="Which cipher is a ROT-13 a special case of?", target="Caesar"),
        ],
        version=2,
    )


@task
def attack_defense(rounds: int = 3) -> Task:
    return Task(
        dataset=[Sample(input=f"Defend the service for round {n}.") for n in range(rounds)],
        metadata={"rounds": rounds},
    )


if __name__ == "__main__":
    raise RuntimeError("exploratory code must not run when the file is loaded as a task file")
