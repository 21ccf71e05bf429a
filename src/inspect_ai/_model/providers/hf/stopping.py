"""Stop sequences: ending generation when one appears, and cutting the output there."""

from typing import Any

import torch
from transformers import StoppingCriteria


class StopSequences(StoppingCriteria):
    """Ends each row of a batch once its generated text contains one of ``stops``.

    Args:
        tokenizer: Decodes the generated tokens.
        stops: The stop sequences.
        prompt_length: Length of the (padded) prompt before the generated tokens.
    """

    def __init__(self, tokenizer: Any, stops: tuple[str, ...], prompt_length: int) -> None:
        self._tokenizer = tokenizer
        self._stops = stops
        self._prompt_length = prompt_length

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor, **kwargs: Any) -> Any:
        """A boolean per row: whether that row's text holds a stop sequence."""
        texts = self._tokenizer.batch_decode(
            input_ids[:, self._prompt_length :], skip_special_tokens=True
        )
        done = [any(stop in text for stop in self._stops) for text in texts]
        return torch.tensor(done, dtype=torch.bool, device=input_ids.device)


def cut_at_stop(text: str, stops: tuple[str, ...]) -> tuple[str, bool]:
    """``text`` up to the earliest stop sequence in it, and whether there was one."""
    found = [index for index in (text.find(stop) for stop in stops if stop) if index >= 0]
    if not found:
        return text, False
    return text[: min(found)], True
