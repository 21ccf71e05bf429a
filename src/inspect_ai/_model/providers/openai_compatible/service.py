"""A provider for an OpenAI-compatible service described by its environment variables."""

from typing import Any, ClassVar

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.providers.openai_compatible.api import OpenAICompatibleAPI
from inspect_ai._model.providers.openai_compatible.client import openai_client, require_openai
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.endpoint import Service


class ServiceAPI(OpenAICompatibleAPI):
    """A provider defined by a ``Service`` (its variables) and a ``Dialect``.

    ``-M`` model args are passed to the ``AsyncOpenAI`` constructor.

    Args:
        model_name: Model name.
        base_url: Base URL (else from the service's variable, else its default).
        api_key: API key (else from the service's variable).
        config: Default generation config.
        **model_args: Arguments for ``AsyncOpenAI``.
    """

    service: ClassVar[Service]
    service_dialect: ClassVar[Dialect] = Dialect()

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        **model_args: Any,
    ) -> None:
        require_openai(self.service.name)
        endpoint = self.service.endpoint(api_key, base_url)
        create = openai_client(endpoint, model_args, self.service.name)
        super().__init__(
            model_name, self.service.name, endpoint, config, create, self.service_dialect
        )
