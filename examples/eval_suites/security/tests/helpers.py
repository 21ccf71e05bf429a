# Directories named env, venv or tests are not scanned for tasks.
from inspect_ai import Task, task


@task
def not_a_suite_task():
    return Task(dataset=[])
