"""Running a command for a sandbox: in its own process group, killed on timeout, with
its output capped."""

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable

from inspect_ai._concurrency.limits import named_semaphore
from inspect_ai._concurrency.subprocess import SUBPROCESS_LIMIT, ExecResult, max_subprocesses
from inspect_ai._sandbox.limits import OutputLimitExceededError, SandboxEnvironmentLimits, limit_str

_CHUNK = 64 * 1024
_REAP_TIMEOUT = 5
"""Seconds to wait for a killed process's pipes to close."""


async def run_process(
    args: list[str],
    input: str | bytes | None = None,
    cwd: str | None = None,
    env: dict[str, str] | None = None,
    timeout: int | None = None,
    concurrency: bool = True,
    output_limit: int = SandboxEnvironmentLimits.MAX_EXEC_OUTPUT_SIZE,
) -> ExecResult[str]:
    """Run ``args`` and collect its output (decoded as UTF-8).

    The process runs in a new session: on timeout or cancellation its whole process
    group is killed (so children it started die too).

    Args:
        args: Command and arguments.
        input: Data for standard input (None: no input).
        cwd: Working directory.
        env: Environment variables added to this process's environment.
        timeout: Seconds before the process group is killed and ``TimeoutError`` raised.
        concurrency: Count the process against ``max_subprocesses``.
        output_limit: Bytes of stdout and stderr (together) collected before the process
            group is killed and ``OutputLimitExceededError`` raised.
    """
    if not concurrency:
        return await _run(args, input, cwd, env, timeout, output_limit)
    async with named_semaphore(SUBPROCESS_LIMIT, max_subprocesses()):
        return await _run(args, input, cwd, env, timeout, output_limit)


async def _run(
    args: list[str],
    input: str | bytes | None,
    cwd: str | None,
    env: dict[str, str] | None,
    timeout: int | None,
    output_limit: int,
) -> ExecResult[str]:
    pipe = asyncio.subprocess.PIPE
    process = await asyncio.create_subprocess_exec(
        *args,
        stdin=pipe if input is not None else asyncio.subprocess.DEVNULL,
        stdout=pipe,
        stderr=pipe,
        cwd=cwd,
        env={**os.environ, **env} if env else None,
        start_new_session=True,
    )
    output = _Output(output_limit, lambda: _signal_group(process))
    try:
        async with asyncio.timeout(timeout):
            await asyncio.gather(
                _feed(process, input),
                output.read(process.stdout, output.stdout),
                output.read(process.stderr, output.stderr),
            )
            code = await process.wait()
    except TimeoutError:
        await _kill(process)
        raise TimeoutError(f"Command timed out after {timeout} seconds.") from None
    except BaseException:
        await _kill(process)
        raise
    if output.exceeded:
        truncated = bytes(output.stdout[: output.limit]).decode(errors="replace")
        raise OutputLimitExceededError(limit_str(output.limit), truncated)
    stdout, stderr = output.stdout.decode(), output.stderr.decode()
    return ExecResult(code == 0, code, stdout, stderr)


class _Output:
    """Stdout and stderr of a process, at most ``limit`` bytes together: past it, the
    process is stopped (``on_exceeded``) and the rest of its output discarded."""

    def __init__(self, limit: int, on_exceeded: Callable[[], None]) -> None:
        self.limit = limit
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.exceeded = False
        self._on_exceeded = on_exceeded

    async def read(self, stream: asyncio.StreamReader | None, into: bytearray) -> None:
        """Read ``stream`` to its end (into ``into`` while under the limit)."""
        while stream is not None:
            chunk = await stream.read(_CHUNK)
            if not chunk:
                return
            if self.exceeded:
                continue
            into.extend(chunk)
            if len(self.stdout) + len(self.stderr) > self.limit:
                self.exceeded = True
                self._on_exceeded()


async def _feed(process: asyncio.subprocess.Process, input: str | bytes | None) -> None:
    if input is None or process.stdin is None:
        return
    data = input.encode() if isinstance(input, str) else input
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        process.stdin.write(data)
        await process.stdin.drain()
    process.stdin.close()


def _signal_group(process: asyncio.subprocess.Process) -> None:
    """Kill the process group of ``process`` (it leads its own session)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()


async def _kill(process: asyncio.subprocess.Process) -> None:
    """Kill the process group of ``process`` and reap the process.

    Its pipes are read to their end first: asyncio reports the exit only once they are
    closed, and a pipe whose reading was paused (a full buffer) would never be. A child
    that escaped the group and holds a pipe open is given up on after a while.
    """
    _signal_group(process)
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(_REAP_TIMEOUT):
            await asyncio.gather(_drain(process.stdout), _drain(process.stderr))
            await process.wait()


async def _drain(stream: asyncio.StreamReader | None) -> None:
    while stream is not None and await stream.read(_CHUNK):
        pass
