"""Earlier logs of a task that a new run continues (``eval_retry``, eval sets)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PreviousLog:
    """An earlier log of a task.

    A run given an unfinished one keeps its ``task_id`` and reuses the samples it
    completed; a run given a successful one (an eval set run again) is not run at all.
    """

    location: str
    task_id: str
    succeeded: bool = False
