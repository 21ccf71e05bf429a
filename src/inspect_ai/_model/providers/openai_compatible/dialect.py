"""What one OpenAI-compatible service accepts beyond the common Chat Completions fields."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """Request details that differ between OpenAI-compatible services."""

    max_tokens_param: str = "max_tokens"
    """Body field for ``max_tokens`` (OpenAI's reasoning models take ``max_completion_tokens``)."""

    system_role: str = "system"
    """Role of system messages (OpenAI's reasoning models take ``developer``)."""

    top_k: bool = False
    """Whether the service takes ``top_k`` (OpenAI does not; vLLM and Together do)."""

    reasoning_effort: bool = False
    """Whether the service takes ``reasoning_effort``."""
