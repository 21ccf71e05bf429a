"""The metric protocol, ``@metric``, and calling metrics written for either kind of score list.

A metric takes the scores of every sample and returns a value. Metrics written today take
``list[SampleScore]``; older ones take ``list[Score]``. Which one a metric wants is read
from the annotation of its parameter (``list[Score]`` means plain scores, anything else
sample scores), and its input is converted to match.
"""

import functools
import inspect
import typing
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeAlias, TypeVar, overload

from inspect_ai._registry.factory import registered_factory
from inspect_ai._registry.params import jsonable_params
from inspect_ai._registry.registry import (
    RegistryInfo,
    registry_factory_name,
    registry_name,
    registry_params_passed,
)
from inspect_ai._scorer.sample_score import SampleScore
from inspect_ai._scorer.score import Score

MetricValue: TypeAlias = int | float | dict[str, int | float] | list[int | float]
"""What a metric computes: a number, or several (named or listed)."""


class Metric(Protocol):
    """Computes a value from the scores of every sample."""

    def __call__(self, scores: list[SampleScore]) -> MetricValue: ...


MetricFactory = TypeVar("MetricFactory", bound=Callable[..., Any])

_ADAPTED = "__inspect_metric_adapted__"
_BUILTIN_PREFIX = "inspect_ai/"


@overload
def metric(name: MetricFactory) -> MetricFactory: ...


@overload
def metric(name: str | None = None) -> Callable[[MetricFactory], MetricFactory]: ...


def metric(
    name: str | MetricFactory | None = None,
) -> MetricFactory | Callable[[MetricFactory], MetricFactory]:
    """Register a metric factory (a function returning a metric function).

    Use as ``@metric`` or ``@metric(name="...")``. The metrics it creates carry their name
    and arguments (for the log), and accept either sample scores or plain scores.

    Args:
        name: Name to register under (defaults to the function's name).
    """
    if callable(name):
        return _register(name, None)

    def decorate(factory: MetricFactory) -> MetricFactory:
        return _register(factory, name)

    return decorate


def _register(factory: MetricFactory, name: str | None) -> MetricFactory:
    @functools.wraps(factory)
    def create(*args: Any, **kwargs: Any) -> Metric:
        return adapt_metric(factory(*args, **kwargs))

    info = RegistryInfo(type="metric", name=registry_factory_name(factory, name))
    return registered_factory(create, info)  # type: ignore[return-value]


def builtin_metric(factory: MetricFactory) -> MetricFactory:
    """Register a metric of this package (logged as ``inspect_ai/<name>``)."""
    return _register(factory, _BUILTIN_PREFIX + factory.__name__)


def adapt_metric(fn: Callable[..., Any]) -> Metric:
    """``fn`` made to accept sample scores or plain scores, whichever it was written for."""
    if getattr(fn, _ADAPTED, False):
        return typing.cast(Metric, fn)
    wants_scores = _wants_plain_scores(fn)

    @functools.wraps(fn)
    def call(scores: Sequence[SampleScore | Score]) -> MetricValue:
        items = [_plain(item) for item in scores] if wants_scores else _samples(scores)
        return typing.cast(MetricValue, fn(items))

    setattr(call, _ADAPTED, True)
    return typing.cast(Metric, call)


def call_metric(fn: Callable[..., Any], scores: Sequence[SampleScore]) -> MetricValue:
    """Compute a metric (decorated or not) over sample scores."""
    return adapt_metric(fn)(list(scores))


def metric_name(fn: object) -> str:
    """The name of a metric in results (``accuracy``, not ``inspect_ai/accuracy``)."""
    return metric_log_name(fn).rsplit("/", 1)[-1]


def metric_log_name(fn: object) -> str:
    """The registered name of a metric (``inspect_ai/accuracy`` for built-ins)."""
    return registry_name(fn)


def metric_params(fn: object) -> dict[str, Any]:
    """The arguments a metric was created with (those passed explicitly), as JSON data."""
    return jsonable_params(registry_params_passed(fn))


def _plain(item: SampleScore | Score) -> Score:
    return item.score if isinstance(item, SampleScore) else item


def _samples(items: Sequence[SampleScore | Score]) -> list[SampleScore]:
    return [item if isinstance(item, SampleScore) else SampleScore(score=item) for item in items]


def _wants_plain_scores(fn: Callable[..., Any]) -> bool:
    annotation = _first_parameter_annotation(fn)
    if isinstance(annotation, str):
        text = annotation.replace(" ", "")
        return text.endswith("[Score]") and "SampleScore" not in text
    args = typing.get_args(annotation)
    return len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], Score)


def _first_parameter_annotation(fn: Callable[..., Any]) -> Any:
    try:
        parameters = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return None
    if not parameters:
        return None
    annotation = parameters[0].annotation
    if isinstance(annotation, str):
        try:
            return typing.get_type_hints(fn).get(parameters[0].name, annotation)
        except Exception:
            return annotation
    return annotation
