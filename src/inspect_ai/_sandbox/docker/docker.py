"""``docker``: each sample gets its own Docker Compose project, one environment per service.

The compose file is the one the task names, else ``compose.yaml`` (or another standard
name) beside the task, else a generated one building the ``Dockerfile`` there, else one
running a stock Python image. Files move in and out with ``docker compose cp``.
"""

import asyncio
import logging
import os
import shlex
import tempfile
from typing import Any, Literal, overload

from inspect_ai._concurrency.subprocess import ExecResult
from inspect_ai._sandbox.docker.available import docker_unavailable_reason
from inspect_ai._sandbox.docker.commands import (
    ComposeProject,
    cp_command,
    down_command,
    exec_command,
    project_name,
    up_command,
)
from inspect_ai._sandbox.docker.compose_file import (
    COMPOSE_FILES,
    DOCKERFILE,
    compose_file_for,
    is_generated,
    read_compose,
)
from inspect_ai._sandbox.environment import SandboxEnvironment, SandboxEnvironmentConfigType
from inspect_ai._sandbox.limits import OutputLimitExceededError, SandboxEnvironmentLimits, limit_str
from inspect_ai._sandbox.process import run_process
from inspect_ai._sandbox.registry import sandboxenv

logger = logging.getLogger(__name__)

TIMEOUT_EXIT_CODE = 124
"""Exit code of coreutils ``timeout`` when the command timed out."""

_compose_files: dict[tuple[str, str | None], str] = {}
"""The compose file of each (task, config), chosen when the task starts."""

_kept: dict[str, list[str]] = {}
"""Projects left running (``sandbox_cleanup=False``), by task."""


