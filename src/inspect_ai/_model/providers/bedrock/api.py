"""``BedrockAPI``: the ``bedrock`` provider (boto3's Converse API on worker threads)."""

import asyncio
import functools
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from botocore.exceptions import ClientError

from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.bedrock import errors
from inspect_ai._model.providers.bedrock.client import MAX_POOL_CONNECTIONS, bedrock_client
from inspect_ai._model.providers.bedrock.config import additional_fields, inference_config
from inspect_ai._model.providers.bedrock.messages import (
    converse_messages,
    converse_system,
    has_tool_blocks,
)
from inspect_ai._model.providers.bedrock.record import jsonable
from inspect_ai._model.providers.bedrock.response import model_output
from inspect_ai._model.providers.bedrock.tools import tool_config
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo


@modelapi(name="bedrock")
class BedrockAPI(ModelAPI):
    """Models on AWS Bedrock (``bedrock/<model id>``) through the Converse API.

    boto3 is synchronous, so each call runs on a worker thread and the event loop never
    waits on it. Credentials and region come from the usual AWS environment variables
    (or profile); the base URL from ``BEDROCK_BASE_URL`` or ``--model-base-url``.

    Args:
        model_name: Bedrock model id (e.g. ``anthropic.claude-3-haiku-20240307-v1:0``).
        base_url: Endpoint URL (else ``BEDROCK_BASE_URL``, else AWS's).
        api_key: Unused (AWS credentials sign the requests).
        config: Default generation config.
        **model_args: Passed to ``boto3.client()`` (``profile_name`` to the session).
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
        **model_args: Any,
    ) -> None:
        self._client = bedrock_client(base_url, model_args)
        super().__init__(model_name, self._client.meta.endpoint_url, None, [], config)
        self._executor: ThreadPoolExecutor | None = None

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        request = self.request(input, tools, tool_choice, config)
        started = time.monotonic()
        try:
            response = await self._converse(request, config.attempt_timeout)
        except ClientError as ex:
            overflow = errors.context_length_message(ex)
            if overflow is not None:
                raise ModelContextLengthError(overflow) from ex
            raise
        recorded = {key: value for key, value in response.items() if key != "ResponseMetadata"}
        call = ModelCall(
            request=jsonable(request), response=jsonable(recorded), time=time.monotonic() - started
        )
        return model_output(response, self.model_name), call

    def request(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> dict[str, Any]:
        """The ``converse()`` arguments for a conversation, tools and config."""
        messages = converse_messages(input)
        request: dict[str, Any] = {"modelId": self.model_name, "messages": messages}
        system = converse_system(input)
        if system:
            request["system"] = system
        inference = inference_config(config)
        if inference:
            request["inferenceConfig"] = inference
        tools_param = tool_config(tools, tool_choice, has_tool_blocks(messages))
        if tools_param is not None:
            request["toolConfig"] = tools_param
        additional = additional_fields(config, self.model_name)
        if additional:
            request["additionalModelRequestFields"] = additional
        return request

    async def _converse(self, request: dict[str, Any], timeout: int | None) -> dict[str, Any]:
        """``converse(**request)`` on a worker thread (TimeoutError after ``timeout`` s)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(MAX_POOL_CONNECTIONS, "inspect-bedrock")
        call = functools.partial(self._client.converse, **request)
        future = asyncio.get_running_loop().run_in_executor(self._executor, call)
        response: dict[str, Any] = await asyncio.wait_for(future, timeout)
        return response

    def connection_key(self) -> str:
        return f"bedrock:{self._client.meta.region_name}:{self.base_url}"

    async def aclose(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False)
