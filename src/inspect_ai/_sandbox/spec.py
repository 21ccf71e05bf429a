"""Which sandbox environment a task or sample uses, and its configuration."""

from typing import Any, TypeAlias

from pydantic import ConfigDict, model_validator

from inspect_ai._json.model import LogModel


class SandboxEnvironmentSpec(LogModel):
    """A sandbox environment type (e.g. ``docker``) and optional config (e.g. a compose file)."""

    model_config = ConfigDict(frozen=True)

    type: str
    """Sandbox environment type."""

    config: Any = None
    """Sandbox configuration: a file name or a provider-specific config object."""

    def __init__(self, type: str, config: Any = None) -> None:
        super().__init__(type=type, config=config)

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        # older logs store the spec as a [type, config] pair
        if isinstance(data, list | tuple):
            return {"type": data[0], "config": data[1] if len(data) > 1 else None}
        return data


SandboxEnvironmentType: TypeAlias = SandboxEnvironmentSpec | str | tuple[str, Any]
"""A sandbox given as a spec, a type name, or a ``(type, config)`` pair."""


def resolve_sandbox_spec(sandbox: SandboxEnvironmentType | None) -> SandboxEnvironmentSpec | None:
    """Normalise the ways of naming a sandbox into a spec."""
    if sandbox is None or isinstance(sandbox, SandboxEnvironmentSpec):
        return sandbox
    if isinstance(sandbox, str):
        return SandboxEnvironmentSpec(sandbox)
    return SandboxEnvironmentSpec(sandbox[0], sandbox[1])
