"""Sandbox environments as samples see them: every action recorded as a ``SandboxEvent``."""

import shlex
from datetime import UTC, datetime
from typing import Any, Literal, overload

from inspect_ai._concurrency.subprocess import ExecResult
from inspect_ai._event.sandbox import SandboxEvent
from inspect_ai._sandbox.environment import (
    SandboxEnvironment,
    SandboxEnvironmentConfigType,
    SandboxT,
)
from inspect_ai._transcript.transcript import transcript

MAX_EVENT_TEXT = 16 * 1024
"""Characters of input or output an event keeps."""


class RecordedSandbox(SandboxEnvironment):
    """A sandbox environment whose actions go into the transcript of the running sample.

    Args:
        sandbox: The provider's environment.
    """

    def __init__(self, sandbox: SandboxEnvironment) -> None:
        self.sandbox = sandbox

    async def exec(
        self,
        cmd: list[str],
        input: str | bytes | None = None,
        cwd: str | None = None,
        env: dict[str, str] = {},  # noqa: B006
        user: str | None = None,
        timeout: int | None = None,
        timeout_retry: bool = True,
        concurrency: bool = True,
    ) -> ExecResult[str]:
        """Run ``cmd`` in the environment, recording an ``exec`` event."""
        event = _started("exec", cmd=shlex.join(cmd), input=_display(input))
        event.options = _options(cwd=cwd, env=env or None, user=user, timeout=timeout)
        try:
            result = await self.sandbox.exec(
                cmd, input, cwd, env, user, timeout, timeout_retry, concurrency
            )
        except Exception as ex:
            _completed(event, output=f"{type(ex).__name__}: {ex}")
            raise
        output = "\n".join(text for text in (result.stdout, result.stderr) if text)
        _completed(event, result=result.returncode, output=output)
        return result

    async def write_file(self, file: str, contents: str | bytes) -> None:
        """Write ``file`` in the environment, recording a ``write_file`` event."""
        event = _started("write_file", file=file, input=_display(contents))
        try:
            await self.sandbox.write_file(file, contents)
        except Exception as ex:
            _completed(event, output=f"{type(ex).__name__}: {ex}")
            raise
        _completed(event)

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    async def read_file(self, file: str, text: bool = True) -> str | bytes:
        """Read ``file`` from the environment, recording a ``read_file`` event."""
        event = _started("read_file", file=file)
        try:
            contents: str | bytes = await (
                self.sandbox.read_file(file, True) if text else self.sandbox.read_file(file, False)
            )
        except Exception as ex:
            _completed(event, output=f"{type(ex).__name__}: {ex}")
            raise
        _completed(event, output=_display(contents))
        return contents

    def as_type(self, sandbox_cls: type[SandboxT]) -> SandboxT:
        """The provider's environment as an instance of ``sandbox_cls``."""
        if isinstance(self.sandbox, sandbox_cls):
            return self.sandbox
        return super().as_type(sandbox_cls)

    @classmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, SandboxEnvironment],
        interrupted: bool,
    ) -> None:
        """Not used: the provider's class cleans up its environments."""


def _started(action: Literal["exec", "read_file", "write_file"], **fields: Any) -> SandboxEvent:
    active = transcript()
    return SandboxEvent(action=action, working_start=active.working_time(), **fields)


def _completed(event: SandboxEvent, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(event, name, value)
    event.completed = datetime.now(UTC)
    transcript()._event(event)


def _options(**options: Any) -> dict[str, Any] | None:
    given = {name: value for name, value in options.items() if value is not None}
    return given or None


def _display(contents: str | bytes | None) -> str | None:
    """Contents as an event shows them: text (cut at ``MAX_EVENT_TEXT``), or a note."""
    if contents is None:
        return None
    if isinstance(contents, bytes):
        try:
            contents = contents.decode()
        except UnicodeDecodeError:
            return f"({len(contents)} bytes of binary data)"
    if len(contents) <= MAX_EVENT_TEXT:
        return contents
    return f"{contents[:MAX_EVENT_TEXT]}\n... ({len(contents) - MAX_EVENT_TEXT} more characters)"
