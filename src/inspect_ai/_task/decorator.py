"""``@task``: registering a function that returns a ``Task``."""

import functools
import inspect
import os
from collections.abc import Callable
from typing import Any, TypeVar, cast

from inspect_ai._registry.factory import bound_params
from inspect_ai._registry.registry import (
    RegistryInfo,
    is_registry_object,
    registry_add,
    registry_factory_name,
    registry_info,
)
from inspect_ai._task.task import Task, record_task_origin

TaskFunction = TypeVar("TaskFunction", bound=Callable[..., Task])

ATTRIBS_KEY = "attribs"
"""Key of the ``@task`` attributes in the registry info's metadata."""


def task(*args: Any, name: str | None = None, **attribs: Any) -> Any:
    """Decorator for registering tasks.

    Use as ``@task``, ``@task(name="...")`` or ``@task(light=True, ...)``. Each task the
    function returns records the registry name (its name unless given one explicitly),
    the attributes, the call's arguments (``task_args``, defaults applied, and
    ``task_args_passed``) and the file defining the function (``task_file``).

    Args:
        *args: Function returning ``Task`` targeted by plain task decorator without
            attributes (e.g. ``@task``).
        name: Optional name for the task (defaults to the name of the function).
        **attribs: Additional task attributes.
    """
    if args:
        if len(args) > 1 or not callable(args[0]) or name is not None or attribs:
            raise TypeError("@task takes a function, or only keyword arguments.")
        return _register(args[0], None, {})

    def decorate(func: TaskFunction) -> TaskFunction:
        return _register(func, name, attribs)

    return decorate


def _register(func: TaskFunction, name: str | None, attribs: dict[str, Any]) -> TaskFunction:
    """Wrap ``func`` so the tasks it returns carry their origin, and register it."""
    info = RegistryInfo(
        type="task",
        name=registry_factory_name(func, name),
        metadata={ATTRIBS_KEY: dict(attribs)},
    )
    file = function_file(func)

    @functools.wraps(func)
    def create(*call_args: Any, **call_kwargs: Any) -> Task:
        created = func(*call_args, **call_kwargs)
        if not isinstance(created, Task):
            raise TypeError(
                f"Task function '{info.name}' must return a Task (got {type(created).__name__})."
            )
        params, passed = bound_params(func, call_args, call_kwargs)
        record_task_origin(
            created,
            name=info.name,
            registry_name=info.name,
            file=file,
            attribs=attribs,
            args=params,
            args_passed=passed,
        )
        return created

    registry_add(create, info)
    return cast(TaskFunction, create)


def task_attribs(func: object) -> dict[str, Any]:
    """The ``@task`` attributes of a registered task function ({} for other objects)."""
    if not is_registry_object(func, "task"):
        return {}
    return dict(registry_info(func).metadata.get(ATTRIBS_KEY, {}))


def function_file(func: object) -> str | None:
    """Absolute path of the file defining ``func`` (None if not defined in a file)."""
    try:
        file = inspect.getfile(cast(Callable[..., Any], func))
    except (TypeError, OSError):
        return None
    if file.startswith("<") and file.endswith(">"):
        return None
    return os.path.abspath(file)
