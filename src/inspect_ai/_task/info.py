"""``TaskInfo``: where a task is defined, its name and its ``@task`` attributes."""

from typing import Any

from pydantic import BaseModel, Field


class TaskInfo(BaseModel):
    """Task information (file, name, and attributes)."""

    file: str
    """File path where task was loaded from."""

    name: str
    """Task name (defaults to function name)."""

    attribs: dict[str, Any] = Field(default_factory=dict)
    """Task attributes (arguments passed to ``@task``)."""

    @property
    def attrs(self) -> dict[str, Any]:
        """Alias of ``attribs``."""
        return self.attribs

    def __str__(self) -> str:
        return f"{self.file}@{self.name}"
