"""The base class every model provider implements."""

import os
from abc import ABC, abstractmethod
from typing import ClassVar

from inspect_ai._model.call import ModelCall
from inspect_ai._model.errors import ErrorClassifier
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.output import ModelOutput
from inspect_ai._tool.info import ToolChoice, ToolInfo

DEFAULT_MAX_CONNECTIONS = 10
"""Concurrent calls per model unless the provider or the config says otherwise."""


class ModelAPI(ABC):
    """A model provider: turns a conversation into a request to one model API.

    Subclasses implement ``generate()`` and may override the other methods to state their
    limits and which errors are worth retrying. ``__init__`` must be called by subclasses.

    Args:
        model_name: Name of the model within the provider (``gpt-4`` in ``openai/gpt-4``).
        base_url: Alternative base URL for the API.
        api_key: API key (else read from the first of ``api_key_vars`` that is set).
        api_key_vars: Environment variables that may hold the API key.
        config: Default generation config of the model.
    """

    error_classifier: ClassVar[ErrorClassifier | None] = None
    """How the provider's errors are classified for retrying (None: nothing is retried)."""

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | GenerateConfig | None = None,
        api_key_vars: list[str] | None = None,
        config: GenerateConfig | None = None,
    ) -> None:
        if isinstance(api_key, GenerateConfig):
            # older providers call super().__init__(model_name, base_url, config)
            api_key, config = None, api_key
        self.model_name = model_name
        self.base_url = base_url
        self.config = config if config is not None else GenerateConfig()
        self.api_key = api_key or _first_env(api_key_vars or [])

    @abstractmethod
    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput | tuple[ModelOutput, ModelCall]:
        """Generate a reply to ``input`` (optionally with the raw call for the log)."""

    def max_tokens(self) -> int | None:
        """Default ``max_tokens`` for this model (None: the provider's own default)."""
        return None

    def max_connections(self) -> int:
        """Default maximum concurrent calls to this model."""
        return DEFAULT_MAX_CONNECTIONS

    def connection_key(self) -> str:
        """Calls sharing a key share one connection limit (default: per API key)."""
        return f"{type(self).__name__}:{self.api_key or ''}"

    def should_retry(self, ex: BaseException) -> bool:
        """Whether ``ex`` is transient (a rate limit, a timeout, a 5xx) and worth retrying."""
        classifier = self.error_classifier
        return classifier is not None and classifier.transient(ex)

    def is_rate_limit(self, ex: BaseException) -> bool:
        """Whether ``ex`` is a rate-limit error (counted for the display)."""
        classifier = self.error_classifier
        return classifier is not None and classifier.rate_limit(ex)

    def retry_after(self, ex: BaseException) -> float | None:
        """Seconds the API asked to wait before retrying after ``ex`` (None: not said).

        Honoured instead of the exponential backoff when longer than it.
        """
        classifier = self.error_classifier
        return classifier.retry_after(ex) if classifier is not None else None

    async def aclose(self) -> None:  # noqa: B027 (an optional hook, empty by default)
        """Release clients and connections (called when the eval ends)."""


def _first_env(names: list[str]) -> str | None:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None
