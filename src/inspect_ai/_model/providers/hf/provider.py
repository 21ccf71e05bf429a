"""The ``hf`` model API: local ``transformers`` models, concurrent calls batched together."""

import functools
from pathlib import Path
from typing import Any

from inspect_ai._model.call import ModelCall
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ChatCompletionChoice, ModelOutput
from inspect_ai._model.providers.common.per_loop import PerLoop
from inspect_ai._model.providers.hf.batcher import Batcher
from inspect_ai._model.providers.hf.device import checked_device, default_device
from inspect_ai._model.providers.hf.generation import Generated, generate_batch
from inspect_ai._model.providers.hf.loader import ModelLoader
from inspect_ai._model.providers.hf.options import GenerateOptions, generate_options
from inspect_ai._model.providers.hf.prompt import ChatTurn, chat_turns
from inspect_ai._model.registry import modelapi
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.info import ToolChoice, ToolInfo

API_KEY = "HF_TOKEN"
LOCAL = "local"
DEFAULT_BATCH_SIZE = 32
"""Default ``max_connections``, and so the largest batch."""

BATCH_IDLE_SECONDS = 2.0
"""How long a partial batch waits for another call before it runs (as the guide says:
batches proceed at a smaller size when no new call has come for 2 seconds)."""

Conversation = list[ChatTurn]
Batchers = dict[tuple[GenerateOptions, int], Batcher[Conversation, Generated]]


@modelapi(name="hf")
class HuggingFaceAPI(ModelAPI):
    """Models run locally with ``transformers``: ``hf/<repo>`` (from the Hugging Face Hub) or
    ``hf/local -M model_path=<dir> [tokenizer_path=<dir>]``.

    ``-M device=`` picks the torch device (default: ``cuda`` if available, else ``mps``,
    else ``cpu``); other ``-M`` args go to ``AutoModelForCausalLM.from_pretrained()``.
    The model is loaded on the first ``generate()``. Up to ``max_connections`` concurrent
    calls with the same options are batched into one forward pass.
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        model_path: str | None = None,
        tokenizer_path: str | None = None,
        device: str | None = None,
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url, api_key, [API_KEY], config)
        path = _model_path(model_name, model_path)
        if api_key is not None and "token" not in model_args:
            model_args["token"] = api_key
        self._loader = ModelLoader(
            path,
            str(tokenizer_path or path),
            checked_device(str(device)) if device is not None else default_device(),
            model_args,
        )
        self._batchers: PerLoop[Batchers] = PerLoop(dict)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        options = generate_options(config)
        turns = chat_turns(input)
        generated = await self._batcher(options, config).submit(turns)
        return self._output(generated), self._call(turns, options, generated)

    def max_connections(self) -> int:
        return DEFAULT_BATCH_SIZE

    def connection_key(self) -> str:
        return f"hf:{self._loader.model_path}:{self._loader.device}:{id(self)}"

    def _batcher(
        self, options: GenerateOptions, config: GenerateConfig
    ) -> Batcher[Conversation, Generated]:
        """The running loop's batcher for calls with ``options`` (one per batch size)."""
        size = config.max_connections or self.max_connections()
        batchers = self._batchers.get()
        batcher = batchers.get((options, size))
        if batcher is None:
            run = functools.partial(self._run_batch, options=options)
            batcher = batchers[(options, size)] = Batcher(run, size, BATCH_IDLE_SECONDS)
        return batcher

    def _run_batch(
        self, conversations: list[Conversation], options: GenerateOptions
    ) -> list[Generated | BaseException]:
        return self._loader.run(lambda loaded: generate_batch(loaded, conversations, options))

    def _output(self, generated: Generated) -> ModelOutput:
        message = ChatMessageAssistant(
            content=generated.text, model=self.model_name, source="generate"
        )
        choice = ChatCompletionChoice(
            message=message, stop_reason=generated.stop_reason, logprobs=generated.logprobs
        )
        usage = ModelUsage(
            input_tokens=generated.input_tokens,
            output_tokens=generated.output_tokens,
            total_tokens=generated.input_tokens + generated.output_tokens,
        )
        return ModelOutput(
            model=self.model_name, choices=[choice], completion=generated.text, usage=usage
        )

    def _call(
        self, turns: list[ChatTurn], options: GenerateOptions, generated: Generated
    ) -> ModelCall:
        request = {"model": self._loader.model_path, "messages": turns}
        request.update(options.generate_kwargs())
        if options.stop_seqs:
            request["stop_strings"] = list(options.stop_seqs)
        response = {
            "completion": generated.text,
            "stop_reason": generated.stop_reason,
            "input_tokens": generated.input_tokens,
            "output_tokens": generated.output_tokens,
        }
        return ModelCall(request=request, response=response)


def _model_path(model_name: str, model_path: str | None) -> str:
    """The hub repository (``hf/<repo>``) or the local directory (``hf/local``) to load."""
    if model_name != LOCAL:
        return str(model_path or model_name)
    if model_path is None:
        raise ValueError("hf/local needs the model's directory: -M model_path=<path>")
    if not Path(model_path).exists():
        raise ValueError(f"Model path not found for hf/local: {model_path}")
    return str(model_path)
