"""OpenAI models deployed on Azure, for the ``openai`` provider.

Used when ``AZUREAI_OPENAI_API_KEY`` or ``AZUREAI_OPENAI_BASE_URL`` is set, or with
``-M azure=true``: the ``AsyncAzureOpenAI`` client with ``azure_endpoint`` from
``AZUREAI_OPENAI_BASE_URL`` (or ``--model-base-url``), ``api_key`` from
``AZUREAI_OPENAI_API_KEY`` and ``api_version`` from ``-M api_version``/``OPENAI_API_VERSION``.
The model name is the Azure deployment name.
"""

import os
from typing import Any

from inspect_ai._model.providers.openai_compatible.client import (
    ClientFactory,
    client_args,
    http_client,
)
from inspect_ai._model.providers.openai_compatible.endpoint import Endpoint, Service

AZURE_OPENAI = Service(
    name="openai (Azure)",
    api_key_var="AZUREAI_OPENAI_API_KEY",
    base_url_var="AZUREAI_OPENAI_BASE_URL",
    base_url_required=True,
)
"""The variables of Azure OpenAI."""

DEFAULT_API_VERSION = "2024-10-21"
"""Azure OpenAI API version when neither ``-M api_version`` nor ``OPENAI_API_VERSION`` is set."""


def azure_requested(azure: Any) -> bool:
    """Whether to use Azure: the ``azure`` model arg when given, else whether the Azure
    OpenAI variables are set."""
    if azure is not None:
        return str(azure).strip().lower() in ("true", "1", "yes")
    names = (AZURE_OPENAI.api_key_var, AZURE_OPENAI.base_url_var)
    return any(os.environ.get(name) for name in names)


def azure_openai_client(endpoint: Endpoint, model_args: dict[str, Any]) -> ClientFactory:
    """A factory of ``AsyncAzureOpenAI`` clients for ``endpoint``, never retrying on their own."""
    from openai import AsyncAzureOpenAI

    kwargs = client_args(AsyncAzureOpenAI, model_args, "openai")
    api_version = (
        kwargs.pop("api_version", None)
        or os.environ.get("OPENAI_API_VERSION")
        or DEFAULT_API_VERSION
    )

    def create() -> AsyncAzureOpenAI:
        return AsyncAzureOpenAI(
            **{
                **kwargs,
                "azure_endpoint": endpoint.base_url,
                "api_key": endpoint.api_key,
                "api_version": api_version,
                "max_retries": 0,
                "http_client": kwargs.get("http_client") or http_client(),
            }
        )

    return create
