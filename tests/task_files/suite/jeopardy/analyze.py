"""Analysis helpers for the jeopardy results: not a task file, never executed by the loader."""


def task_summary(results: list[float]) -> float:
    """Mean of the results (the word 'task' here is not a decorator)."""
    return sum(results) / len(results)


raise RuntimeError("analyze.py defines no @task and must not be executed by task discovery")
