"""The ``docker compose`` command lines of a sample's project: up, exec, cp and down."""

import re
from dataclasses import dataclass

from inspect_ai._ids import short_uuid


@dataclass(frozen=True)
class ComposeProject:
    """A compose project: one sample's containers."""

    name: str
    """Project name (``-p``)."""

    compose_file: str
    """The compose file (``-f``)."""


def project_name(task_name: str, unique: str | None = None) -> str:
    """A compose project name for a sample of ``task_name``: ``inspect-<task>-i<id>``.

    Compose names allow only lowercase letters, digits, ``-`` and ``_``.
    """
    task = re.sub(r"[^a-z0-9_-]+", "-", task_name.lower()).strip("-_")[:40] or "task"
    suffix = re.sub(r"[^a-z0-9]", "", (unique or short_uuid()).lower())
    return f"inspect-{task}-i{suffix}"


def compose_command(project: ComposeProject, *args: str) -> list[str]:
    """``docker compose -p <project> -f <file> <args...>``."""
    return ["docker", "compose", "-p", project.name, "-f", project.compose_file, *args]


def up_command(project: ComposeProject, wait_timeout: int = 120) -> list[str]:
    """Start the project's services (building images as needed) and wait until healthy."""
    return compose_command(project, "up", "--detach", "--wait", "--wait-timeout", str(wait_timeout))


def build_command(project: ComposeProject) -> list[str]:
    """Build the images of the project's services that have a ``build`` section."""
    return compose_command(project, "build")


def exec_command(
    project: ComposeProject,
    service: str,
    cmd: list[str],
    cwd: str | None = None,
    env: dict[str, str] | None = None,
    user: str | None = None,
    timeout: int | None = None,
) -> list[str]:
    """Run ``cmd`` in ``service`` (without a TTY; stdin is passed through).

    With ``timeout``, the command runs under coreutils ``timeout`` in the container, so
    it is killed there (not just the local ``docker`` client).
    """
    args = ["exec", "-T"]
    if cwd is not None:
        args += ["--workdir", cwd]
    if user is not None:
        args += ["--user", user]
    for name, value in (env or {}).items():
        args += ["--env", f"{name}={value}"]
    if timeout is not None:
        cmd = ["timeout", "--kill-after=5", f"{timeout}s", *cmd]
    return compose_command(project, *args, service, *cmd)


def cp_command(project: ComposeProject, source: str, destination: str) -> list[str]:
    """Copy between the host and a container (``<service>:<path>`` names a container path)."""
    return compose_command(project, "cp", source, destination)


def down_command(project: ComposeProject) -> list[str]:
    """Stop and remove the project's containers, networks and volumes."""
    return compose_command(project, "down", "--volumes", "--timeout", "1")
