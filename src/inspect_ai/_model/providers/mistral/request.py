"""A Mistral chat-completions request: messages, tools, tool choice and options."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.providers.common.openai_messages import openai_messages
from inspect_ai._model.providers.common.openai_request import (
    openai_parameters,
    openai_tool_choice,
    openai_tools,
)
from inspect_ai._tool.info import ToolChoice, ToolInfo

SUPPORTED = frozenset(
    {
        "temperature",
        "top_p",
        "max_tokens",
        "stop_seqs",
        "seed",
        "num_choices",
        "frequency_penalty",
        "presence_penalty",
        "logprobs",
        "top_logprobs",
        "parallel_tool_calls",
        "response_schema",
    }
)
"""``GenerateConfig`` options Mistral's chat completions accept."""


def mistral_request(
    model: str,
    messages: list[ChatMessage],
    tools: list[ToolInfo],
    tool_choice: ToolChoice,
    config: GenerateConfig,
) -> dict[str, Any]:
    """The request body (as keyword arguments of ``chat.complete_async``)."""
    request: dict[str, Any] = {
        "model": model,
        "messages": openai_messages(messages, tool_names=True),
        **openai_parameters(config, SUPPORTED, renamed={"seed": "random_seed"}),
    }
    if tools:
        request["tools"] = openai_tools(tools)
        request["tool_choice"] = openai_tool_choice(tool_choice, any_choice="any")
    return request
