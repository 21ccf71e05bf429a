"""Sandbox specs with their config files found: relative to the task's directory, or the
provider's standard config file there when none is named."""

import os

from inspect_ai._sandbox.registry import sandboxenv_class
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec


def resolve_sandbox(
    spec: SandboxEnvironmentSpec | None, base_dir: str | None
) -> SandboxEnvironmentSpec | None:
    """``spec`` with its config file as an absolute path (when one exists).

    Args:
        spec: The spec as the task or sample gives it.
        base_dir: The task's directory (None: the working directory).
    """
    if spec is None:
        return None
    directory = base_dir or os.getcwd()
    if spec.config is None:
        for name in sandboxenv_class(spec.type).config_files():
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return SandboxEnvironmentSpec(spec.type, candidate)
        return spec
    if isinstance(spec.config, str):
        path = os.path.join(directory, os.path.expanduser(spec.config))
        if os.path.exists(path):
            return SandboxEnvironmentSpec(spec.type, os.path.abspath(path))
    return spec
