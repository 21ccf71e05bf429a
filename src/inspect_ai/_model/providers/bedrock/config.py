"""Generation config as Converse ``inferenceConfig`` (and model-specific extra fields)."""

from typing import Any

from inspect_ai._model.generate_config import GenerateConfig


def inference_config(config: GenerateConfig) -> dict[str, Any]:
    """``maxTokens``, ``temperature``, ``topP`` and ``stopSequences`` (those that are set)."""
    params: dict[str, Any] = {}
    if config.max_tokens is not None:
        params["maxTokens"] = config.max_tokens
    if config.temperature is not None:
        params["temperature"] = config.temperature
    if config.top_p is not None:
        params["topP"] = config.top_p
    if config.stop_seqs:
        params["stopSequences"] = list(config.stop_seqs)
    return params


def additional_fields(config: GenerateConfig, model: str) -> dict[str, Any]:
    """Fields Converse passes through to the model: ``top_k`` for Anthropic and Mistral
    models (others reject fields they do not know), and the caller's ``extra_body``."""
    fields: dict[str, Any] = {}
    if config.top_k is not None and _accepts_top_k(model):
        fields["top_k"] = config.top_k
    return {**fields, **(config.extra_body or {})}


def _accepts_top_k(model: str) -> bool:
    return any(family in model for family in ("anthropic.", "mistral."))
