"""``AnthropicAPI``: the ``anthropic`` provider (Messages API, also on AWS Bedrock)."""

import time
from typing import Any

import anthropic

from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.anthropic import errors
from inspect_ai._model.providers.anthropic.cache import add_cache_breakpoints, use_cache
from inspect_ai._model.providers.anthropic.client import (
    AnthropicClient,
    ClientSettings,
    client_settings,
)
from inspect_ai._model.providers.anthropic.config import (
    anthropic_params,
    create_arguments,
    default_max_tokens,
)
from inspect_ai._model.providers.anthropic.messages import anthropic_messages, anthropic_system
from inspect_ai._model.providers.anthropic.response import model_output
from inspect_ai._model.providers.anthropic.tools import anthropic_tool_choice, anthropic_tools
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

BEDROCK_PREFIX = "bedrock/"
"""Model names starting with this (``anthropic/bedrock/<model id>``) run on AWS Bedrock."""


@modelapi(name="anthropic")
class AnthropicAPI(ModelAPI):
    """Claude models through the Anthropic Messages API.

    Anthropic models on AWS Bedrock are used with ``-M bedrock=true`` or a model name
    ``anthropic/bedrock/<bedrock model id>`` (AWS credentials and region from the
    environment, base URL from ``BEDROCK_ANTHROPIC_BASE_URL``).

    Args:
        model_name: Model name (e.g. ``claude-3-5-sonnet-latest``).
        base_url: Alternative base URL (else ``ANTHROPIC_BASE_URL``).
        api_key: API key (else ``ANTHROPIC_API_KEY``).
        config: Default generation config.
        bedrock: Use the model on AWS Bedrock.
        **model_args: Passed to the ``AsyncAnthropic`` (or ``AsyncAnthropicBedrock``) client.
    """

    error_classifier = ErrorClassifier(
        errors.is_transient, errors.is_rate_limit, errors.retry_after
    )

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        bedrock: bool = False,
        **model_args: Any,
    ) -> None:
        bedrock = bedrock or model_name.startswith(BEDROCK_PREFIX)
        self._model = model_name.removeprefix(BEDROCK_PREFIX)
        self._settings: ClientSettings = client_settings(bedrock, base_url, api_key, model_args)
        super().__init__(model_name, self._settings.base_url, self._settings.api_key, [], config)
        self._clients: PerLoop[AnthropicClient] = PerLoop(self._settings.create, _close)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        request = self.request(input, tools, tool_choice, config)
        started = time.monotonic()
        client = self._clients.get()
        try:
            message = await client.messages.create(**create_arguments(request, config))
        except anthropic.BadRequestError as ex:
            overflow = errors.context_length_message(ex)
            if overflow is not None:
                raise ModelContextLengthError(overflow) from ex
            raise
        response = message.to_dict(mode="json")
        call = ModelCall(request=request, response=response, time=time.monotonic() - started)
        return model_output(response, self._model), call

    def request(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> dict[str, Any]:
        """The Messages API request body for a conversation, tools and config."""
        request: dict[str, Any] = {"model": self._model, **anthropic_params(config, self._model)}
        system = anthropic_system(input)
        if system is not None:
            request["system"] = system
        request["messages"] = anthropic_messages(input)
        if tools:
            request["tools"] = anthropic_tools(tools)
            request["tool_choice"] = anthropic_tool_choice(tool_choice, config.parallel_tool_calls)
        if use_cache(config.cache_prompt, bool(tools)):
            add_cache_breakpoints(request)
        return request

    def max_tokens(self) -> int | None:
        return default_max_tokens(self._model)

    def connection_key(self) -> str:
        if self._settings.bedrock:
            return f"anthropic-bedrock:{self._settings.region}:{self._settings.base_url or ''}"
        return super().connection_key()

    async def aclose(self) -> None:
        await self._clients.aclose()


async def _close(client: AnthropicClient) -> None:
    await client.close()
