"""The ``cf`` model API: Cloudflare Workers AI text generation over REST."""

import os
import re
from typing import Any

from inspect_ai._model.api_key import api_key as required_key
from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.cloudflare.output import cloudflare_output
from inspect_ai._model.providers.cloudflare.request import cloudflare_body
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.providers.common.rest import (
    HttpStatusError,
    close_client,
    error_message,
    http_client,
    is_rate_limit_http,
    post_json,
    retry_after_http,
    should_retry_http,
)
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID"
API_TOKEN = "CLOUDFLARE_API_TOKEN"
BASE_URL = "CLOUDFLARE_BASE_URL"

_CONTEXT_OVERFLOW = re.compile(r"context window|context length|too many (input )?tokens", re.I)


@modelapi(name="cf")
class CloudflareAPI(ModelAPI):
    """Workers AI models (``cf/meta/llama-3.1-8b-instruct``, run as ``@cf/<model>``).

    The token comes from ``CLOUDFLARE_API_TOKEN``; the base URL from ``--model-base-url``,
    ``CLOUDFLARE_BASE_URL``, else the account's ``/ai/run`` URL (``CLOUDFLARE_ACCOUNT_ID``).
    ``-M`` args are added to the request body.
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
        super().__init__(
            model_name, base_url or os.environ.get(BASE_URL), api_key, [API_TOKEN], config
        )
        self.api_key = self.api_key or required_key(API_TOKEN, "cf")
        if not self.base_url:
            account = required_key(ACCOUNT_ID, "cf")
            self.base_url = f"https://api.cloudflare.com/client/v4/accounts/{account}/ai/run"
        self._extra_body = model_args
        self._clients = PerLoop(http_client, close_client)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        offered = tools if tool_choice != "none" else []
        body = {**cloudflare_body(input, offered, config), **self._extra_body}
        url = f"{(self.base_url or '').rstrip('/')}/@cf/{self.model_name}"
        headers = {"Authorization": f"Bearer {self.api_key}"}
        try:
            response = await post_json(
                self._clients.get(), url, body, headers, config.attempt_timeout
            )
        except HttpStatusError as ex:
            if _CONTEXT_OVERFLOW.search(ex.message):
                raise ModelContextLengthError(ex.message) from ex
            raise
        if response.get("success") is False:
            raise HttpStatusError(200, error_message(response) or "Request failed.", {}, response)
        output = cloudflare_output(response.get("result") or {}, self.model_name)
        return output, ModelCall(request=body, response=response)

    async def aclose(self) -> None:
        await self._clients.aclose()
