"""Where an OpenAI-compatible service is and the key to it, from arguments or the environment."""

import os
from dataclasses import dataclass

from inspect_ai._model.api_key import PrerequisiteError, api_key


@dataclass(frozen=True)
class Endpoint:
    """The API key and base URL a client is created with."""

    api_key: str
    base_url: str | None
    """None: the client's own default (``https://api.openai.com/v1`` for OpenAI)."""


@dataclass(frozen=True)
class Service:
    """The environment variables of an OpenAI-compatible service.

    Args:
        name: Provider name, for error messages (``together``, ``openai-api/deepseek``).
        api_key_var: Variable holding the API key.
        base_url_var: Variable holding the base URL.
        default_base_url: Base URL when neither an argument nor the variable gives one.
        base_url_required: Whether a missing base URL is an error (else the client default).
        api_key_required: Whether a missing key is an error (local servers need none).
    """

    name: str
    api_key_var: str
    base_url_var: str
    default_base_url: str | None = None
    base_url_required: bool = False
    api_key_required: bool = True

    def endpoint(self, key: str | None = None, base_url: str | None = None) -> Endpoint:
        """The endpoint: arguments first, then the environment, then the defaults.

        Raises:
            PrerequisiteError: A required key or base URL is missing.
        """
        if not key:
            key = self._api_key()
        base_url = base_url or os.environ.get(self.base_url_var) or self.default_base_url
        if base_url is None and self.base_url_required:
            raise PrerequisiteError(
                f"No base URL for '{self.name}': set {self.base_url_var} "
                "(or pass --model-base-url)."
            )
        return Endpoint(api_key=key, base_url=base_url)

    def _api_key(self) -> str:
        if self.api_key_required:
            return api_key(self.api_key_var, self.name)
        return os.environ.get(self.api_key_var) or NO_KEY


NO_KEY = "none"
"""Key sent to servers that need none (the ``openai`` client insists on one)."""
