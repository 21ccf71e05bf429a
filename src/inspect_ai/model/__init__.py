"""Models: chat messages, content, generation config and model output."""

from inspect_ai._model.cache.location import cache_path
from inspect_ai._model.cache.maintenance import cache_clear, cache_list_expired, cache_prune
from inspect_ai._model.call import ModelCall
from inspect_ai._model.content import (
    Content,
    ContentAudio,
    ContentData,
    ContentDocument,
    ContentImage,
    ContentReasoning,
    ContentText,
    ContentToolUse,
    ContentVideo,
)
from inspect_ai._model.generate_config import (
    BatchConfig,
    CachePolicy,
    GenerateConfig,
    ResponseSchema,
)
from inspect_ai._model.get_model import get_model
from inspect_ai._model.message import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageBase,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
)
from inspect_ai._model.model import Model
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.model_config import ModelConfig
from inspect_ai._model.model_name import ModelName
from inspect_ai._model.output import (
    ChatCompletionChoice,
    Logprob,
    Logprobs,
    ModelOutput,
    StopReason,
    TopLogprob,
)
from inspect_ai._model.registry import modelapi
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.info import ToolChoice, ToolFunction, ToolInfo
from inspect_ai._tool.tool import tool  # the guide also imports @tool from here

__all__ = [
    "BatchConfig",
    "CachePolicy",
    "ChatCompletionChoice",
    "ChatMessage",
    "ChatMessageAssistant",
    "ChatMessageBase",
    "ChatMessageSystem",
    "ChatMessageTool",
    "ChatMessageUser",
    "Content",
    "ContentAudio",
    "ContentData",
    "ContentDocument",
    "ContentImage",
    "ContentReasoning",
    "ContentText",
    "ContentToolUse",
    "ContentVideo",
    "GenerateConfig",
    "Logprob",
    "Logprobs",
    "Model",
    "ModelAPI",
    "ModelCall",
    "ModelConfig",
    "ModelName",
    "ModelOutput",
    "ModelUsage",
    "ResponseSchema",
    "StopReason",
    "ToolChoice",
    "ToolFunction",
    "ToolInfo",
    "TopLogprob",
    "cache_clear",
    "cache_list_expired",
    "cache_path",
    "cache_prune",
    "get_model",
    "modelapi",
    "tool",
]
