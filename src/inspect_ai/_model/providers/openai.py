"""``openai``: OpenAI's Chat Completions API (``OPENAI_API_KEY``, ``OPENAI_BASE_URL``), or
Azure OpenAI (see ``azure_openai.py``)."""

import re
from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.providers.azure_openai import (
    AZURE_OPENAI,
    azure_openai_client,
    azure_requested,
)
from inspect_ai._model.providers.openai_compatible.api import OpenAICompatibleAPI
from inspect_ai._model.providers.openai_compatible.client import openai_client, require_openai
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.endpoint import Service
from inspect_ai._model.registry import modelapi

OPENAI = Service(name="openai", api_key_var="OPENAI_API_KEY", base_url_var="OPENAI_BASE_URL")
"""The variables of OpenAI (the client's own base URL when ``OPENAI_BASE_URL`` is unset)."""


@modelapi(name="openai")
class OpenAIAPI(OpenAICompatibleAPI):
    """OpenAI models (``openai/gpt-4o-mini``), or Azure OpenAI deployments.

    Args:
        model_name: Model (or Azure deployment) name.
        base_url: Base URL (else ``OPENAI_BASE_URL``/``AZUREAI_OPENAI_BASE_URL``).
        api_key: API key (else ``OPENAI_API_KEY``/``AZUREAI_OPENAI_API_KEY``).
        config: Default generation config.
        **model_args: Arguments for ``AsyncOpenAI`` (``AsyncAzureOpenAI`` on Azure); and
            ``azure`` (true/false) to choose Azure whatever the environment says.
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        **model_args: Any,
    ) -> None:
        require_openai("openai")
        azure = azure_requested(model_args.pop("azure", None))
        endpoint = (AZURE_OPENAI if azure else OPENAI).endpoint(api_key, base_url)
        create = (
            azure_openai_client(endpoint, model_args)
            if azure
            else openai_client(endpoint, model_args, "openai")
        )
        super().__init__(model_name, "openai", endpoint, config, create, openai_dialect(model_name))


def openai_dialect(model: str) -> Dialect:
    """Reasoning models (o-series, gpt-5) take ``max_completion_tokens``, ``developer``
    messages and ``reasoning_effort``."""
    if not is_reasoning_model(model):
        return Dialect()
    return Dialect(
        max_tokens_param="max_completion_tokens", system_role="developer", reasoning_effort=True
    )


def is_reasoning_model(model: str) -> bool:
    """Whether ``model`` is an OpenAI reasoning model (``o1``, ``o3-mini``, ``gpt-5``...)."""
    name = model.rsplit("/", 1)[-1].lower()
    return bool(re.match(r"o\d", name)) or name.startswith("gpt-5")
