"""The score reducer protocol, ``@score_reducer``, and reducer names."""

from collections.abc import Callable, Sequence
from typing import Protocol, TypeAlias, TypeVar, overload

from inspect_ai._registry.factory import registered_factory
from inspect_ai._registry.registry import RegistryInfo, registry_factory_name, registry_name
from inspect_ai._scorer.score import Score


class ScoreReducer(Protocol):
    """Combines the scores a sample got in each epoch into one score."""

    def __call__(self, scores: list[Score]) -> Score: ...


ScoreReducers: TypeAlias = str | ScoreReducer | Sequence[str | ScoreReducer]
"""One or more reducers, as objects or by name (``"mean"``, ``"pass_at_2"``, ...)."""

ReducerFactory = TypeVar("ReducerFactory", bound=Callable[..., ScoreReducer])

_NAME_ATTR = "__inspect_reducer_name__"


@overload
def score_reducer(name: ReducerFactory) -> ReducerFactory: ...


@overload
def score_reducer(name: str | None = None) -> Callable[[ReducerFactory], ReducerFactory]: ...


def score_reducer(
    name: str | ReducerFactory | None = None,
) -> ReducerFactory | Callable[[ReducerFactory], ReducerFactory]:
    """Register a score reducer factory (a function returning a reducer function).

    Use as ``@score_reducer`` or ``@score_reducer(name="...")``.

    Args:
        name: Name to register under (defaults to the function's name).
    """
    if callable(name):
        factory = name
        info = RegistryInfo(type="score_reducer", name=registry_factory_name(factory, None))
        return registered_factory(factory, info)

    def decorate(factory: ReducerFactory) -> ReducerFactory:
        info = RegistryInfo(type="score_reducer", name=registry_factory_name(factory, name))
        return registered_factory(factory, info)

    return decorate


def set_reducer_name(reducer: ScoreReducer, name: str) -> ScoreReducer:
    """Give a reducer the name it is logged under (e.g. ``pass_at_2``)."""
    setattr(reducer, _NAME_ATTR, name)
    return reducer


def reducer_name(reducer: ScoreReducer) -> str:
    """The name a reducer is logged under (``mean``, ``at_least_2``, ...)."""
    name = getattr(reducer, _NAME_ATTR, None)
    if isinstance(name, str):
        return name
    return registry_name(reducer).rsplit("/", 1)[-1]
