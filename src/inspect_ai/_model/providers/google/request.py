"""Tools, tool choice and generation options as a Gemini ``GenerateContentConfig``."""

from google.genai import types

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._tool.info import ToolChoice, ToolInfo

_MODES: dict[str, types.FunctionCallingConfigMode] = {
    "auto": types.FunctionCallingConfigMode.AUTO,
    "any": types.FunctionCallingConfigMode.ANY,
    "none": types.FunctionCallingConfigMode.NONE,
}


def content_config(
    config: GenerateConfig,
    system: str | None,
    tools: list[ToolInfo],
    tool_choice: ToolChoice,
) -> types.GenerateContentConfig:
    """The request options: sampling, limits, system instruction, tools, output format."""
    return types.GenerateContentConfig(
        system_instruction=system,
        temperature=config.temperature,
        top_p=config.top_p,
        top_k=config.top_k,
        max_output_tokens=config.max_tokens,
        stop_sequences=config.stop_seqs,
        candidate_count=config.num_choices,
        seed=config.seed,
        presence_penalty=config.presence_penalty,
        frequency_penalty=config.frequency_penalty,
        response_logprobs=config.logprobs or (True if config.top_logprobs else None),
        logprobs=config.top_logprobs,
        response_mime_type="application/json" if config.response_schema else None,
        response_json_schema=(
            config.response_schema.json_schema.model_dump(exclude_none=True)
            if config.response_schema
            else None
        ),
        thinking_config=_thinking(config),
        tools=google_tools(tools) if tools else None,
        tool_config=google_tool_config(tool_choice) if tools else None,
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        http_options=(
            types.HttpOptions(timeout=config.attempt_timeout * 1000)
            if config.attempt_timeout
            else None
        ),
    )


def google_tools(tools: list[ToolInfo]) -> list[types.Tool]:
    """The tools as function declarations (parameters as JSON schema)."""
    declarations = [
        types.FunctionDeclaration(
            name=tool.name,
            description=tool.description,
            parameters_json_schema=tool.parameters.model_dump(exclude_none=True),
        )
        for tool in tools
    ]
    return [types.Tool(function_declarations=declarations)]


def google_tool_config(tool_choice: ToolChoice) -> types.ToolConfig:
    """``auto``/``any``/``none``, or ``any`` limited to one named function."""
    if isinstance(tool_choice, str):
        mode = _MODES[tool_choice]
        return types.ToolConfig(function_calling_config=types.FunctionCallingConfig(mode=mode))
    return types.ToolConfig(
        function_calling_config=types.FunctionCallingConfig(
            mode=types.FunctionCallingConfigMode.ANY, allowed_function_names=[tool_choice.name]
        )
    )


def _thinking(config: GenerateConfig) -> types.ThinkingConfig | None:
    if config.reasoning_tokens is None:
        return None
    return types.ThinkingConfig(thinking_budget=config.reasoning_tokens, include_thoughts=True)
