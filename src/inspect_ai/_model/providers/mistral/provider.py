"""The ``mistral`` model API: chat completions through the ``mistralai`` client."""

import os
from typing import Any

from mistralai.azure.client import MistralAzure
from mistralai.client import Mistral

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.api_key import api_key as required_key
from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.providers.mistral import errors
from inspect_ai._model.providers.mistral.request import mistral_request
from inspect_ai._model.providers.openai_compatible.response import model_output
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

API_KEY = "MISTRAL_API_KEY"
BASE_URL = "MISTRAL_BASE_URL"
AZURE_API_KEY = "AZUREAI_MISTRAL_API_KEY"
AZURE_BASE_URL = "AZUREAI_MISTRAL_BASE_URL"

MistralClient = Mistral | MistralAzure


@modelapi(name="mistral")
class MistralAPI(ModelAPI):
    """Mistral models (``mistral/mistral-large-latest``).

    The key comes from ``MISTRAL_API_KEY`` and the base URL from ``--model-base-url`` or
    ``MISTRAL_BASE_URL``. Mistral on Azure AI is used when ``AZUREAI_MISTRAL_API_KEY`` is
    set (or with ``-M azure=true``), with its base URL from ``AZUREAI_MISTRAL_BASE_URL``
    (or ``--model-base-url``) and the deployment name as the model name. Other ``-M``
    args are passed to the client.
    """

    error_classifier = ErrorClassifier(
        errors.should_retry, errors.is_rate_limit, errors.retry_after
    )

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        **model_args: Any,
    ) -> None:
        self.azure = bool(model_args.pop("azure", False)) or bool(os.environ.get(AZURE_API_KEY))
        key_var, url_var = (AZURE_API_KEY, AZURE_BASE_URL) if self.azure else (API_KEY, BASE_URL)
        super().__init__(
            model_name, base_url or os.environ.get(url_var), api_key, [key_var], config
        )
        self.api_key = self.api_key or required_key(key_var, "mistral")
        if self.azure and not self.base_url:
            raise PrerequisiteError(
                f"Mistral on Azure needs a base URL: set {AZURE_BASE_URL} or --model-base-url."
            )
        self._model_args = model_args
        self._clients: PerLoop[MistralClient] = PerLoop(self._client, _close)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        request = mistral_request(self.model_name, input, tools, tool_choice, config)
        timeout_ms = config.attempt_timeout * 1000 if config.attempt_timeout else None
        try:
            response = await self._clients.get().chat.complete_async(
                **request, timeout_ms=timeout_ms
            )
        except Exception as ex:
            if errors.is_context_overflow(ex):
                raise ModelContextLengthError(str(ex)) from ex
            raise
        raw = response.model_dump(mode="json", by_alias=True)
        output = model_output(raw, self.model_name)
        return output, ModelCall(request=request, response=raw)

    async def aclose(self) -> None:
        await self._clients.aclose()

    def _client(self) -> MistralClient:
        key = self.api_key or ""
        if self.azure:
            return MistralAzure(api_key=key, server_url=self.base_url, **self._model_args)
        return Mistral(api_key=key, server_url=self.base_url, **self._model_args)


async def _close(client: MistralClient) -> None:
    """Close the client's connections (as leaving ``async with client`` does)."""
    untyped: Any = client
    await untyped.__aexit__(None, None, None)
