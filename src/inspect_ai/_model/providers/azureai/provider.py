"""The ``azureai`` model API: Azure AI model inference chat completions over REST."""

import os
import re
from typing import Any

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.providers.common.rest import (
    HttpStatusError,
    close_client,
    http_client,
    is_rate_limit_http,
    post_json,
    retry_after_http,
    should_retry_http,
)
from inspect_ai._model.providers.openai_compatible.dialect import OPENAI_PARAMS, Dialect
from inspect_ai._model.providers.openai_compatible.request import chat_request
from inspect_ai._model.providers.openai_compatible.response import model_output
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

API_KEYS = ["AZUREAI_API_KEY", "AZURE_API_KEY"]
BASE_URLS = ["AZUREAI_BASE_URL", "INSPECT_EVAL_MODEL_BASE_URL"]
API_VERSION = "2024-05-01-preview"
"""Version of the Azure AI model inference API (``-M api_version=...`` to change)."""

DIALECT = Dialect(
    params=OPENAI_PARAMS
    - {"num_choices", "logit_bias", "logprobs", "top_logprobs", "parallel_tool_calls"},
    image_detail_auto=False,
)
"""What the chat-completions API of Azure AI accepts."""

_CONTEXT_OVERFLOW = re.compile(
    r"maximum context length|context_length_exceeded|context window|prompt is too long", re.I
)


@modelapi(name="azureai")
class AzureAIAPI(ModelAPI):
    """Models deployed on Azure AI (``azureai/<deployment name>``).

    The key comes from ``AZUREAI_API_KEY`` (or ``AZURE_API_KEY``), the endpoint from
    ``--model-base-url``, ``AZUREAI_BASE_URL`` or ``INSPECT_EVAL_MODEL_BASE_URL``; ``-M``
    args are added to the request body.
    """

    error_classifier = ErrorClassifier(should_retry_http, is_rate_limit_http, retry_after_http)

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url or _first(BASE_URLS), api_key, API_KEYS, config)
        if not self.api_key:
            raise PrerequisiteError(
                "No API key for 'azureai': set AZUREAI_API_KEY (in the environment or a .env file)."
            )
        if not self.base_url:
            raise PrerequisiteError(
                "No endpoint for 'azureai': set AZUREAI_BASE_URL or pass --model-base-url."
            )
        self._api_version = str(model_args.pop("api_version", API_VERSION))
        self._extra_body = model_args
        self._clients = PerLoop(http_client, close_client)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        request = chat_request(self.model_name, input, tools, tool_choice, config, DIALECT)
        body = {**request, **self._extra_body}
        try:
            response = await post_json(
                self._clients.get(), self._url(), body, self._headers(), config.attempt_timeout
            )
        except HttpStatusError as ex:
            if ex.status in (400, 413) and _CONTEXT_OVERFLOW.search(f"{ex.message} {ex.body}"):
                raise ModelContextLengthError(ex.message) from ex
            raise
        return model_output(response, self.model_name), ModelCall(request=body, response=response)

    async def aclose(self) -> None:
        await self._clients.aclose()

    def _url(self) -> str:
        url = (self.base_url or "").rstrip("/")
        if not url.endswith("/chat/completions"):
            url += "/chat/completions"
        separator = "&" if "?" in url else "?"
        return url if "api-version=" in url else f"{url}{separator}api-version={self._api_version}"

    def _headers(self) -> dict[str, str]:
        key = self.api_key or ""
        headers = {"Authorization": f"Bearer {key}", "api-key": key}
        if self._extra_body:
            headers["extra-parameters"] = "pass-through"
        return headers


def _first(names: list[str]) -> str | None:
    return next((os.environ[name] for name in names if os.environ.get(name)), None)
