"""The tool protocol and ``@tool``: registering factories of functions a model can call."""

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar, overload

from inspect_ai._registry.factory import registered_factory
from inspect_ai._registry.registry import RegistryInfo, registry_add, registry_factory_name
from inspect_ai._tool.call import ToolCallViewer
from inspect_ai._tool.describe import tool_spec
from inspect_ai._tool.result import ToolResult


class Tool(Protocol):
    """A tool: an async function, described to the model by its name, docstring and types."""

    async def __call__(self, *args: Any, **kwargs: Any) -> ToolResult: ...


ToolFactory = TypeVar("ToolFactory", bound=Callable[..., Tool])


@overload
def tool(func: ToolFactory, /) -> ToolFactory: ...


@overload
def tool(
    func: None = None,
    /,
    *,
    name: str | None = None,
    viewer: ToolCallViewer | None = None,
    parallel: bool = True,
    prompt: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> Callable[[ToolFactory], ToolFactory]: ...


def tool(
    func: ToolFactory | None = None,
    /,
    *,
    name: str | None = None,
    viewer: ToolCallViewer | None = None,
    parallel: bool = True,
    prompt: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> ToolFactory | Callable[[ToolFactory], ToolFactory]:
    """Register a tool factory: a function returning the async function the model calls.

    Use as ``@tool`` or ``@tool(name=...)``. The model is told the tool's name, the
    description in the docstring of the function the factory returns (or of the factory
    itself), and each parameter's type and docstring description. A tool that cannot be
    described that way raises an error (naming the tool and the parameter) when created.

    Args:
        name: Name of the tool (defaults to the factory's name).
        viewer: Makes a custom view of each call for the log viewer.
        parallel: Whether calls may run at the same time as other tool calls.
        prompt: Deprecated: describe the tool in its docstring instead (ignored).
        params: Parameters filled in rather than asked of the model, by name: a value,
            or ``"metadata.<key>"`` for the value of ``<key>`` in the sample's metadata.
    """

    def decorate(factory: ToolFactory) -> ToolFactory:
        tool_name = registry_factory_name(factory, name)
        metadata = {
            "parallel": parallel,
            "viewer": viewer,
            "prompt": prompt,
            "params": dict(params or {}),
        }
        info = RegistryInfo(type="tool", name=tool_name, metadata=metadata)
        return _described(registered_factory(_with_docstring(factory), info), info)

    return decorate(func) if func is not None else decorate


def _described(create: ToolFactory, info: RegistryInfo) -> ToolFactory:
    """``create`` (a registered factory) describing each tool it makes, so a tool that
    cannot be described fails when it is created; registered in its place."""

    @functools.wraps(create)
    def described(*args: Any, **kwargs: Any) -> Any:
        created = create(*args, **kwargs)
        tool_spec(created)
        return created

    registry_add(described, info)
    return described  # type: ignore[return-value]


def _with_docstring(factory: ToolFactory) -> ToolFactory:
    """``factory`` giving the tools it makes its own docstring when they have none."""

    @functools.wraps(factory)
    def create(*args: Any, **kwargs: Any) -> Any:
        created = factory(*args, **kwargs)
        _adopt_docstring(created, factory)
        return created

    return create  # type: ignore[return-value]


def _adopt_docstring(created: object, factory: Callable[..., Any]) -> None:
    """Give the tool its factory's docstring when it has none of its own."""
    if inspect.getdoc(created) or not inspect.getdoc(factory):
        return
    try:
        created.__doc__ = factory.__doc__
    except (AttributeError, TypeError):
        pass
