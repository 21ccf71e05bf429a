"""The ``groq`` model API: chat completions through ``groq.AsyncGroq`` (its retries off)."""

import os
from typing import Any

import groq

from inspect_ai._model.api_key import api_key as required_key
from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.common.openai_messages import openai_messages
from inspect_ai._model.providers.common.openai_output import openai_output
from inspect_ai._model.providers.common.openai_request import (
    openai_parameters,
    openai_tool_choice,
    openai_tools,
)
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.providers.groq import errors
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

API_KEY = "GROQ_API_KEY"
BASE_URL = "GROQ_BASE_URL"

SUPPORTED = frozenset(
    {
        "temperature",
        "top_p",
        "max_tokens",
        "stop_seqs",
        "seed",
        "frequency_penalty",
        "presence_penalty",
        "parallel_tool_calls",
        "response_schema",
    }
)
"""``GenerateConfig`` options Groq's chat completions accept (one choice, no logprobs)."""


@modelapi(name="groq")
class GroqAPI(ModelAPI):
    """Models served by Groq (``groq/llama-3.3-70b-versatile``).

    The key comes from ``GROQ_API_KEY`` and the base URL from ``--model-base-url`` or
    ``GROQ_BASE_URL``; ``-M`` args are passed to ``AsyncGroq``.
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        **model_args: Any,
    ) -> None:
        super().__init__(
            model_name, base_url or os.environ.get(BASE_URL), api_key, [API_KEY], config
        )
        self.api_key = self.api_key or required_key(API_KEY, "groq")
        self._model_args = model_args
        self._clients: PerLoop[groq.AsyncGroq] = PerLoop(self._client, _close)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        request: dict[str, Any] = {
            "model": self.model_name,
            "messages": openai_messages(input),
            **openai_parameters(config, SUPPORTED),
        }
        if tools:
            request["tools"] = openai_tools(tools)
            request["tool_choice"] = openai_tool_choice(tool_choice)
        if config.attempt_timeout:
            request["timeout"] = float(config.attempt_timeout)
        try:
            response = await self._clients.get().chat.completions.create(**request)
        except groq.APIStatusError as ex:
            if errors.is_context_overflow(ex):
                raise ModelContextLengthError(ex.message) from ex
            raise
        raw = response.model_dump(mode="json")
        request.pop("timeout", None)
        return openai_output(raw, self.model_name), ModelCall(request=request, response=raw)

    def should_retry(self, ex: BaseException) -> bool:
        return errors.should_retry(ex)

    def is_rate_limit(self, ex: BaseException) -> bool:
        return errors.is_rate_limit(ex)

    def retry_after(self, ex: BaseException) -> float | None:
        return errors.retry_after(ex)

    async def aclose(self) -> None:
        await self._clients.aclose()

    def _client(self) -> groq.AsyncGroq:
        return groq.AsyncGroq(
            api_key=self.api_key, base_url=self.base_url, max_retries=0, **self._model_args
        )


async def _close(client: groq.AsyncGroq) -> None:
    await client.close()
