from inspect_ai import Task, eval, task  # noqa: F401 (the guide imports eval too)
from inspect_ai.dataset import example_dataset
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import chain_of_thought, generate, self_critique


@task
def theory_of_mind():
    return Task(
        dataset=example_dataset("theory_of_mind"),
        plan=[chain_of_thought(), generate(), self_critique()],
        scorer=model_graded_fact(),
    )
