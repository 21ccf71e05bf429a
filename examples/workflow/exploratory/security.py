from itertools import product

from inspect_ai import Task, eval, task
from inspect_ai.dataset import json_dataset
from inspect_ai.scorer import model_graded_fact
from inspect_ai.solver import generate, system_message


@task
def security_guide(system="devops.txt", grader="expert.txt", grader_model="openai/gpt-4"):
    return Task(
        dataset=json_dataset("security_guide.jsonl"),
        plan=[system_message(system), generate()],
        scorer=model_graded_fact(template=grader, model=grader_model),
    )


def plot_results(logs):
    # stand-in for the guide's (unshown) plotting code: print each accuracy
    for log in logs:
        print(log.eval.task_args, log.results.scores[0].metrics["accuracy"].value)


# the exploratory code is protected by a __main__ check (see "Transition") so that
# `inspect eval security.py` only reads the @task above
if __name__ == "__main__":
    # 'grid' will be a permutation of all parameters
    params = {
        "system": ["devops.txt", "researcher.txt"],
        "grader": ["hacker.txt", "expert.txt"],
        "grader_model": ["openai/gpt-4", "google/gemini-1.0-pro"],
    }
    grid = list(product(*(params[name] for name in params)))

    # run the evals and capture the logs
    logs = eval(
        [security_guide(system, grader, grader_model) for system, grader, grader_model in grid],
        model="mistral/mistral-large-latest",
    )

    # analyze the logs...
    plot_results([log for log in logs if log.status == "success"])
