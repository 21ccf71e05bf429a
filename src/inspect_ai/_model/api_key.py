"""API keys of model providers, read from the environment (or a ``.env`` file)."""

import os


class PrerequisiteError(RuntimeError):
    """Something an eval needs before it can start (an API key, a package) is missing."""


def api_key(env_var: str, provider: str) -> str:
    """The value of the environment variable ``env_var`` holding ``provider``'s API key.

    Args:
        env_var: Name of the environment variable (e.g. ``OPENAI_API_KEY``).
        provider: Name of the provider, for the error message (e.g. ``openai``).

    Raises:
        PrerequisiteError: The variable is not set (or is empty).
    """
    value = os.environ.get(env_var)
    if not value:
        raise PrerequisiteError(
            f"No API key for '{provider}': set {env_var} (in the environment or a .env file)."
        )
    return value
