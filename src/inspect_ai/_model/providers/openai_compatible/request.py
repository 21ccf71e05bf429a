"""The fields of a Chat Completions request body common to every service."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.providers.openai_compatible.config import config_params
from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.messages import openai_messages
from inspect_ai._model.providers.openai_compatible.tools import tool_params
from inspect_ai._tool.info import ToolChoice, ToolInfo


def chat_request(
    model: str,
    input: list[ChatMessage],
    tools: list[ToolInfo],
    tool_choice: ToolChoice,
    config: GenerateConfig,
    dialect: Dialect,
) -> dict[str, Any]:
    """``model``, ``messages``, the tool fields and the config fields ``dialect`` takes."""
    return {
        "model": model,
        "messages": openai_messages(input, dialect),
        **tool_params(tools, tool_choice, config.parallel_tool_calls, dialect),
        **config_params(config, dialect),
    }
