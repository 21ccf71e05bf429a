"""Decorating a factory so each object it makes carries its name and parameters."""

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from inspect_ai._registry.registry import (
    RegistryInfo,
    registry_add,
    set_registry_info,
    set_registry_params,
)

F = TypeVar("F", bound=Callable[..., Any])


def bound_params(
    factory: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """All parameters of a call (defaults applied) and those explicitly passed."""
    try:
        signature = inspect.signature(factory)
        bound = signature.bind_partial(*args, **kwargs)
    except (TypeError, ValueError):
        return dict(kwargs), dict(kwargs)
    passed = _flatten(signature, dict(bound.arguments))
    bound.apply_defaults()
    return _flatten(signature, dict(bound.arguments)), passed


def _flatten(signature: inspect.Signature, arguments: dict[str, Any]) -> dict[str, Any]:
    """Spread ``**kwargs`` parameters into the top level; drop empty ``*args``."""
    flat: dict[str, Any] = {}
    for name, value in arguments.items():
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_KEYWORD:
            flat.update(value)
        elif kind is inspect.Parameter.VAR_POSITIONAL:
            if value:
                flat[name] = list(value)
        else:
            flat[name] = value
    return flat


def registered_factory(factory: F, info: RegistryInfo) -> F:
    """Register ``factory``; every object it returns is tagged with ``info`` and its args.

    The object a factory returns (a solver's ``solve`` function, a scorer's ``score``
    function, ...) carries the registry info of the factory and the parameters it was
    created with, so it can be named in logs and created again from them.
    """

    @functools.wraps(factory)
    def create(*args: Any, **kwargs: Any) -> Any:
        obj = factory(*args, **kwargs)
        params, passed = bound_params(factory, args, kwargs)
        try:
            set_registry_info(obj, info)
            set_registry_params(obj, params, passed)
        except (AttributeError, TypeError):
            pass  # objects that refuse attributes stay untagged
        return obj

    registry_add(create, info)
    return create  # type: ignore[return-value]
