"""Model providers by name: ``@modelapi`` and the built-in providers."""

import importlib
from collections.abc import Callable
from typing import TypeVar

from inspect_ai._model.model_api import ModelAPI
from inspect_ai._registry.registry import RegistryInfo, registry_add, registry_find, registry_names

BUILTIN_PROVIDERS: dict[str, str] = {
    "mockllm": "inspect_ai._model.providers.mockllm",
    "none": "inspect_ai._model.providers.none",
    "openai": "inspect_ai._model.providers.openai",
    "openai-api": "inspect_ai._model.providers.openai_api",
    "together": "inspect_ai._model.providers.together",
    "vllm": "inspect_ai._model.providers.vllm",
    "ollama": "inspect_ai._model.providers.ollama",
    "anthropic": "inspect_ai._model.providers.anthropic.api",
    "bedrock": "inspect_ai._model.providers.bedrock.api",
    "google": "inspect_ai._model.providers.google.provider",
    "mistral": "inspect_ai._model.providers.mistral.provider",
    "groq": "inspect_ai._model.providers.groq.provider",
    "azureai": "inspect_ai._model.providers.azureai.provider",
    "cf": "inspect_ai._model.providers.cloudflare.provider",
    "hf": "inspect_ai._model.providers.hf.provider",
}
"""Built-in providers and the module that registers each (imported on first use)."""

ApiClass = TypeVar("ApiClass", bound=type[ModelAPI])


def modelapi(name: str) -> Callable[[ApiClass], ApiClass]:
    """Register a model provider class under ``name`` (used as ``<name>/<model>``).

    Args:
        name: Provider name.
    """

    def register(cls: ApiClass) -> ApiClass:
        registry_add(cls, RegistryInfo(type="modelapi", name=name))
        return cls

    return register


def provider_class(name: str) -> type[ModelAPI]:
    """The provider class registered as ``name``; ValueError naming the known ones."""
    found = registry_find("modelapi", name)
    if found is None and name in BUILTIN_PROVIDERS:
        importlib.import_module(BUILTIN_PROVIDERS[name])
        found = registry_find("modelapi", name)
    if not (isinstance(found, type) and issubclass(found, ModelAPI)):
        known = sorted(set(BUILTIN_PROVIDERS) | set(registry_names("modelapi")))
        raise ValueError(f"Unknown model provider '{name}' (known providers: {', '.join(known)}).")
    return found
