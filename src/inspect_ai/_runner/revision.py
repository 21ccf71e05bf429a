"""The git revision of the directory a task comes from."""

import subprocess

from inspect_ai._log.model.spec import EvalRevision


def git_revision(directory: str) -> EvalRevision | None:
    """The origin, commit and dirtiness of the git checkout holding ``directory`` (if any)."""
    commit = _git(directory, "rev-parse", "HEAD")
    if commit is None:
        return None
    origin = _git(directory, "remote", "get-url", "origin") or ""
    status = _git(directory, "status", "--porcelain", "--untracked-files=no")
    return EvalRevision(origin=origin, commit=commit, dirty=bool(status))


def _git(directory: str, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", directory, *args], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None
