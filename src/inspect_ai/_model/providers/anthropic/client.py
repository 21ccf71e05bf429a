"""The Anthropic SDK client: Anthropic's API, or Anthropic models on AWS Bedrock."""

import os
from dataclasses import dataclass, field
from typing import Any

import anthropic

from inspect_ai._model import api_key as keys
from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.providers.common.packages import require_package

API_KEY_VAR = "ANTHROPIC_API_KEY"
BASE_URL_VAR = "ANTHROPIC_BASE_URL"
BEDROCK_BASE_URL_VARS = ("BEDROCK_ANTHROPIC_BASE_URL", "ANTHROPIC_BEDROCK_BASE_URL")
REGION_VARS = ("AWS_REGION", "AWS_DEFAULT_REGION")

AnthropicClient = anthropic.AsyncAnthropic | anthropic.AsyncAnthropicBedrock


@dataclass
class ClientSettings:
    """How to make the SDK client: which service, its base URL, key and other arguments.

    The SDK's own retries are off (``max_retries=0``): the model layer retries.
    """

    bedrock: bool
    base_url: str | None
    api_key: str | None
    region: str | None
    args: dict[str, Any] = field(default_factory=dict)

    def create(self) -> AnthropicClient:
        """A new client (one per event loop: its connections belong to the loop)."""
        args: dict[str, Any] = {"max_retries": 0, **self.args}
        if self.bedrock:
            return anthropic.AsyncAnthropicBedrock(
                base_url=self.base_url, aws_region=self.region, **args
            )
        return anthropic.AsyncAnthropic(api_key=self.api_key, base_url=self.base_url, **args)


def client_settings(
    bedrock: bool, base_url: str | None, api_key: str | None, model_args: dict[str, Any]
) -> ClientSettings:
    """Settings from the arguments and the environment (``-M`` args go to the client).

    Raises:
        PrerequisiteError: No API key (Anthropic), or no AWS region or boto3 (Bedrock).
    """
    if bedrock:
        return _bedrock_settings(base_url, model_args)
    key = api_key or keys.api_key(API_KEY_VAR, "anthropic")
    base_url = base_url or os.environ.get(BASE_URL_VAR) or None
    return ClientSettings(
        bedrock=False, base_url=base_url, api_key=key, region=None, args=model_args
    )


def _bedrock_settings(base_url: str | None, model_args: dict[str, Any]) -> ClientSettings:
    require_package("boto3", "boto3", "anthropic (on Bedrock)")
    args = dict(model_args)
    region = args.pop("aws_region", None) or _first_env(REGION_VARS)
    if not region:
        raise PrerequisiteError(
            "No AWS region for Anthropic on Bedrock: set AWS_DEFAULT_REGION (or -M aws_region=...)."
        )
    base_url = base_url or _first_env(BEDROCK_BASE_URL_VARS)
    return ClientSettings(bedrock=True, base_url=base_url, api_key=None, region=region, args=args)


def _first_env(names: tuple[str, ...]) -> str | None:
    return next((os.environ[name] for name in names if os.environ.get(name)), None)
