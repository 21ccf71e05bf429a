"""Whether Docker can run sandboxes here: the CLI, the compose plugin and a reachable engine."""

import shutil
import subprocess


def docker_unavailable_reason() -> str | None:
    """Why docker sandboxes cannot run on this machine (None: they can)."""
    if shutil.which("docker") is None:
        return "the docker command is not installed"
    checks = [
        (["docker", "compose", "version"], "the docker compose plugin is not installed"),
        (["docker", "info", "--format", "{{.ServerVersion}}"], "the Docker engine is not running"),
    ]
    for command, reason in checks:
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as ex:
            return f"{reason} ({ex})"
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            return f"{reason} ({detail[0]})" if detail else reason
    return None
