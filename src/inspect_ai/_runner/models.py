"""Resolving the models of an eval: names, the environment default, args and roles."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.get_model import get_model
from inspect_ai._model.model import Model, model_name_from_env
from inspect_ai._task.not_given import NotGiven


def eval_models(
    model: str | Model | list[str] | list[Model] | None | NotGiven,
    base_url: str | None,
    model_args: dict[str, Any],
    config: GenerateConfig,
) -> list[Model] | None:
    """The models to evaluate (None: no default model, tasks use their own)."""
    if isinstance(model, NotGiven):
        model = model_name_from_env()
    if model is None:
        return None
    names: list[str | Model] = (
        list(model) if isinstance(model, list) else [m.strip() for m in model.split(",")]
        if isinstance(model, str) else [model]
    )  # fmt: skip
    return [
        get_model(name, config=config, base_url=base_url, **model_args)
        if isinstance(name, str) else name
        for name in names
    ]  # fmt: skip


def role_models(roles: dict[str, str | Model] | None) -> dict[str, Model]:
    """Models for named roles (``grader`` -> a model)."""
    resolved: dict[str, Model] = {}
    for role, model in (roles or {}).items():
        created = get_model(model) if isinstance(model, str) else model
        created.role = role
        resolved[role] = created
    return resolved
