"""``@sandboxenv``: registering sandbox environment providers, and finding them by type."""

from collections.abc import Callable
from typing import TypeVar

from inspect_ai._registry.registry import RegistryInfo, registry_add, registry_find, registry_names
from inspect_ai._sandbox.environment import SandboxEnvironment

SandboxClass = TypeVar("SandboxClass", bound=type[SandboxEnvironment])


def sandboxenv(name: str) -> Callable[[SandboxClass], SandboxClass]:
    """Register a ``SandboxEnvironment`` subclass as the provider of sandbox type ``name``.

    Args:
        name: The sandbox type (as given in ``sandbox="<name>"``).
    """

    def register(cls: SandboxClass) -> SandboxClass:
        if not (isinstance(cls, type) and issubclass(cls, SandboxEnvironment)):
            raise TypeError(f"@sandboxenv('{name}') must decorate a SandboxEnvironment subclass.")
        registry_add(cls, RegistryInfo(type="sandboxenv", name=name))
        return cls

    return register


def sandboxenv_class(sandbox_type: str) -> type[SandboxEnvironment]:
    """The provider registered for ``sandbox_type`` (ValueError if there is none)."""
    _register_builtin()
    found = registry_find("sandboxenv", sandbox_type)
    if isinstance(found, type) and issubclass(found, SandboxEnvironment):
        return found
    names = ", ".join(sorted(registry_names("sandboxenv")))
    raise ValueError(
        f"SandboxEnvironment type '{sandbox_type}' not recognized (registered types: {names})."
    )


def _register_builtin() -> None:
    """Import the built-in providers (they register themselves)."""
    import inspect_ai._sandbox.docker.docker  # noqa: F401
    import inspect_ai._sandbox.local.local  # noqa: F401
