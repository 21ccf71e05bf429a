"""The base of providers speaking Chat Completions through the ``openai`` client."""

import hashlib
import time
from typing import TYPE_CHECKING, Any

from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.openai_compatible import errors
from inspect_ai._model.providers.openai_compatible.client import ClientFactory, LoopClients
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.endpoint import Endpoint
from inspect_ai._model.providers.openai_compatible.request import chat_request
from inspect_ai._model.providers.openai_compatible.response import model_output
from inspect_ai._tool.info import ToolChoice, ToolInfo

if TYPE_CHECKING:
    from openai import RequestOptions


class OpenAICompatibleAPI(ModelAPI):
    """A provider whose API is OpenAI's Chat Completions, called with the ``openai`` client.

    The request body is built here in the wire format, recorded as the call's request and
    posted as it is (``GenerateConfig.extra_body`` merged in). The client never retries
    (``max_retries=0``): the model's retry core does, using ``should_retry``/
    ``is_rate_limit``/``retry_after`` below. Each attempt is limited to ``attempt_timeout``
    seconds, else to ``timeout`` (an attempt cannot outlast the whole request), else to the
    client's own default (10 minutes).

    Args:
        model_name: Model name within the provider.
        provider: Provider name (for messages and the connection key).
        endpoint: API key and base URL.
        config: Default generation config.
        create_client: Makes the ``openai`` client.
        dialect: What the service takes beyond the common fields.
        request_model: Model name sent in requests (default ``model_name``).
    """

    error_classifier = ErrorClassifier(
        errors.is_transient, errors.is_rate_limit, errors.retry_after
    )

    def __init__(
        self,
        model_name: str,
        provider: str,
        endpoint: Endpoint,
        config: GenerateConfig | None,
        create_client: ClientFactory,
        dialect: Dialect | None = None,
        request_model: str | None = None,
    ) -> None:
        super().__init__(model_name, endpoint.base_url, endpoint.api_key, [], config)
        self.provider = provider
        self.dialect = dialect or Dialect()
        self.request_model = request_model or model_name
        self._clients = LoopClients(create_client)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        request = self.request_body(input, tools, tool_choice, config)
        started = time.monotonic()
        response = await self._post(request, config)
        call = ModelCall(request=request, response=response, time=time.monotonic() - started)
        return model_output(response, self.model_name), call

    def request_body(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> dict[str, Any]:
        """The JSON body of the request (as recorded in the model event's call)."""
        body = chat_request(self.request_model, input, tools, tool_choice, config, self.dialect)
        return {**body, **(config.extra_body or {})}

    async def _post(self, request: dict[str, Any], config: GenerateConfig) -> dict[str, Any]:
        """Send ``request`` as it is (it is already in the wire format, so the client's
        parameter transform is skipped); the response body as JSON."""
        import httpx2

        options: RequestOptions = {}
        if config.extra_headers:
            options["headers"] = config.extra_headers
        attempt_timeout = config.attempt_timeout or config.timeout
        if attempt_timeout is not None:
            options["timeout"] = float(attempt_timeout)
        client = self._clients.get()
        try:
            response = await client.post(
                "/chat/completions", cast_to=httpx2.Response, body=request, options=options
            )
        except Exception as ex:
            if errors.is_context_length(ex):
                raise ModelContextLengthError(str(ex)) from ex
            raise
        body: dict[str, Any] = response.json()
        return body

    def connection_key(self) -> str:
        """Per provider, base URL and API key (hashed: the key is never logged)."""
        digest = hashlib.sha256((self.api_key or "").encode()).hexdigest()[:16]
        return f"{self.provider}:{self.base_url or ''}:{digest}"

    async def aclose(self) -> None:
        await self._clients.aclose()
