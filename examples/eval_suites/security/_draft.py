# Files whose names start with "_" are not scanned for tasks.
from inspect_ai import Task, task


@task
def draft():
    return Task(dataset=[])
