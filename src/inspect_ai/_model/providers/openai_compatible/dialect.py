"""What one OpenAI-compatible service accepts beyond the common Chat Completions fields."""

from dataclasses import dataclass

OPENAI_PARAMS = frozenset(
    {
        "max_tokens",
        "temperature",
        "top_p",
        "stop_seqs",
        "seed",
        "num_choices",
        "frequency_penalty",
        "presence_penalty",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "parallel_tool_calls",
        "response_schema",
    }
)
"""``GenerateConfig`` fields OpenAI's Chat Completions take (``top_k`` and
``reasoning_effort`` aside)."""


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

    params: frozenset[str] = OPENAI_PARAMS
    """``GenerateConfig`` fields the service takes (besides ``top_k``/``reasoning_effort``)."""

    seed_param: str = "seed"
    """Body field for ``seed`` (Mistral takes ``random_seed``)."""

    any_tool_choice: str = "required"
    """``tool_choice`` meaning "call some tool" (Mistral takes ``any``)."""

    tool_names: bool = False
    """Whether tool messages carry the function's ``name`` (Mistral wants it)."""

    image_detail_auto: bool = True
    """Whether images say ``detail: auto`` (else ``detail`` is sent only when low or high)."""

    def accepts(self, field: str) -> bool:
        """Whether the service takes the ``GenerateConfig`` field ``field``."""
        if field == "top_k":
            return self.top_k
        if field == "reasoning_effort":
            return self.reasoning_effort
        return field in self.params
