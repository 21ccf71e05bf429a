"""Loading a Hugging Face model and tokenizer once, and using them one batch at a time."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import transformers

R = TypeVar("R")


@dataclass(frozen=True)
class LoadedModel:
    """A causal language model on its device, with its (left-padding) tokenizer."""

    model: Any
    tokenizer: Any
    device: str


class ModelLoader:
    """Loads the model on first use (in the calling thread) and serialises its use.

    A failed load is remembered and raised again to later users, rather than retried.

    Args:
        model_path: Hub repository or local directory of the model.
        tokenizer_path: Hub repository or local directory of the tokenizer.
        device: Torch device to put the model on.
        model_args: Further arguments of ``AutoModelForCausalLM.from_pretrained()``
            (with ``device_map`` the model is left where it puts it).
    """

    def __init__(
        self, model_path: str, tokenizer_path: str, device: str, model_args: dict[str, Any]
    ) -> None:
        self.model_path = model_path
        self.tokenizer_path = tokenizer_path
        self.device = device
        self.model_args = model_args
        self._lock = threading.Lock()
        self._loaded: LoadedModel | None = None
        self._error: BaseException | None = None

    def run(self, work: Callable[[LoadedModel], R]) -> R:
        """Call ``work`` with the loaded model, holding it for that call alone."""
        with self._lock:
            return work(self._load())

    def _load(self) -> LoadedModel:
        if self._error is not None:
            raise self._error
        if self._loaded is None:
            try:
                self._loaded = self._from_pretrained()
            except Exception as ex:
                self._error = ex
                raise
        return self._loaded

    def _from_pretrained(self) -> LoadedModel:
        logging: Any = transformers.utils.logging
        logging.disable_progress_bar()  # the eval display owns the terminal
        tokenizer = transformers.AutoTokenizer.from_pretrained(self.tokenizer_path)
        tokenizer.padding_side = "left"
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        model: Any = transformers.AutoModelForCausalLM.from_pretrained(
            self.model_path, **self.model_args
        )
        if "device_map" not in self.model_args:
            model = model.to(self.device)
        model.eval()
        return LoadedModel(model=model, tokenizer=tokenizer, device=str(model.device))
