"""The scorer protocol, ``@scorer``, and what the runner reads off a scorer."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeAlias, TypeVar, cast, overload

from inspect_ai._registry.factory import registered_factory
from inspect_ai._registry.params import jsonable_params
from inspect_ai._registry.registry import (
    RegistryInfo,
    is_registry_object,
    registry_factory_name,
    registry_info,
    registry_name,
    registry_params_passed,
)
from inspect_ai._scorer.metric import Metric
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.target import Target
from inspect_ai._solver.state import TaskState

ScorerMetrics: TypeAlias = (
    Sequence[Metric | Mapping[str, Sequence[Metric]]] | Mapping[str, Sequence[Metric]]
)
"""Metrics of a scorer: a list (items may be ``{key: [metrics]}`` for dict-valued scores),
or metrics per key of dict-valued scores (``"*"`` for every other key)."""


class Scorer(Protocol):
    """Scores the output of a sample against its target (None leaves it unscored)."""

    async def __call__(self, state: TaskState, target: Target) -> Score | None: ...


ScorerFactory = TypeVar("ScorerFactory", bound=Callable[..., Scorer])

_METRICS = "metrics"
_METADATA = "scorer_metadata"


@overload
def scorer(metrics: ScorerFactory) -> ScorerFactory: ...


@overload
def scorer(
    metrics: ScorerMetrics | None = None, name: str | None = None, **metadata: Any
) -> Callable[[ScorerFactory], ScorerFactory]: ...


def scorer(
    metrics: ScorerMetrics | ScorerFactory | None = None,
    name: str | None = None,
    **metadata: Any,
) -> ScorerFactory | Callable[[ScorerFactory], ScorerFactory]:
    """Register a scorer factory (a function returning a ``score`` function).

    Use as ``@scorer(metrics=[accuracy()])`` (or bare ``@scorer`` for no metrics). The scorers it creates carry their name,
    arguments, metrics and metadata, which the log records.

    Args:
        metrics: Metrics computed over the scores: a list, metrics per key of dict-valued
            scores (``{"a": [mean()], "b": [mean()]}``), or a list mixing both.
        name: Name to register under (defaults to the function's name).
        **metadata: Additional metadata recorded with the scorer.
    """
    if callable(metrics):  # bare @scorer: no metrics
        return _register(metrics, [], None, {})
    declared: ScorerMetrics = metrics if metrics is not None else []

    def decorate(factory: ScorerFactory) -> ScorerFactory:
        return _register(factory, declared, name, metadata)

    return decorate


def _register(
    factory: ScorerFactory, metrics: ScorerMetrics, name: str | None, metadata: dict[str, Any]
) -> ScorerFactory:
    info = RegistryInfo(
        type="scorer",
        name=registry_factory_name(factory, name),
        metadata={_METRICS: metrics, _METADATA: dict(metadata)},
    )
    return registered_factory(factory, info)


def scorer_metrics(scorer: object) -> ScorerMetrics:
    """The metrics a scorer declared (an empty list for undecorated scorers)."""
    if not is_registry_object(scorer):
        return []
    return cast(ScorerMetrics, registry_info(scorer).metadata.get(_METRICS, []))


def scorer_metadata(scorer: object) -> dict[str, Any]:
    """The metadata a scorer declared in ``@scorer(..., **metadata)``."""
    if not is_registry_object(scorer):
        return {}
    return dict(registry_info(scorer).metadata.get(_METADATA, {}))


def scorer_name(scorer: object) -> str:
    """The name of a scorer (unqualified: ``match``, not ``inspect_ai/match``)."""
    return registry_name(scorer).rsplit("/", 1)[-1]


def scorer_params(scorer: object) -> dict[str, Any]:
    """The arguments a scorer was created with (those passed explicitly), as JSON data."""
    return jsonable_params(registry_params_passed(scorer))


def unique_scorer_names(scorers: Sequence[object]) -> list[str]:
    """A distinct name for each scorer: repeated names get 1, 2, ... appended.

    These are the keys of a sample's ``scores`` (``match``, ``match1``, ...).
    """
    names: list[str] = []
    for item in scorers:
        base = scorer_name(item)
        name, count = base, 1
        while name in names:
            name, count = f"{base}{count}", count + 1
        names.append(name)
    return names
