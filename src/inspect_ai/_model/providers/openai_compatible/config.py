"""``GenerateConfig`` as the fields of a Chat Completions request body."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.providers.openai_compatible.dialect import Dialect

_FIELDS: dict[str, str] = {
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "stop_seqs": "stop",
    "num_choices": "n",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "logit_bias": "logit_bias",
    "reasoning_effort": "reasoning_effort",
}
"""``GenerateConfig`` field -> body field, for options every dialect names the same."""


def config_params(config: GenerateConfig, dialect: Dialect) -> dict[str, Any]:
    """The request fields ``config`` sets (only those ``dialect`` accepts).

    ``system_message`` is not here (the model has already added it to the messages), nor
    ``parallel_tool_calls`` (sent with the tools), nor the connection options (retries,
    timeouts, connections), which are not sent.
    """
    names = {**_FIELDS, "max_tokens": dialect.max_tokens_param, "seed": dialect.seed_param}
    params: dict[str, Any] = {
        name: getattr(config, field) for field, name in names.items() if dialect.accepts(field)
    }
    params.update(_logprobs(config, dialect))
    if config.response_schema is not None and dialect.accepts("response_schema"):
        params["response_format"] = _response_format(config)
    return {name: value for name, value in params.items() if value is not None}


def _logprobs(config: GenerateConfig, dialect: Dialect) -> dict[str, Any]:
    if not dialect.accepts("logprobs"):
        return {}
    if not config.logprobs and config.top_logprobs is None:
        return {}
    top = config.top_logprobs if dialect.accepts("top_logprobs") else None
    return {"logprobs": True, "top_logprobs": top}


def _response_format(config: GenerateConfig) -> dict[str, Any]:
    schema = config.response_schema
    assert schema is not None
    json_schema: dict[str, Any] = {
        "name": schema.name,
        "schema": schema.json_schema.model_dump(exclude_none=True),
    }
    if schema.description is not None:
        json_schema["description"] = schema.description
    if schema.strict is not None:
        json_schema["strict"] = schema.strict
    return {"type": "json_schema", "json_schema": json_schema}
