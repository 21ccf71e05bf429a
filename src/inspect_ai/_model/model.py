"""``Model``: a provider plus its config, with connection limits, retries and event logging."""

import logging
import os
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from inspect_ai._event.model import ModelEvent
from inspect_ai._model.cache.entry import (
    CacheEntry,
    cache_entry,
    cache_fetch,
    cache_policy,
    cache_store,
)
from inspect_ai._model.cache.flight import single_flight
from inspect_ai._model.cache.key import CallKey
from inspect_ai._model.call import ModelCall
from inspect_ai._model.connections import connection_pool
from inspect_ai._model.errors import ModelContextLengthError
from inspect_ai._model.generate_config import CachePolicy, GenerateConfig
from inspect_ai._model.http_log import HTTP_LEVEL
from inspect_ai._model.message import ChatMessage, ChatMessageSystem, ChatMessageUser
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.retry import call_with_retry
from inspect_ai._sample.context import sample_context
from inspect_ai._sample.limits import LimitExceededError
from inspect_ai._tool.info import ToolChoice, ToolInfo
from inspect_ai._transcript.transcript import transcript

if TYPE_CHECKING:
    from inspect_ai._tool.tool import Tool
    from inspect_ai._tool.tool_def import ToolDef

_logger = logging.getLogger(__name__)


