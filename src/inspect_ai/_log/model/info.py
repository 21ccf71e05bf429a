"""What a log's file name and listing tell about it, without reading it."""

from inspect_ai._json.model import LogModel


class EvalLogInfo(LogModel):
    """File information and task identifiers of an eval log."""

    name: str
    """Name (path or URI) of the file."""

    type: str
    """Type of file (``file`` or ``directory``)."""

    size: int
    """Size in bytes."""

    mtime: float | None
    """Modification time (None when the storage does not say)."""

    task: str
    """Task name."""

    task_id: str
    """Task id."""

    suffix: str | None
    """Suffix after the task id (e.g. ``-scored``)."""
