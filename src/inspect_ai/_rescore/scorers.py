"""Scorers created by name: ``--scorer`` of ``inspect score``, and a log's own scorers."""

import re
from pathlib import Path
from types import ModuleType
from typing import Any

from inspect_ai._log.model.log import EvalLog
from inspect_ai._registry.registry import is_registry_object, registry_find, registry_name
from inspect_ai._scorer.scorer import Scorer

NamedScorers = list[tuple[str, Scorer]]
"""Scorers with the names their scores are kept under in each sample."""

_SCORER_FILE_SUFFIXES = (".py", ".ipynb")
_REPEAT_NUMBER = re.compile(r"\d+$")


def create_scorer(name: str, args: dict[str, Any] | None = None) -> Scorer:
    """The scorer ``name`` names, created with ``args``.

    Args:
        name: Registry name of a ``@scorer`` (``match``, ``inspect_ai/match``), or a file
            and a scorer defined in it (``scorers.py@my_scorer``).
        args: Arguments of the scorer function.

    Raises:
        ValueError: There is no such scorer, or it cannot be created with ``args``.
    """
    factory = _scorer_factory(name)
    try:
        created = factory(**(args or {}))
    except TypeError as ex:
        raise ValueError(f"Scorer '{name}' could not be created: {ex}") from None
    if not callable(created):
        raise ValueError(f"Scorer '{name}' did not return a scorer.")
    scorer: Scorer = created
    return scorer


def log_scorers(log: EvalLog, task_file: str | None = None) -> NamedScorers:
    """The scorers of the task that wrote ``log``, created again from its spec.

    The task file (``task_file``, else ``eval.task_file``) is executed first when it
    exists, so the scorers it defines are registered. Each scorer keeps the name the log
    gave it.

    Raises:
        ValueError: The log names no scorers, or one cannot be created.
    """
    specs = log.eval.scorers or []
    if not specs:
        raise ValueError("The log records no scorers: name one with --scorer.")
    load_task_file(task_file or log.eval.task_file)
    _register_builtins()
    return [(spec.name, _spec_scorer(spec.name, spec.options or {})) for spec in specs]


def load_task_file(task_file: str | None) -> None:
    """Execute a task file (if it exists), registering the scorers and metrics it defines."""
    if task_file is None or not Path(task_file).is_file():
        return
    _load(Path(task_file))


def _spec_scorer(name: str, options: dict[str, Any]) -> Scorer:
    """A scorer the log names (a repeated scorer is logged as ``match1``, ``match2``...)."""
    for candidate in (name, _REPEAT_NUMBER.sub("", name)):
        if candidate and callable(registry_find("scorer", candidate)):
            return create_scorer(candidate, options)
    raise ValueError(f"Scorer '{name}' of the log is not available (is its task file present?).")


def _scorer_factory(name: str) -> Any:
    file, separator, function = name.rpartition("@")
    if separator and file.lower().endswith(_SCORER_FILE_SUFFIXES):
        return _file_scorer(Path(file), function)
    _register_builtins()
    found = registry_find("scorer", name)
    if found is None or not callable(found):
        raise ValueError(f"Unknown scorer '{name}' (use the name of a @scorer, or file.py@name).")
    return found


def _file_scorer(path: Path, name: str) -> Any:
    if not path.is_file():
        raise ValueError(f"Scorer file '{path}' does not exist.")
    module = _load(path)
    for value in vars(module).values():
        if is_registry_object(value, "scorer") and name in (
            registry_name(value),
            getattr(value, "__name__", None),
        ):
            return value
    raise ValueError(f"Scorer '{name}' not found in {path}.")


def _load(path: Path) -> ModuleType:
    from inspect_ai._task.module import load_task_module
    from inspect_ai._task.source import read_task_source

    return load_task_module(read_task_source(path))


def _register_builtins() -> None:
    import inspect_ai.scorer  # noqa: F401  (registers the built-in scorers)
