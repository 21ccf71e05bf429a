"""Estimating token counts locally (about four characters per token)."""

from inspect_ai._model.message import ChatMessage


def estimate_tokens(text: str) -> int:
    """An estimate of the tokens in ``text`` (at least 1 for non-empty text)."""
    return (len(text) + 3) // 4


def estimate_message_tokens(messages: list[ChatMessage]) -> int:
    """An estimate of the tokens in a conversation."""
    return sum(estimate_tokens(message.text) for message in messages)
