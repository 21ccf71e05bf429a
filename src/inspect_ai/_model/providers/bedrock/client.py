"""The boto3 ``bedrock-runtime`` client: region, credentials, endpoint, no retries of its own."""

import os
from typing import Any

import boto3
from botocore.config import Config

from inspect_ai._model.api_key import PrerequisiteError

BASE_URL_VAR = "BEDROCK_BASE_URL"
REGION_VARS = ("AWS_REGION", "AWS_DEFAULT_REGION")
BEARER_TOKEN_VAR = "AWS_BEARER_TOKEN_BEDROCK"

READ_TIMEOUT = 600
"""Seconds to wait for a response (botocore's default of 60 is short for long answers)."""

MAX_POOL_CONNECTIONS = 100
"""HTTP connections the client keeps (botocore's default of 10 would queue requests)."""


def bedrock_client(base_url: str | None, model_args: dict[str, Any]) -> Any:
    """A ``bedrock-runtime`` client; ``-M`` args go to ``boto3.client()`` (``profile_name``
    to the session).

    botocore's own retries are off: the model layer retries (and counts) them.

    Raises:
        PrerequisiteError: No AWS region or no AWS credentials.
    """
    args = dict(model_args)
    session = boto3.Session(profile_name=args.pop("profile_name", None))
    region = args.pop("region_name", None) or _first_env(REGION_VARS) or session.region_name
    if not region:
        raise PrerequisiteError(
            "No AWS region for 'bedrock': set AWS_DEFAULT_REGION (or -M region_name=...)."
        )
    if not _has_credentials(session, args):
        raise PrerequisiteError(
            "No AWS credentials for 'bedrock': set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
            "(or configure an AWS profile)."
        )
    config = Config(
        retries={"total_max_attempts": 1, "mode": "standard"},
        read_timeout=READ_TIMEOUT,
        max_pool_connections=MAX_POOL_CONNECTIONS,
    )
    endpoint_url = base_url or os.environ.get(BASE_URL_VAR) or None
    return session.client(
        "bedrock-runtime", region_name=region, endpoint_url=endpoint_url, config=config, **args
    )


def _has_credentials(session: Any, args: dict[str, Any]) -> bool:
    """Keys given as ``-M`` args, a Bedrock API key, or credentials boto3 can find."""
    if args.get("aws_access_key_id") or os.environ.get(BEARER_TOKEN_VAR):
        return True
    return session.get_credentials() is not None


def _first_env(names: tuple[str, ...]) -> str | None:
    return next((os.environ[name] for name in names if os.environ.get(name)), None)
