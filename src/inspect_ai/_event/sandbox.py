"""An action in a sandbox: running a command, reading or writing a file."""

from typing import Any, Literal

from inspect_ai._event.base import BaseEvent
from inspect_ai._json.types import Timestamp


class SandboxEvent(BaseEvent):
    """A sandbox action."""

    event: Literal["sandbox"] = "sandbox"
    action: Literal["exec", "read_file", "write_file"]
    """Kind of action."""

    cmd: str | None = None
    """Command run (for ``exec``)."""

    options: dict[str, Any] | None = None
    """Options of the command."""

    file: str | None = None
    """File read or written."""

    input: str | None = None
    """Input given (stdin, or file contents written)."""

    result: int | None = None
    """Exit code."""

    output: str | None = None
    """Output (stdout/stderr, or file contents read)."""

    completed: Timestamp | None = None
    """When the action completed."""
