"""Chat messages as the prompt text a Hugging Face model continues."""

from typing import Any

from inspect_ai._model.message import ChatMessage

ChatTurn = dict[str, str]
"""One message as chat templates take it: ``{"role": ..., "content": ...}``."""


def chat_turns(messages: list[ChatMessage]) -> list[ChatTurn]:
    """Messages as role/content pairs (the text of each message; images are left out)."""
    return [{"role": message.role, "content": message.text} for message in messages]


def prompt_text(tokenizer: Any, turns: list[ChatTurn]) -> str:
    """The prompt for ``turns``: the tokenizer's chat template with the generation prompt
    added, or (for a tokenizer without one) a plain ``Role: text`` transcript."""
    if has_chat_template(tokenizer):
        text = tokenizer.apply_chat_template(turns, tokenize=False, add_generation_prompt=True)
        return str(text)
    return plain_prompt(turns)


def has_chat_template(tokenizer: Any) -> bool:
    """Whether ``tokenizer`` comes with a chat template."""
    return bool(getattr(tokenizer, "chat_template", None))


def plain_prompt(turns: list[ChatTurn]) -> str:
    """A transcript of ``turns`` (``User: ...``) ending with ``Assistant:`` to continue."""
    lines = [f"{turn['role'].capitalize()}: {turn['content']}" for turn in turns]
    return "\n\n".join([*lines, "Assistant:"])
