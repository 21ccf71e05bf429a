"""``GenerateConfig`` as the options of a ``transformers`` ``generate()`` call."""

from dataclasses import dataclass
from typing import Any

from inspect_ai._model.generate_config import GenerateConfig

DEFAULT_MAX_NEW_TOKENS = 2048
"""New tokens generated when the config gives no ``max_tokens`` (capped by the context)."""


@dataclass(frozen=True)
class GenerateOptions:
    """What one batched ``generate()`` call is run with (calls batch only with equal options).

    ``do_sample`` None leaves sampling to the model's own generation config.
    """

    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS
    do_sample: bool | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    seed: int | None = None
    stop_seqs: tuple[str, ...] = ()
    logprobs: bool = False
    top_logprobs: int | None = None
    num_choices: int = 1

    def generate_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``model.generate()`` for these options."""
        kwargs: dict[str, Any] = {"max_new_tokens": self.max_new_tokens}
        if self.do_sample is not None:
            kwargs["do_sample"] = self.do_sample
        if self.do_sample:
            sampling = {"temperature": self.temperature, "top_p": self.top_p, "top_k": self.top_k}
            kwargs.update({name: value for name, value in sampling.items() if value is not None})
        if self.logprobs:
            kwargs.update(output_logits=True, return_dict_in_generate=True)
        if self.num_choices > 1:
            kwargs["num_return_sequences"] = self.num_choices
        return kwargs


def generate_options(config: GenerateConfig) -> GenerateOptions:
    """The options for ``config``: ``max_tokens`` as ``max_new_tokens``, temperature 0 as
    greedy decoding, any other temperature (or ``top_p``/``top_k``) as sampling,
    ``top_logprobs`` (which implies ``logprobs``), and ``num_choices`` as sampled sequences
    per prompt (greedy decoding makes one: its other choices would be the same)."""
    sampling = [config.temperature, config.top_p, config.top_k]
    do_sample: bool | None = None
    num_choices = max(1, config.num_choices or 1)
    if config.temperature == 0:
        do_sample = False
    elif num_choices > 1 or any(value is not None for value in sampling):
        do_sample = True
    return GenerateOptions(
        max_new_tokens=config.max_tokens or DEFAULT_MAX_NEW_TOKENS,
        do_sample=do_sample,
        temperature=config.temperature if do_sample else None,
        top_p=config.top_p if do_sample else None,
        top_k=config.top_k if do_sample else None,
        seed=config.seed,
        stop_seqs=tuple(config.stop_seqs or ()),
        logprobs=bool(config.logprobs or config.top_logprobs),
        top_logprobs=config.top_logprobs,
        num_choices=num_choices if do_sample else 1,
    )
