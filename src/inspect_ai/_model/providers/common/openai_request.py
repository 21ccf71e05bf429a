"""Tools, tool choice and generation options in the chat-completions request format."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._tool.info import ToolChoice, ToolInfo

PARAMETERS: dict[str, str] = {
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "max_tokens": "max_tokens",
    "stop_seqs": "stop",
    "seed": "seed",
    "num_choices": "n",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "logprobs": "logprobs",
    "top_logprobs": "top_logprobs",
    "parallel_tool_calls": "parallel_tool_calls",
}
"""``GenerateConfig`` field -> request field, for options that map one to one."""


def openai_tools(tools: list[ToolInfo]) -> list[dict[str, Any]]:
    """Function tools: name, description and the JSON schema of the parameters."""
    return [
        {
            "type": "function",
            "function": {
                "name": tool.name,
                "description": tool.description,
                "parameters": tool.parameters.model_dump(exclude_none=True),
            },
        }
        for tool in tools
    ]


def openai_tool_choice(choice: ToolChoice, any_choice: str = "required") -> str | dict[str, Any]:
    """``auto``, ``none``, ``any_choice`` (must call a tool) or one named function."""
    if choice == "any":
        return any_choice
    if isinstance(choice, str):
        return choice
    return {"type": "function", "function": {"name": choice.name}}


def openai_parameters(
    config: GenerateConfig, supported: frozenset[str], renamed: dict[str, str] | None = None
) -> dict[str, Any]:
    """The set options of ``config`` a vendor supports, under their request names.

    Args:
        config: Generation options.
        supported: ``GenerateConfig`` fields the vendor accepts (``response_schema`` too).
        renamed: Request names that differ from the usual ones (``seed`` -> ``random_seed``).
    """
    names = {**PARAMETERS, **(renamed or {})}
    params: dict[str, Any] = {}
    for field, name in names.items():
        value = getattr(config, field)
        if field in supported and value is not None:
            params[name] = value
    if "top_logprobs" in params:
        params["logprobs"] = True
    schema = config.response_schema
    if "response_schema" in supported and schema is not None:
        json_schema: dict[str, Any] = {
            "name": schema.name,
            "schema": schema.json_schema.model_dump(exclude_none=True),
        }
        if schema.description:
            json_schema["description"] = schema.description
        if schema.strict is not None:
            json_schema["strict"] = schema.strict
        params["response_format"] = {"type": "json_schema", "json_schema": json_schema}
    return params
