"""The ``groq`` model API: chat completions through ``groq.AsyncGroq`` (its retries off)."""

import os
from typing import Any

import groq

from inspect_ai._model.api_key import api_key as required_key
from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.providers.groq import errors
from inspect_ai._model.providers.openai_compatible.dialect import OPENAI_PARAMS, Dialect
from inspect_ai._model.providers.openai_compatible.request import chat_request
from inspect_ai._model.providers.openai_compatible.response import model_output
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

API_KEY = "GROQ_API_KEY"
BASE_URL = "GROQ_BASE_URL"

DIALECT = Dialect(
    params=OPENAI_PARAMS - {"num_choices", "logit_bias", "logprobs", "top_logprobs"},
    image_detail_auto=False,
)
"""What Groq's chat completions accept (one choice, no logprobs)."""


@modelapi(name="groq")
class GroqAPI(ModelAPI):
    """Models served by Groq (``groq/llama-3.3-70b-versatile``).

    The key comes from ``GROQ_API_KEY`` and the base URL from ``--model-base-url`` or
    ``GROQ_BASE_URL``; ``-M`` args are passed to ``AsyncGroq``.
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
        request = chat_request(self.model_name, input, tools, tool_choice, config, DIALECT)
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
        return model_output(raw, self.model_name), ModelCall(request=request, response=raw)

    async def aclose(self) -> None:
        await self._clients.aclose()

    def _client(self) -> groq.AsyncGroq:
        return groq.AsyncGroq(
            api_key=self.api_key, base_url=self.base_url, max_retries=0, **self._model_args
        )


async def _close(client: groq.AsyncGroq) -> None:
    await client.close()
