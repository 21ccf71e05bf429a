"""Public names imported on first use, so that importing a public module stays light."""

import importlib
from typing import Any


def lazy_export(namespace: dict[str, Any], modules: dict[str, str], name: str) -> Any:
    """The public name ``name`` of the module whose globals are ``namespace``, imported
    from ``modules[name]`` (and kept in ``namespace`` for the next lookup).

    Raises:
        AttributeError: ``name`` is not one of the module's names.
    """
    module = modules.get(name)
    if module is None:
        raise AttributeError(f"module '{namespace['__name__']}' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    namespace[name] = value
    return value
