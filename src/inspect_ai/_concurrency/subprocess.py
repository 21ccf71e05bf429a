"""Running child processes without blocking the event loop: ``subprocess()``."""

import asyncio
import os
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, overload

from inspect_ai._concurrency.limits import named_semaphore

T = TypeVar("T", str, bytes)

SUBPROCESS_LIMIT = "subprocesses"
_max_subprocesses: int | None = None


@dataclass
class ExecResult(Generic[T]):
    """Result of a child process."""

    success: bool
    """Whether the process exited with code 0."""

    returncode: int
    """Exit code."""

    stdout: T
    """Standard output."""

    stderr: T
    """Standard error (or the timeout message)."""


def set_max_subprocesses(limit: int | None) -> None:
    """Set the most child processes run at once (default: the number of CPUs)."""
    global _max_subprocesses
    _max_subprocesses = limit


def max_subprocesses() -> int:
    """The most child processes run at once."""
    return _max_subprocesses or os.cpu_count() or 1


@overload
async def subprocess(
    args: str | list[str],
    text: Literal[True] = True,
    input: str | bytes | None = None,
    cwd: str | None = None,
    env: dict[str, str] | None = None,
    capture_output: bool = True,
    timeout: int | None = None,
) -> ExecResult[str]: ...


@overload
async def subprocess(
    args: str | list[str],
    text: Literal[False],
    input: str | bytes | None = None,
    cwd: str | None = None,
    env: dict[str, str] | None = None,
    capture_output: bool = True,
    timeout: int | None = None,
) -> ExecResult[bytes]: ...


async def subprocess(
    args: str | list[str],
    text: bool = True,
    input: str | bytes | None = None,
    cwd: str | None = None,
    env: dict[str, str] | None = None,
    capture_output: bool = True,
    timeout: int | None = None,
) -> ExecResult[str] | ExecResult[bytes]:
    """Run a command as a child process, at most ``max_subprocesses`` at once.

    Args:
        args: Command and arguments (a string runs through the shell).
        text: Decode output as text (else bytes).
        input: Data for the process's standard input.
        cwd: Working directory.
        env: Extra environment variables.
        capture_output: Capture stdout and stderr.
        timeout: Seconds before the process is killed; the result then has
            ``success=False`` and a timeout message in ``stderr``.
    """
    async with named_semaphore(SUBPROCESS_LIMIT, max_subprocesses()):
        code, out, err = await _run(args, input, cwd, env, capture_output, timeout)
    if text:
        return ExecResult(
            code == 0, code, out.decode(errors="replace"), err.decode(errors="replace")
        )
    return ExecResult(code == 0, code, out, err)


async def _run(
    args: str | list[str],
    input: str | bytes | None,
    cwd: str | None,
    env: dict[str, str] | None,
    capture_output: bool,
    timeout: int | None,
) -> tuple[int, bytes, bytes]:
    pipe = asyncio.subprocess.PIPE if capture_output else None
    environment = {**os.environ, **env} if env else None
    if isinstance(args, str):
        process = await asyncio.create_subprocess_shell(
            args, stdin=asyncio.subprocess.PIPE, stdout=pipe, stderr=pipe, cwd=cwd, env=environment
        )
    else:
        process = await asyncio.create_subprocess_exec(
            *args, stdin=asyncio.subprocess.PIPE, stdout=pipe, stderr=pipe, cwd=cwd, env=environment
        )
    data = input.encode() if isinstance(input, str) else input
    try:
        out, err = await asyncio.wait_for(process.communicate(data), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        return 1, b"", f"Command timed out after {timeout} seconds.".encode()
    except asyncio.CancelledError:
        process.kill()
        await process.wait()
        raise
    return process.returncode or 0, out or b"", err or b""
