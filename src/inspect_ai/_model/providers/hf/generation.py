"""One batched ``generate()``: prompts left-padded into one forward pass, a result per row."""

from dataclasses import dataclass
from typing import Any

import torch
from transformers import StoppingCriteriaList

from inspect_ai._model.errors import ModelContextLengthError
from inspect_ai._model.output import Logprobs, StopReason
from inspect_ai._model.providers.hf.loader import LoadedModel
from inspect_ai._model.providers.hf.logprobs import token_logprobs
from inspect_ai._model.providers.hf.options import GenerateOptions
from inspect_ai._model.providers.hf.prompt import Prompt, has_chat_template, prompt_text
from inspect_ai._model.providers.hf.stopping import StopSequences, cut_at_stop


@dataclass(frozen=True)
class Generated:
    """What one row of a batch produced."""

    text: str
    """The completion (cut before a stop sequence)."""

    stop_reason: StopReason
    """``stop`` (end of sequence or a stop sequence), ``max_tokens`` or ``model_length``."""

    input_tokens: int
    """Tokens of the prompt (padding left out)."""

    output_tokens: int
    """Tokens generated (an end-of-sequence token included)."""

    logprobs: Logprobs | None = None
    """Log probabilities of the completion's tokens (when asked for)."""


@dataclass(frozen=True)
class _Batch:
    """The prompts that fit the context, padded, and how many tokens each may add."""

    rows: list[int]
    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    max_new_tokens: int
    clamped: bool


def generate_batch(
    loaded: LoadedModel, prompts: list[Prompt], options: GenerateOptions
) -> list[list[Generated] | BaseException]:
    """Generate ``options.num_choices`` replies to each prompt in one ``generate()`` call.

    A prompt longer than the model's context gets a ``ModelContextLengthError`` (the
    others still run); the new tokens are capped so that no row outgrows the context.
    """
    tokenizer = loaded.tokenizer
    templated = has_chat_template(tokenizer)
    encoded: list[list[int]] = [
        tokenizer(prompt_text(tokenizer, prompt), add_special_tokens=not templated)["input_ids"]
        for prompt in prompts
    ]
    limit = _context_limit(loaded.model)
    results: list[list[Generated] | BaseException] = [
        ModelContextLengthError(
            f"The prompt ({len(ids)} tokens) does not fit the model's context ({limit} tokens)."
        )
        for ids in encoded
    ]
    rows = [row for row, ids in enumerate(encoded) if limit is None or len(ids) < limit]
    if rows:
        batch = _padded(loaded, [encoded[row] for row in rows], rows, options, limit)
        for row, generated in zip(rows, _generate(loaded, batch, options), strict=True):
            results[row] = generated
    return results


def _context_limit(model: Any) -> int | None:
    limit = getattr(model.config, "max_position_embeddings", None)
    return limit if isinstance(limit, int) and limit > 0 else None


def _padded(
    loaded: LoadedModel,
    prompts: list[list[int]],
    rows: list[int],
    options: GenerateOptions,
    limit: int | None,
) -> _Batch:
    padded = loaded.tokenizer.pad({"input_ids": prompts}, padding=True, return_tensors="pt")
    input_ids = padded["input_ids"].to(loaded.device)
    max_new_tokens = options.max_new_tokens
    if limit is not None:
        max_new_tokens = min(max_new_tokens, limit - input_ids.shape[1])
    return _Batch(
        rows=rows,
        input_ids=input_ids,
        attention_mask=padded["attention_mask"].to(loaded.device),
        max_new_tokens=max_new_tokens,
        clamped=max_new_tokens < options.max_new_tokens,
    )


def _generate(
    loaded: LoadedModel, batch: _Batch, options: GenerateOptions
) -> list[list[Generated]]:
    tokenizer = loaded.tokenizer
    prompt_length = batch.input_ids.shape[1]
    kwargs = options.generate_kwargs()
    kwargs.update(
        max_new_tokens=batch.max_new_tokens,
        pad_token_id=tokenizer.pad_token_id,
        return_dict_in_generate=True,
    )
    if options.stop_seqs:
        stops = StopSequences(tokenizer, options.stop_seqs, prompt_length)
        kwargs["stopping_criteria"] = StoppingCriteriaList([stops])
    if options.seed is not None:
        torch.manual_seed(options.seed)
    with torch.inference_mode():
        output = loaded.model.generate(
            input_ids=batch.input_ids, attention_mask=batch.attention_mask, **kwargs
        )
    sequences = output.sequences[:, prompt_length:].tolist()  # each row's choices in turn
    logits = torch.stack(output.logits, dim=1) if options.logprobs else None
    eos = _eos_ids(loaded)
    choices = options.num_choices
    return [
        [
            _row_result(
                loaded,
                sequences[index],
                int(batch.attention_mask[row].sum()),
                eos,
                batch,
                options,
                logits[index] if logits is not None else None,
            )
            for index in range(row * choices, (row + 1) * choices)
        ]
        for row in range(len(batch.rows))
    ]


def _eos_ids(loaded: LoadedModel) -> set[int]:
    ids: set[int] = set()
    for value in (loaded.model.generation_config.eos_token_id, loaded.tokenizer.eos_token_id):
        if isinstance(value, int):
            ids.add(value)
        elif isinstance(value, list):
            ids.update(v for v in value if isinstance(v, int))
    return ids


def _row_result(
    loaded: LoadedModel,
    generated: list[int],
    input_tokens: int,
    eos: set[int],
    batch: _Batch,
    options: GenerateOptions,
    logits: torch.Tensor | None,
) -> Generated:
    tokenizer = loaded.tokenizer
    tokens, ended = _until_eos(generated, eos, tokenizer.pad_token_id)
    full_text = tokenizer.decode(tokens, skip_special_tokens=True)
    text, stopped = cut_at_stop(full_text, options.stop_seqs)
    kept = _tokens_covering(tokenizer, tokens, len(text)) if stopped else tokens
    output_tokens = len(tokens) + (1 if ended else 0)
    if ended or stopped:
        reason: StopReason = "stop"
    elif output_tokens >= batch.max_new_tokens:
        reason = "model_length" if batch.clamped else "max_tokens"
    else:
        reason = "stop"
    logprobs = None
    if logits is not None:
        logprobs = token_logprobs(tokenizer, logits, kept, options.top_logprobs)
    return Generated(text, reason, input_tokens, output_tokens, logprobs)


def _until_eos(generated: list[int], eos: set[int], pad: int | None) -> tuple[list[int], bool]:
    """The tokens before the first end-of-sequence token (trailing padding dropped), and
    whether there was one."""
    for index, token in enumerate(generated):
        if token in eos:
            return generated[:index], True
    end = len(generated)
    while end > 0 and generated[end - 1] == pad:
        end -= 1
    return generated[:end], False


def _tokens_covering(tokenizer: Any, tokens: list[int], length: int) -> list[int]:
    """The fewest leading ``tokens`` whose text is at least ``length`` characters long."""
    for count in range(len(tokens) + 1):
        if len(tokenizer.decode(tokens[:count], skip_special_tokens=True)) >= length:
            return tokens[:count]
    return tokens
