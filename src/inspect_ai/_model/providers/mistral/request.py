"""A Mistral chat-completions request: messages, tools, tool choice and options."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.providers.openai_compatible.dialect import OPENAI_PARAMS, Dialect
from inspect_ai._model.providers.openai_compatible.request import chat_request
from inspect_ai._tool.info import ToolChoice, ToolInfo

DIALECT = Dialect(
    params=OPENAI_PARAMS - {"logit_bias"},
    seed_param="random_seed",
    any_tool_choice="any",
    tool_names=True,
    image_detail_auto=False,
)
"""What Mistral's chat completions accept (``random_seed``, tool choice ``any``, tool
messages naming their function)."""


def mistral_request(
    model: str,
    messages: list[ChatMessage],
    tools: list[ToolInfo],
    tool_choice: ToolChoice,
    config: GenerateConfig,
) -> dict[str, Any]:
    """The request body (as keyword arguments of ``chat.complete_async``)."""
    return chat_request(model, messages, tools, tool_choice, config, DIALECT)