@sandboxenv(name="docker")
class DockerSandboxEnvironment(SandboxEnvironment):
    """A service of a sample's compose project.

    Args:
        project: The sample's compose project.
        service: The service.
        working_dir: The service's working directory (None: asked of the container).
    """

    def __init__(self, project: ComposeProject, service: str, working_dir: str | None) -> None:
        self.project = project
        self.service = service
        self._working_dir = working_dir

    @classmethod
    def config_files(cls) -> list[str]:
        """Compose files, then a Dockerfile."""
        return [*COMPOSE_FILES, DOCKERFILE]

    @classmethod
    def default_concurrency(cls) -> int | None:
        """Twice the number of CPUs."""
        return 2 * (os.cpu_count() or 1)

    @classmethod
    async def task_init(cls, task_name: str, config: SandboxEnvironmentConfigType | None) -> None:
        """Check that Docker is usable and choose the compose file."""
        reason = await asyncio.to_thread(docker_unavailable_reason)
        if reason is not None:
            raise RuntimeError(f"Docker sandboxes cannot run here: {reason}.")
        key = (task_name, _config_file(config))
        compose_file = compose_file_for(key[1], os.getcwd())
        await asyncio.to_thread(read_compose, compose_file)  # fail early on a bad file
        _compose_files[key] = compose_file

    @classmethod
    async def sample_init(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        metadata: dict[str, Any],
    ) -> dict[str, SandboxEnvironment]:
        """Start a compose project for the sample; one environment per service."""
        key = (task_name, _config_file(config))
        compose_file = _compose_files.get(key) or compose_file_for(key[1], os.getcwd())
        project = ComposeProject(project_name(task_name), compose_file)
        services = await asyncio.to_thread(read_compose, compose_file)
        result = await run_process(up_command(project), concurrency=False)
        _kept.setdefault(task_name, []).append(project.name)
        if not result.success:
            await run_process(down_command(project), concurrency=False)
            raise RuntimeError(f"Could not start the docker sandbox: {result.stderr.strip()}")
        return {
            service.name: cls(project, service.name, service.working_dir) for service in services
        }

    @classmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, SandboxEnvironment],
        interrupted: bool,
    ) -> None:
        """Take the sample's compose project down."""
        projects = {env.as_type(DockerSandboxEnvironment).project for env in environments.values()}
        for project in projects:
            await run_process(down_command(project), concurrency=False)
            if project.name in _kept.get(task_name, []):
                _kept[task_name].remove(project.name)

    @classmethod
    async def task_cleanup(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, cleanup: bool
    ) -> None:
        """Say how to remove projects kept with ``sandbox_cleanup=False``."""
        compose_file = _compose_files.pop((task_name, _config_file(config)), None)
        if compose_file is not None and cleanup and is_generated(compose_file):
            os.remove(compose_file)
        kept = _kept.pop(task_name, [])
        if kept and not cleanup:
            commands = "\n".join(f"docker compose -p {name} down --volumes" for name in kept)
            logger.warning("Docker sandboxes of task '%s' were kept. Remove them with:\n%s",
                           task_name, commands)  # fmt: skip

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
        """Run ``cmd`` in the service with ``docker compose exec``."""
        args = exec_command(self.project, self.service, cmd, cwd, env, user, timeout)
        local_timeout = None if timeout is None else timeout + 10
        try:
            result = await run_process(args, input, timeout=local_timeout, concurrency=concurrency)
        except TimeoutError:
            raise TimeoutError(f"Command timed out after {timeout} seconds.") from None
        if timeout is not None and result.returncode == TIMEOUT_EXIT_CODE:
            raise TimeoutError(f"Command timed out after {timeout} seconds.")
        return result

    async def write_file(self, file: str, contents: str | bytes) -> None:
        """Copy ``contents`` into the container at ``file`` (parent directories created)."""
        path = await self._container_path(file)
        parent = os.path.dirname(path)
        if parent:
            self._check(await self.exec(["mkdir", "-p", parent]), path)
        with tempfile.TemporaryDirectory(prefix="inspect-docker-") as directory:
            local = os.path.join(directory, "contents")
            data = contents.encode() if isinstance(contents, str) else contents
            await asyncio.to_thread(_write_bytes, local, data)
            copy = cp_command(self.project, local, f"{self.service}:{path}")
            self._check(await run_process(copy), path)

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    async def read_file(self, file: str, text: bool = True) -> str | bytes:
        """Copy ``file`` out of the container and return its contents."""
        path = await self._container_path(file)
        with tempfile.TemporaryDirectory(prefix="inspect-docker-") as directory:
            local = os.path.join(directory, "contents")
            copy = cp_command(self.project, f"{self.service}:{path}", local)
            self._check(await run_process(copy), path)
            if os.path.isdir(local):
                raise IsADirectoryError(21, "Is a directory", file)
            data = await asyncio.to_thread(_read_bytes, local)
        return data.decode() if text else data

    async def _container_path(self, file: str) -> str:
        if file.startswith("/"):
            return file
        if self._working_dir is None:
            result = await self.exec(["sh", "-c", "pwd"])
            self._working_dir = result.stdout.strip() or "/"
        return f"{self._working_dir.rstrip('/')}/{file}"

    def _check(self, result: ExecResult[str], path: str) -> None:
        """Raise the error ``result`` of a file operation on ``path`` stands for."""
        if result.success:
            return
        message = result.stderr.lower()
        if "no such file" in message or "could not find" in message:
            raise FileNotFoundError(2, "No such file or directory", path)
        if "permission denied" in message:
            raise PermissionError(13, "Permission denied", path)
        if "is a directory" in message:
            raise IsADirectoryError(21, "Is a directory", path)
        raise RuntimeError(f"docker file operation on {shlex.quote(path)} failed: {result.stderr}")


def _config_file(config: SandboxEnvironmentConfigType | None) -> str | None:
    if config is None or isinstance(config, str):
        return config
    raise ValueError("The docker sandbox takes a compose file or Dockerfile as its config.")


def _write_bytes(path: str, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)


def _read_bytes(path: str) -> bytes:
    limit = SandboxEnvironmentLimits.MAX_READ_FILE_SIZE
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OutputLimitExceededError(limit_str(limit), None)
    return data