class Model:
    """A model to generate with: a provider API, its name and its generation config.

    Create models with ``get_model()``.
    """

    def __init__(
        self,
        api: ModelAPI,
        config: GenerateConfig,
        provider: str,
        model_args: dict[str, Any] | None = None,
    ) -> None:
        self.api = api
        self.config = config
        self.provider = provider
        self.model_args = dict(model_args or {})
        self.role: str | None = None

    @property
    def name(self) -> str:
        """The model name within its provider."""
        return self.api.model_name

    def __str__(self) -> str:
        return f"{self.provider}/{self.name}"

    def __repr__(self) -> str:
        return f"Model({str(self)!r})"

    async def generate(
        self,
        input: str | list[ChatMessage],
        tools: Sequence["Tool | ToolDef | ToolInfo"] = (),
        tool_choice: ToolChoice | None = None,
        config: GenerateConfig | None = None,
        cache: bool | CachePolicy = False,
    ) -> ModelOutput:
        """Generate a reply to a prompt or a conversation.

        Args:
            input: A prompt, or chat messages.
            tools: Tools the model may call (``@tool`` functions, ``ToolDef``s or their
                ``ToolInfo`` descriptions); the model only asks for calls, it runs none.
            tool_choice: Which tool (if any) the model must call.
            config: Options for this call, over the model's own config.
            cache: Cache the output on disk (``True``: for a week, per epoch), or a
                ``CachePolicy``; ``False`` leaves it to the config's ``cache``.
        """
        messages: list[ChatMessage] = (
            [ChatMessageUser(content=input)] if isinstance(input, str) else list(input)
        )
        merged = self.config.merge(config) if config is not None else self.config
        messages = _with_system_message(messages, merged.system_message)
        default_max_tokens = self.api.max_tokens()
        if merged.max_tokens is None and default_max_tokens is not None:
            merged = merged.model_copy(update={"max_tokens": default_max_tokens})
        tool_infos = _tool_infos(tools)
        choice: ToolChoice = tool_choice or ("auto" if tool_infos else "none")
        entry = self._cache_entry(cache, messages, tool_infos, choice, merged)
        if entry is None:
            return await self._generate(messages, tool_infos, choice, merged)
        async with single_flight(entry.path):
            return await self._generate(messages, tool_infos, choice, merged, entry)

    def _cache_entry(
        self,
        cache: bool | CachePolicy,
        messages: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> CacheEntry | None:
        """The call's cache entry, when ``cache`` (or else the config's ``cache``) asks for one."""
        policy = cache_policy(config.cache if cache is False else cache)
        if policy is None:
            return None
        call = CallKey(
            str(self), self.api.base_url, messages, tools, tool_choice, config, self.model_args
        )
        return cache_entry(call, policy)

    async def _generate(
        self,
        messages: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
        cache: CacheEntry | None = None,
    ) -> ModelOutput:
        active = transcript()
        event = ModelEvent(
            model=str(self), role=self.role, input=messages, tools=tools,
            tool_choice=tool_choice, config=config,
        )  # fmt: skip
        if cache is not None and (cached := await cache_fetch(cache)) is not None:
            return self._cache_hit(event, cached)
        pool = connection_pool(
            self.api.connection_key(),
            config.max_connections or self.api.max_connections(),
            label=str(self),
        )

        async def attempt() -> ModelOutput | tuple[ModelOutput, ModelCall]:
            waited = time.monotonic()
            async with pool.semaphore:
                active.add_waiting(time.monotonic() - waited)
                pool.in_use += 1
                try:
                    return await self.api.generate(messages, tools, tool_choice, config)
                finally:
                    pool.in_use -= 1

        def on_retry(ex: BaseException, delay: float) -> None:
            rate_limited = self.api.is_rate_limit(ex)
            if rate_limited:
                pool.rate_limit_retries += 1
            active.add_waiting(delay)
            reason = "rate limit" if rate_limited else "error"
            _logger.log(HTTP_LEVEL, f"{self}: retrying in {delay:.1f}s after {reason}: {ex}")

        started = time.monotonic()
        working_started = active.working_time()
        try:
            result, retries = await call_with_retry(
                attempt, self.api.should_retry, config.max_retries, config.timeout, on_retry,
                retry_after=self.api.retry_after,
            )  # fmt: skip
        except ModelContextLengthError as ex:
            event.error = str(ex)
            _finish_event(event, active.working_time() - working_started)
            active._event(event)
            raise LimitExceededError(
                "context", value=0, limit=0, message=f"Context limit exceeded: {ex}"
            ) from ex
        except Exception as ex:
            event.error = str(ex)
            _finish_event(event, active.working_time() - working_started)
            active._event(event)
            raise
        output, call = result if isinstance(result, tuple) else (result, None)
        if output.time is None:
            output.time = time.monotonic() - started
        if cache is not None:
            event.cache = "write"
            await cache_store(cache, output)
        event.output = output
        event.call = call
        event.retries = retries or None
        _finish_event(event, active.working_time() - working_started)
        active._event(event)
        self._record_usage(output)
        return output

    def _cache_hit(self, event: ModelEvent, output: ModelOutput) -> ModelOutput:
        """Record a call answered from the cache (its usage counts, as if it were made)."""
        event.cache = "read"
        event.output = output
        _finish_event(event, 0.0)
        transcript()._event(event)
        self._record_usage(output)
        return output

    def _record_usage(self, output: ModelOutput) -> None:
        context = sample_context()
        if context is not None and output.usage is not None:
            context.record_usage(str(self), self.role, output.usage)


def _tool_infos(tools: Sequence["Tool | ToolDef | ToolInfo"]) -> list[ToolInfo]:
    if all(isinstance(tool, ToolInfo) for tool in tools):
        return list(tools)  # type: ignore[arg-type]
    from inspect_ai._tool.tool_def import tool_infos

    return tool_infos(tools)


def _finish_event(event: ModelEvent, working_time: float) -> None:
    event.completed = datetime.now(UTC)
    event.working_time = working_time


def _with_system_message(messages: list[ChatMessage], system: str | None) -> list[ChatMessage]:
    """``messages`` with ``system`` added after any leading system messages."""
    if not system:
        return messages
    index = 0
    while index < len(messages) and isinstance(messages[index], ChatMessageSystem):
        index += 1
    return [*messages[:index], ChatMessageSystem(content=system), *messages[index:]]


def model_name_from_env() -> str | None:
    """The default model from ``INSPECT_EVAL_MODEL`` (None when unset or empty)."""
    return os.environ.get("INSPECT_EVAL_MODEL") or None
