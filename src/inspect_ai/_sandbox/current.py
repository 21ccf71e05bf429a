"""The sandbox environments of the running sample: ``sandbox()`` and ``sandbox_with()``."""

from contextvars import ContextVar

from inspect_ai._sandbox.environment import SandboxEnvironment

_environments: ContextVar[dict[str, SandboxEnvironment] | None] = ContextVar(
    "inspect_sandbox_environments", default=None
)


def sandbox(name: str | None = None) -> SandboxEnvironment:
    """The sandbox environment of the running sample.

    Args:
        name: Name of the environment (None: the default one). A provider may create
            several per sample (e.g. one per service of a compose file).

    Raises:
        ProcessLookupError: No sample is running, or neither the sample nor its task
            has a sandbox.
        ValueError: The sample has no environment named ``name``.
    """
    environments = _environments.get()
    if not environments:
        raise ProcessLookupError(
            "No sandbox environment has been provided for the current sample or task. "
            "Please specify a sandbox for the sample or a global default sandbox for the task."
        )
    if name is None:
        return next(iter(environments.values()))
    found = environments.get(name)
    if found is None:
        raise ValueError(f"SandboxEnvironment '{name}' is not a recognized environment name.")
    return found


async def sandbox_with(file: str, on_path: bool = False) -> SandboxEnvironment | None:
    """The first sandbox environment of the running sample that has ``file``.

    Args:
        file: Path of a file (readable there), or a program name with ``on_path``.
        on_path: Look for an executable named ``file`` on the environment's ``PATH``.

    Returns:
        The environment, or None if none has the file.
    """
    environments = _environments.get() or {}
    check = ["which", file] if on_path else ["test", "-r", file]
    for environment in environments.values():
        result = await environment.exec(check)
        if result.success:
            return environment
    return None


def set_sandbox_environments(
    environments: dict[str, SandboxEnvironment] | None,
) -> None:
    """Make ``environments`` (default first) those of the current sample (None: none)."""
    _environments.set(environments)


def sandbox_environments() -> dict[str, SandboxEnvironment] | None:
    """The sandbox environments of the current sample (None outside sandboxed samples)."""
    return _environments.get()
