# Directories are scanned recursively: this task is part of the `security` suite.
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import generate


@task(light=True)
def xss():
    return Task(
        dataset=[
            Sample(
                input="Which response header restricts where scripts may load from?",
                target="Content-Security-Policy",
            )
        ],
        plan=[generate()],
        scorer=includes(),
    )
