"""``GenerateConfig`` as the fields of a Chat Completions request body."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.providers.openai_compatible.dialect import Dialect


def config_params(config: GenerateConfig, dialect: Dialect) -> dict[str, Any]:
    """The request fields ``config`` sets (only those ``dialect`` accepts).

    ``system_message`` is not here (the model has already added it to the messages), nor
    the connection options (retries, timeouts, connections), which are not sent.
    """
    params: dict[str, Any] = {
        dialect.max_tokens_param: config.max_tokens,
        "temperature": config.temperature,
        "top_p": config.top_p,
        "stop": config.stop_seqs,
        "seed": config.seed,
        "n": config.num_choices,
        "frequency_penalty": config.frequency_penalty,
        "presence_penalty": config.presence_penalty,
        "logit_bias": config.logit_bias,
    }
    if config.logprobs or config.top_logprobs is not None:
        params["logprobs"] = True
        params["top_logprobs"] = config.top_logprobs
    if dialect.top_k:
        params["top_k"] = config.top_k
    if dialect.reasoning_effort:
        params["reasoning_effort"] = config.reasoning_effort
    if config.response_schema is not None:
        params["response_format"] = _response_format(config)
    return {name: value for name, value in params.items() if value is not None}


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
