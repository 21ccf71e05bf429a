"""Defaults for eval options from ``INSPECT_EVAL_<OPTION>`` environment variables."""

import os
from typing import Any

from inspect_ai._model.generate_config import GenerateConfig

_INT_OPTIONS = (
    "max_samples", "max_tasks", "max_subprocesses", "message_limit", "token_limit",
    "time_limit", "working_limit", "retry_on_error", "log_buffer", "epochs", "max_sandboxes",
)  # fmt: skip


def env_value(option: str) -> str | None:
    """The value of ``INSPECT_EVAL_<OPTION>`` (None when unset or empty)."""
    return os.environ.get(f"INSPECT_EVAL_{option.upper()}") or None


def env_int(option: str) -> int | None:
    """An integer option from the environment; ValueError naming the variable if malformed."""
    value = env_value(option)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(
            f"INSPECT_EVAL_{option.upper()} must be an integer (got '{value}')."
        ) from None


def int_option_defaults(given: dict[str, Any]) -> dict[str, Any]:
    """``given`` with None integer options filled from the environment."""
    filled = dict(given)
    for option in _INT_OPTIONS:
        if filled.get(option) is None:
            filled[option] = env_int(option)
    return filled


def generate_config_defaults(config: dict[str, Any]) -> dict[str, Any]:
    """Generation options not given, taken from ``INSPECT_EVAL_<OPTION>`` when set."""
    filled = dict(config)
    for name, info in GenerateConfig.model_fields.items():
        if filled.get(name) is not None:
            continue
        value = env_value(name)
        if value is not None:
            filled[name] = _parse(value, str(info.annotation))
    return filled


def _parse(value: str, annotation: str) -> Any:
    """A string from the environment as the value a config field expects."""
    if "list" in annotation:
        return [item.strip() for item in value.split(",") if item.strip()]
    if "bool" in annotation and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    return value
