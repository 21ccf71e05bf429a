"""The options of ``inspect eval`` as the keyword arguments of an ``eval()`` call.

Values were type-checked when parsed (``eval_types``); here they are put in the shape
``eval()`` takes. Whatever is left after the eval options are taken is generation config.
"""

import os
from typing import Any

from inspect_ai._cli.errors import OneLineUsageError


def eval_arguments(tasks: tuple[str, ...], options: dict[str, Any]) -> dict[str, Any]:
    """``eval()`` keyword arguments from the command's tasks and options."""
    remaining = dict(options)
    arguments: dict[str, Any] = {
        "tasks": list(tasks) or None,
        **_model_arguments(remaining),
        **_task_arguments(remaining),
        **_sample_arguments(remaining),
        **_error_arguments(remaining),
        **_log_arguments(remaining),
    }
    arguments.update({name: value for name, value in remaining.items() if value is not None})
    return arguments


def _model_arguments(options: dict[str, Any]) -> dict[str, Any]:
    from inspect_ai._task.not_given import NOT_GIVEN

    model_args = {
        **_config_file(options.pop("model_config"), "--model-config"),
        **_converted(options.pop("model_arg")),
    }
    return {
        "model": options.pop("model") or NOT_GIVEN,
        "model_base_url": options.pop("model_base_url"),
        "model_args": model_args,
        "model_roles": dict(options.pop("model_role")) or None,
    }


def _task_arguments(options: dict[str, Any]) -> dict[str, Any]:
    """Task args stay strings: the task function converts them for its parameters."""
    from inspect_ai._solver.spec import SolverSpec

    solver, solver_args = options.pop("solver"), _converted(options.pop("solver_arg"))
    if solver_args and not solver:
        raise OneLineUsageError("-S (solver arguments) needs --solver.")
    return {
        "task_args": {
            **_config_file(options.pop("task_config"), "--task-config"),
            **dict(options.pop("task_arg")),
        },
        "solver": SolverSpec(solver, solver_args) if solver else None,
        "tags": options.pop("tags") or None,
        "metadata": _converted(options.pop("metadata")) or None,
        "approval": options.pop("approval"),
        "sandbox": _sandbox(options.pop("sandbox")),
        "sandbox_cleanup": False if options.pop("no_sandbox_cleanup") else None,
        "max_sandboxes": options.pop("max_sandboxes"),
    }


def _sandbox(value: str | None) -> str | tuple[str, str] | None:
    """``docker`` or ``docker:compose.yaml`` (a type, and optionally its config file)."""
    if value is None or ":" not in value:
        return value
    kind, config = value.split(":", 1)
    return kind, config


def _sample_arguments(options: dict[str, Any]) -> dict[str, Any]:
    from inspect_ai._task.epochs import Epochs

    epochs, reducers = options.pop("epochs"), options.pop("epochs_reducer")
    if reducers and not epochs:
        raise OneLineUsageError("--epochs-reducer needs --epochs.")
    sample_ids = options.pop("sample_id")
    limits = ("message_limit", "token_limit", "time_limit", "working_limit")
    concurrency = ("max_samples", "max_tasks", "max_subprocesses")
    return {
        "limit": options.pop("limit"),
        "sample_id": [_sample_id(value) for value in sample_ids] if sample_ids else None,
        "epochs": Epochs(epochs, reducers) if epochs and reducers else epochs,
        **{name: options.pop(name) for name in (*limits, *concurrency)},
    }


def _error_arguments(options: dict[str, Any]) -> dict[str, Any]:
    fail_on_error = options.pop("fail_on_error")
    if options.pop("no_fail_on_error"):
        fail_on_error = False
    return {
        "fail_on_error": fail_on_error,
        "retry_on_error": options.pop("retry_on_error"),
        "debug_errors": options.pop("debug_errors") or None,
    }


def _log_arguments(options: dict[str, Any]) -> dict[str, Any]:
    """Log and display options (``trace`` is passed only when asked for)."""
    trace = options.pop("trace")
    return {
        "log_dir": options.pop("log_dir"),
        "log_format": options.pop("log_format"),
        "log_samples": False if options.pop("no_log_samples") else None,
        "log_images": options.pop("log_images"),
        "log_buffer": options.pop("log_buffer"),
        "log_shared": options.pop("log_shared"),
        "log_level": options.pop("log_level"),
        "score": not options.pop("no_score"),
        "display": options.pop("display"),
        **({"trace": True} if trace else {}),
    }


def _converted(pairs: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """``key=value`` pairs with their values converted (numbers, booleans, lists...)."""
    from inspect_ai._task.args import convert_arg_value

    return {key: convert_arg_value(value) for key, value in pairs}


def _config_file(path: str | None, flag: str) -> dict[str, Any]:
    """The arguments in a YAML or JSON file (none when no file is given)."""
    from inspect_ai._task.args import load_task_args_file

    if path is None:
        return {}
    if not os.path.isfile(path):
        raise OneLineUsageError(f"{flag}: file '{path}' does not exist.")
    return load_task_args_file(path)


def _sample_id(value: str) -> str | int:
    return int(value) if value.isdigit() else value
