"""The ``google`` model API: Gemini through ``genai.Client`` (its own retries off)."""

import os
from typing import Any

from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from inspect_ai._model.api_key import api_key as required_key
from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier, ModelContextLengthError
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.providers.google import errors
from inspect_ai._model.providers.google.messages import google_contents
from inspect_ai._model.providers.google.output import google_output
from inspect_ai._model.providers.google.request import content_config
from inspect_ai._model.registry import modelapi
from inspect_ai._tool.info import ToolChoice, ToolInfo

API_KEY = "GOOGLE_API_KEY"
BASE_URL = "GOOGLE_BASE_URL"


@modelapi(name="google")
class GoogleAPI(ModelAPI):
    """Gemini models (``google/gemini-2.0-flash``).

    The key comes from ``GOOGLE_API_KEY`` (not needed with ``-M vertexai=true``), the
    base URL from ``--model-base-url`` or ``GOOGLE_BASE_URL``; ``-M`` args are passed to
    ``genai.Client``.
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
        vertex = model_args.get("vertexai") or _env_flag("GOOGLE_GENAI_USE_VERTEXAI")
        if not self.api_key and not vertex:
            self.api_key = required_key(API_KEY, "google")
        self._client = genai.Client(
            api_key=self.api_key,
            http_options=_http_options(self.base_url, model_args.pop("http_options", None)),
            **model_args,
        )

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        contents, system = google_contents(input)
        request_config = content_config(config, system, tools, tool_choice)
        request = {
            "model": self.model_name,
            "contents": [
                content.model_dump(mode="json", exclude_none=True) for content in contents
            ],
            "config": request_config.model_dump(
                mode="json", exclude_none=True, exclude={"http_options"}
            ),
        }
        try:
            response = await self._client.aio.models.generate_content(
                model=self.model_name, contents=contents, config=request_config
            )
        except genai_errors.APIError as ex:
            if errors.is_context_overflow(ex):
                raise ModelContextLengthError(ex.message or str(ex)) from ex
            raise
        output = google_output(response, self.model_name)
        raw = response.model_dump(mode="json", exclude_none=True, exclude={"sdk_http_response"})
        return output, ModelCall(request=request, response=raw)

    async def aclose(self) -> None:
        await self._client.aio.aclose()


def _http_options(base_url: str | None, given: Any) -> types.HttpOptions:
    """The caller's HTTP options with the base URL and the SDK's own retries off."""
    options = types.HttpOptions.model_validate(given or {})
    if base_url and not options.base_url:
        options.base_url = base_url
    if options.retry_options is None:
        options.retry_options = types.HttpRetryOptions(attempts=1)
    return options


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in ("1", "true", "yes")
