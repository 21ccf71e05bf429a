"""Generation config as Anthropic Messages API parameters (only what the API supports)."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig

DEFAULT_MAX_TOKENS = 4096
"""``max_tokens`` (required by the API) for older models when the config sets none."""

LARGER_MAX_TOKENS = 8192
"""``max_tokens`` for models from Claude 3.5 on when the config sets none."""

NONSTREAMING_TOKENS_PER_HOUR = 128_000
"""The SDK's estimate of tokens generated per hour, from which it rejects long requests."""

SDK_DEFAULT_TIMEOUT = 600.0
"""The SDK's default request timeout (seconds)."""

SAMPLING_FIELDS = ("temperature", "top_p", "top_k")
"""Request fields sent as extra body fields (the SDK's ``create()`` does not list them)."""


def default_max_tokens(model: str) -> int:
    """Default ``max_tokens`` for ``model``: 4096 for Claude 2 and 3, else 8192."""
    older = ("claude-2", "claude-instant", "claude-3-opus", "claude-3-sonnet", "claude-3-haiku")
    return DEFAULT_MAX_TOKENS if any(name in model for name in older) else LARGER_MAX_TOKENS


def anthropic_params(config: GenerateConfig, model: str) -> dict[str, Any]:
    """``max_tokens``, sampling options, stop sequences and thinking for ``config``.

    Seeds, several choices, log probabilities and penalties are not supported by the
    API and are left out. With a reasoning budget (``reasoning_tokens``) thinking is
    enabled, and the sampling options thinking does not allow are left out.
    """
    max_tokens = config.max_tokens or default_max_tokens(model)
    params: dict[str, Any] = {}
    if config.reasoning_tokens:
        if max_tokens <= config.reasoning_tokens:
            max_tokens = config.reasoning_tokens + default_max_tokens(model)
        params["thinking"] = {"type": "enabled", "budget_tokens": config.reasoning_tokens}
    else:
        params.update(_sampling(config))
    if config.top_p is not None:
        params["top_p"] = config.top_p
    if config.stop_seqs:
        params["stop_sequences"] = list(config.stop_seqs)
    return {"max_tokens": max_tokens, **params}


def create_arguments(request: dict[str, Any], config: GenerateConfig) -> dict[str, Any]:
    """Keyword arguments of ``messages.create()`` for a request body.

    The sampling options (which the SDK's typed ``create()`` does not list) go in the
    body as extra fields, with the config's ``extra_body``; ``extra_headers`` and the
    timeout are passed as request options. The timeout is ``attempt_timeout`` if set;
    otherwise large requests (which the SDK refuses to send without streaming unless
    given a timeout) get the longer of the SDK's default and its estimate of their time.
    """
    arguments = {key: value for key, value in request.items() if key not in SAMPLING_FIELDS}
    extra_body = {key: request[key] for key in SAMPLING_FIELDS if key in request}
    extra_body.update(config.extra_body or {})
    if extra_body:
        arguments["extra_body"] = extra_body
    if config.extra_headers:
        arguments["extra_headers"] = dict(config.extra_headers)
    max_tokens = int(request["max_tokens"])
    if config.attempt_timeout is not None:
        arguments["timeout"] = float(config.attempt_timeout)
    elif max_tokens > LARGER_MAX_TOKENS:
        expected = 3600.0 * max_tokens / NONSTREAMING_TOKENS_PER_HOUR
        arguments["timeout"] = max(SDK_DEFAULT_TIMEOUT, expected)
    return arguments


def _sampling(config: GenerateConfig) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if config.temperature is not None:
        params["temperature"] = config.temperature
    if config.top_k is not None:
        params["top_k"] = config.top_k
    return params
