"""Task arguments: reading them (dict or JSON/YAML file) and passing them to a task function.

Values given as strings (as ``-T key=value`` on the command line gives them) are converted
when passed to the task function: ``true``/``false`` become booleans, numbers become ints
or floats, ``none``/``null`` become None, and JSON/YAML lists and dicts are parsed; other
strings stay strings. A parameter annotated ``str`` (or unannotated with a string default)
keeps the string as given (``str | None`` parameters convert only ``none``/``null``).
"""

import inspect
import json
import logging
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

logger = logging.getLogger(__name__)

_INT = re.compile(r"[-+]?\d+")
_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?")
_NONE_WORDS = ("none", "null")
_STR_NAMES = ("str",)
_OPTIONAL_STR_NAMES = ("str|None", "None|str", "Optional[str]", "typing.Optional[str]")

StringKind = Literal["str", "optional_str"]


def resolve_task_args(task_args: Mapping[str, Any] | str | None) -> dict[str, Any]:
    """Task arguments as a dict: a mapping is copied, a string is a JSON or YAML file path."""
    if task_args is None:
        return {}
    if isinstance(task_args, str):
        return load_task_args_file(task_args)
    return dict(task_args)


def load_task_args_file(path: str) -> dict[str, Any]:
    """Read task arguments from a JSON (``.json``) or YAML file holding a mapping."""
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"Task args file '{path}' does not exist.")
    import yaml  # imported when used: most evals have no YAML to read

    text = file.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if file.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as error:
        raise ValueError(f"Task args file '{path}' could not be parsed: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"Task args file '{path}' must hold a mapping of names to values.")
    return {str(key): value for key, value in data.items()}


def convert_arg_value(value: str) -> Any:
    """A string argument value converted to the bool, number, None, list or dict it spells."""
    text = value.strip()
    lower = text.lower()
    if lower in ("true", "false"):
        return lower == "true"
    if lower in _NONE_WORDS:
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text[:1] in ("[", "{"):
        import yaml

        try:
            parsed = yaml.safe_load(text)
        except yaml.YAMLError:
            return value
        if isinstance(parsed, list | dict):
            return parsed
    return value


def task_call_args(func: Callable[..., Any], args: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The keyword arguments to call the task function ``func`` with, from ``args``.

    Arguments the function does not accept are dropped with a warning (unless it takes
    ``**kwargs``), string values are converted (see the module docstring), and a missing
    required argument raises ``ValueError`` naming the task (``name``) and the parameter.
    """
    parameters = _parameters(func)
    accepted = _accepted_args(parameters, args, name)
    _check_required(parameters, accepted, name)
    return {key: _convert_for(parameters.get(key), value) for key, value in accepted.items()}


def _parameters(func: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    """The parameters of ``func`` (none if its signature cannot be read)."""
    try:
        return dict(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return {}


def _accepted_args(
    parameters: Mapping[str, inspect.Parameter], args: Mapping[str, Any], name: str
) -> dict[str, Any]:
    """The args the function accepts; a warning names the others."""
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return dict(args)
    keyword_kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    names = {key for key, p in parameters.items() if p.kind in keyword_kinds}
    ignored = [key for key in args if key not in names]
    if ignored:
        logger.warning(
            "Task '%s' does not accept the argument(s) %s; ignoring them.",
            name,
            ", ".join(f"'{key}'" for key in ignored),
        )
    return {key: value for key, value in args.items() if key in names}


def _check_required(
    parameters: Mapping[str, inspect.Parameter], args: Mapping[str, Any], name: str
) -> None:
    """Raise ``ValueError`` naming the first required parameter missing from ``args``."""
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    for key, parameter in parameters.items():
        required = parameter.default is inspect.Parameter.empty and parameter.kind not in variadic
        if required and key not in args:
            raise ValueError(
                f"Task '{name}' requires the argument '{key}' "
                f"(pass it as a task arg, e.g. -T {key}=...)."
            )


def _convert_for(parameter: inspect.Parameter | None, value: Any) -> Any:
    """``value`` converted for ``parameter`` (only string values are converted)."""
    if not isinstance(value, str):
        return value
    kind = _string_kind(parameter)
    if kind == "str":
        return value
    converted = convert_arg_value(value)
    if kind == "optional_str":
        return None if converted is None else value
    return converted


def _string_kind(parameter: inspect.Parameter | None) -> StringKind | None:
    """Whether ``parameter`` takes a string (``str``), an optional string, or other values."""
    if parameter is None:
        return None
    annotation = parameter.annotation
    if annotation is inspect.Parameter.empty:
        return "str" if isinstance(parameter.default, str) else None
    if isinstance(annotation, str):
        return _string_kind_of_name(annotation.replace(" ", ""))
    if annotation is str:
        return "str"
    is_union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    if is_union and set(typing.get_args(annotation)) == {str, type(None)}:
        return "optional_str"
    return None


def _string_kind_of_name(annotation: str) -> StringKind | None:
    """``_string_kind`` for an annotation written as a string."""
    if annotation in _STR_NAMES:
        return "str"
    if annotation in _OPTIONAL_STR_NAMES:
        return "optional_str"
    return None
