"""The solver protocol, the ``generate`` function solvers receive, and ``@solver``."""

from collections.abc import Callable
from typing import Any, Literal, Protocol, TypeVar, overload

from inspect_ai._model.generate_config import CachePolicy
from inspect_ai._registry.factory import registered_factory
from inspect_ai._registry.registry import RegistryInfo, registry_factory_name
from inspect_ai._solver.state import TaskState


class Generate(Protocol):
    """Calls the model on the conversation, appends its reply and sets ``state.output``.

    Args:
        state: The task state.
        tool_calls: ``loop`` runs tool calls until the model stops calling tools,
            ``single`` runs one round, ``none`` returns the tool calls unrun.
        cache: Cache the model's output (``True``, or a ``CachePolicy``).
        **kwargs: Generation options overriding the eval's config for this call.
    """

    async def __call__(
        self,
        state: TaskState,
        tool_calls: Literal["loop", "single", "none"] = "loop",
        cache: bool | CachePolicy = False,
        **kwargs: Any,
    ) -> TaskState: ...


class Solver(Protocol):
    """A step of a task: transforms the task state, possibly calling ``generate``."""

    async def __call__(self, state: TaskState, generate: Generate) -> TaskState: ...


SolverFactory = TypeVar("SolverFactory", bound=Callable[..., Solver])


@overload
def solver(name: SolverFactory) -> SolverFactory: ...


@overload
def solver(name: str | None = None) -> Callable[[SolverFactory], SolverFactory]: ...


def solver(
    name: str | SolverFactory | None = None,
) -> SolverFactory | Callable[[SolverFactory], SolverFactory]:
    """Register a solver factory (a function returning a ``solve`` function).

    Use as ``@solver`` or ``@solver(name="...")``. The solvers it creates carry their
    name and arguments, which the log's plan records.

    Args:
        name: Name to register under (defaults to the function's name).
    """
    if callable(name):
        factory = name
        info = RegistryInfo(type="solver", name=registry_factory_name(factory, None))
        return registered_factory(factory, info)

    def decorate(factory: SolverFactory) -> SolverFactory:
        info = RegistryInfo(type="solver", name=registry_factory_name(factory, name))
        return registered_factory(factory, info)

    return decorate
