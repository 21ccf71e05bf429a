"""``local``: each sample works in its own temporary directory, as the current user.

Commands are not isolated from the machine: use ``local`` for trusted code and tests,
and a container provider (``docker``) for anything else.
"""

import asyncio
import logging
import os
import shutil
import tempfile
from typing import Any, Literal, overload

from inspect_ai._concurrency.subprocess import ExecResult
from inspect_ai._sandbox.environment import SandboxEnvironment, SandboxEnvironmentConfigType
from inspect_ai._sandbox.limits import OutputLimitExceededError, SandboxEnvironmentLimits, limit_str
from inspect_ai._sandbox.process import run_process
from inspect_ai._sandbox.registry import sandboxenv

logger = logging.getLogger(__name__)

_kept: dict[str, list[str]] = {}
"""Directories of samples whose sandboxes were not cleaned up, by task."""


@sandboxenv(name="local")
class LocalSandboxEnvironment(SandboxEnvironment):
    """A temporary directory, the working directory of the commands run in it.

    Args:
        directory: The sample's directory.
    """

    def __init__(self, directory: str) -> None:
        self.directory = directory

    @classmethod
    async def sample_init(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        metadata: dict[str, Any],
    ) -> dict[str, SandboxEnvironment]:
        """A new temporary directory for the sample."""
        directory = tempfile.mkdtemp(prefix=f"inspect-sandbox-{_safe(task_name)}-")
        _kept.setdefault(task_name, []).append(directory)
        return {"default": cls(directory)}

    @classmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, SandboxEnvironment],
        interrupted: bool,
    ) -> None:
        """Remove the sample's directory."""
        for environment in environments.values():
            directory = environment.as_type(LocalSandboxEnvironment).directory
            await asyncio.to_thread(shutil.rmtree, directory, ignore_errors=True)
            if directory in _kept.get(task_name, []):
                _kept[task_name].remove(directory)

    @classmethod
    async def task_cleanup(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, cleanup: bool
    ) -> None:
        """Say where the directories kept with ``sandbox_cleanup=False`` are."""
        kept = _kept.pop(task_name, [])
        if kept and not cleanup:
            logger.warning(
                "Local sandbox directories of task '%s' were kept:\n%s", task_name, "\n".join(kept)
            )

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
        """Run ``cmd`` in the sample's directory (or ``cwd`` relative to it)."""
        if user is not None:
            raise ValueError(
                f"The local sandbox runs commands as the current user (cannot run as '{user}')."
            )
        directory = self._path(cwd) if cwd is not None else self.directory
        return await run_process(cmd, input, directory, env, timeout, concurrency)

    async def write_file(self, file: str, contents: str | bytes) -> None:
        """Write ``file`` (relative to the sample's directory), creating parent directories."""
        path = self._path(file)
        await asyncio.to_thread(_write, path, contents)

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    async def read_file(self, file: str, text: bool = True) -> str | bytes:
        """Read ``file`` (relative to the sample's directory)."""
        data = await asyncio.to_thread(_read, self._path(file))
        return data.decode() if text else data

    def _path(self, file: str) -> str:
        return file if os.path.isabs(file) else os.path.join(self.directory, file)


def _write(path: str, contents: str | bytes) -> None:
    parent = os.path.dirname(path)
    if parent:
        os.makedirs(parent, exist_ok=True)
    data = contents.encode() if isinstance(contents, str) else contents
    with open(path, "wb") as stream:
        stream.write(data)


def _read(path: str) -> bytes:
    limit = SandboxEnvironmentLimits.MAX_READ_FILE_SIZE
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OutputLimitExceededError(limit_str(limit), None)
    return data


def _safe(name: str) -> str:
    return "".join(char if char.isalnum() or char in "-_" else "-" for char in name)[:40]
