"""``openai-api/<service>/<model>``: any OpenAI-compatible API (``<SERVICE>_API_KEY``,
``<SERVICE>_BASE_URL``, the service upper-cased with ``-`` as ``_``)."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.providers.openai_compatible.api import OpenAICompatibleAPI
from inspect_ai._model.providers.openai_compatible.client import openai_client, require_openai
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.endpoint import Service
from inspect_ai._model.registry import modelapi


@modelapi(name="openai-api")
class OpenAIServiceAPI(OpenAICompatibleAPI):
    """A model of any OpenAI-compatible service (``openai-api/deepseek/deepseek-chat``).

    Args:
        model_name: ``<service>/<model>``.
        base_url: Base URL (else ``<SERVICE>_BASE_URL``, which is then required).
        api_key: API key (else ``<SERVICE>_API_KEY``, which is then required).
        config: Default generation config.
        **model_args: Arguments for ``AsyncOpenAI``.
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        **model_args: Any,
    ) -> None:
        service_name, sep, model = model_name.partition("/")
        if not sep or not service_name or not model:
            raise ValueError(
                f"'openai-api/{model_name}' should be of the form openai-api/<service>/<model>."
            )
        service = service_for(service_name)
        require_openai(service.name)
        endpoint = service.endpoint(api_key, base_url)
        create = openai_client(endpoint, model_args, service.name)
        dialect = Dialect(reasoning_effort=True)
        super().__init__(model_name, service.name, endpoint, config, create, dialect, model)


def service_for(name: str) -> Service:
    """The variables of service ``name`` (``my-llm``: ``MY_LLM_API_KEY``, ``MY_LLM_BASE_URL``)."""
    prefix = name.upper().replace("-", "_")
    return Service(
        name=f"openai-api/{name}",
        api_key_var=f"{prefix}_API_KEY",
        base_url_var=f"{prefix}_BASE_URL",
        base_url_required=True,
    )
