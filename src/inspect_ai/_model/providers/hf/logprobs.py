"""Log probabilities of generated tokens, from the logits ``generate()`` returns."""

from typing import Any

import torch

from inspect_ai._model.output import Logprob, Logprobs, TopLogprob


def token_logprobs(
    tokenizer: Any, logits: torch.Tensor, tokens: list[int], top: int | None
) -> Logprobs:
    """The log probability of each of ``tokens`` (and the ``top`` likeliest alternatives).

    Args:
        tokenizer: Decodes each token to its text.
        logits: Raw logits of one row, one line per generated position (steps x vocab).
        tokens: The generated tokens kept in the output (at most one per step).
        top: How many of the likeliest tokens to give at each position (None: none).
    """
    if not tokens:
        return Logprobs(content=[])
    scores = torch.log_softmax(logits[: len(tokens)].float(), dim=-1)
    content = []
    for step, token in enumerate(tokens):
        alternatives = _top_logprobs(tokenizer, scores[step], top) if top else None
        text = tokenizer.decode([token])
        content.append(
            Logprob(
                token=text,
                logprob=float(scores[step, token]),
                bytes=list(text.encode()),
                top_logprobs=alternatives,
            )
        )
    return Logprobs(content=content)


def _top_logprobs(tokenizer: Any, scores: torch.Tensor, top: int) -> list[TopLogprob]:
    values, indices = torch.topk(scores, min(top, scores.shape[-1]))
    result = []
    for value, index in zip(values.tolist(), indices.tolist(), strict=True):
        text = tokenizer.decode([index])
        result.append(TopLogprob(token=text, logprob=float(value), bytes=list(text.encode())))
    return result
