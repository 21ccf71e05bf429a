"""``get_model()``: models by name, by role, or the one being evaluated."""

from contextvars import ContextVar
from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.model import Model, model_name_from_env
from inspect_ai._model.registry import provider_class

_active_model: ContextVar[Model | None] = ContextVar("inspect_active_model", default=None)
_active_roles: ContextVar[dict[str, Model] | None] = ContextVar("inspect_model_roles", default=None)
_memo: dict[str, Model] = {}


def get_model(
    model: str | Model | None = None,
    *,
    role: str | None = None,
    default: str | Model | None = None,
    config: GenerateConfig | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    memoize: bool = True,
    **model_args: Any,
) -> Model:
    """Get a model.

    With no name, the model being evaluated (or ``INSPECT_EVAL_MODEL``); with ``role``,
    the model given that role for the eval (else ``default``).

    Args:
        model: Model name (``<provider>/<name>``) or a ``Model`` (returned as is).
        role: Role of the model (e.g. ``grader``) as set by ``model_roles``.
        default: Model for ``role`` when the eval gives that role no model.
        config: Generation config of the model.
        base_url: Alternative base URL for the model API.
        api_key: API key (else taken from the provider's environment variable).
        memoize: Reuse a model created before with the same arguments.
        **model_args: Provider-specific arguments.
    """
    if isinstance(model, Model):
        return model
    if role is not None:
        found = (_active_roles.get() or {}).get(role)
        if found is not None:
            return found
        if default is not None:
            return _named(get_model(default, config=config), role)
        if model is None:
            raise ValueError(f"No model is given the role '{role}' and there is no default.")
    if model is None:
        active = _active_model.get()
        if active is not None:
            return active
        model = model_name_from_env()
        if model is None:
            raise ValueError("No model specified (pass a model, or set INSPECT_EVAL_MODEL).")
    return _create(model, config or GenerateConfig(), base_url, api_key, memoize, model_args)


def _named(model: Model, role: str) -> Model:
    model.role = role
    return model


def _create(
    name: str,
    config: GenerateConfig,
    base_url: str | None,
    api_key: str | None,
    memoize: bool,
    model_args: dict[str, Any],
) -> Model:
    if name == "none":
        name = "none/none"
    key = "|".join([name, config.model_dump_json(), str(base_url), str(api_key), repr(model_args)])
    provider, sep, model_name = name.partition("/")
    if not sep or not model_name:
        raise ValueError(f"Model name '{name}' should be of the form <provider>/<model>.")
    api_class = provider_class(provider)
    memoized = _memo.get(key) if memoize else None
    if memoized is not None and type(memoized.api) is api_class:
        return memoized  # (unless the provider was registered again since)
    extra: dict[str, Any] = {"api_key": api_key} if api_key is not None else {}
    api = api_class(model_name=model_name, base_url=base_url, config=config, **extra, **model_args)
    created = Model(api, config, provider, model_args)
    if memoize:
        _memo[key] = created
    return created


def set_active_model(model: Model | None, roles: dict[str, Model] | None = None) -> None:
    """Make ``model`` (and ``roles``) what ``get_model()`` returns in this task."""
    _active_model.set(model)
    _active_roles.set(roles)
