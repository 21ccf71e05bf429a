"""Registered objects: their names, kinds and the parameters they were created with."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

RegistryType: TypeAlias = Literal[
    "task",
    "solver",
    "plan",
    "scorer",
    "metric",
    "score_reducer",
    "modelapi",
    "tool",
    "approver",
    "sandboxenv",
]
"""The kinds of object the registry holds."""

_INFO_ATTR = "__registry_info__"
_PARAMS_ATTR = "__registry_params__"
_PASSED_ATTR = "__registry_params_passed__"

_objects: dict[tuple[str, str], object] = {}


@dataclass(frozen=True)
class RegistryInfo:
    """What a registered object is: its kind, its name and extra metadata."""

    type: RegistryType
    name: str
    metadata: dict[str, Any] = field(default_factory=dict)


def registry_add(obj: object, info: RegistryInfo) -> None:
    """Register ``obj`` (usually a factory function or a class) under ``info``."""
    set_registry_info(obj, info)
    _objects[(info.type, info.name)] = obj


def registry_find(type: RegistryType, name: str) -> object | None:
    """The object registered as ``name`` of kind ``type``, or None."""
    found = _objects.get((type, name))
    if found is None and "/" in name:
        found = _objects.get((type, name.rsplit("/", 1)[1]))
    return found


def registry_names(type: RegistryType) -> list[str]:
    """Names of every registered object of kind ``type``."""
    return [name for (kind, name) in _objects if kind == type]


def set_registry_info(obj: object, info: RegistryInfo) -> None:
    """Attach registry info to an object without registering it by name."""
    setattr(obj, _INFO_ATTR, info)


def registry_info(obj: object) -> RegistryInfo:
    """The registry info of ``obj``; raises ValueError for an unregistered object."""
    info = getattr(obj, _INFO_ATTR, None)
    if not isinstance(info, RegistryInfo):
        raise ValueError(f"Object {obj!r} is not a registered object.")
    return info


def is_registry_object(obj: object, type: RegistryType | None = None) -> bool:
    """Whether ``obj`` carries registry info (of kind ``type`` when given)."""
    info = getattr(obj, _INFO_ATTR, None)
    return isinstance(info, RegistryInfo) and (type is None or info.type == type)


def registry_name(obj: object, default: str | None = None) -> str:
    """The registered name of ``obj`` (or ``default``, else its ``__name__``)."""
    info = getattr(obj, _INFO_ATTR, None)
    if isinstance(info, RegistryInfo):
        return info.name
    if default is not None:
        return default
    return str(getattr(obj, "__name__", type(obj).__name__))


def set_registry_params(obj: object, params: dict[str, Any], passed: dict[str, Any]) -> None:
    """Record the parameters ``obj`` was created with (all of them, and those passed)."""
    setattr(obj, _PARAMS_ATTR, params)
    setattr(obj, _PASSED_ATTR, passed)


def registry_params(obj: object) -> dict[str, Any]:
    """Every parameter ``obj`` was created with, defaults included."""
    return dict(getattr(obj, _PARAMS_ATTR, {}))


def registry_params_passed(obj: object) -> dict[str, Any]:
    """The parameters explicitly passed when ``obj`` was created."""
    return dict(getattr(obj, _PASSED_ATTR, {}))


def registry_factory_name(factory: Callable[..., Any], name: str | None) -> str:
    """The name a decorated factory registers under: ``name``, else its ``__name__``."""
    return name if name is not None else str(getattr(factory, "__name__", "unnamed"))
