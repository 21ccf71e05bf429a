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
from inspect_ai._model.providers.hf.prompt import Prompt, chat_prompt
from inspect_ai._model.providers.hf.tool_calls import read_tool_calls
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

Batchers = dict[tuple[GenerateOptions, int], Batcher[Prompt, list[Generated]]]


@modelapi(name="hf")
class HuggingFaceAPI(ModelAPI):
    """Models run locally with ``transformers``: ``hf/<repo>`` (from the Hugging Face Hub) or
    ``hf/local -M model_path=<dir> [tokenizer_path=<dir>]``.

    ``-M device=`` picks the torch device (default: ``cuda`` if available, else ``mps``,
    else ``cpu``); other ``-M`` args go to ``AutoModelForCausalLM.from_pretrained()``.
    The model is loaded on the first ``generate()``. Up to ``max_connections`` concurrent
    calls with the same options are batched into one forward pass. Tools go to the chat
    template, and tool calls are read back out of the reply (``tool_calls.py``).
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
        prompt = chat_prompt(input, tools, tool_choice)
        generated = await self._batcher(options, config).submit(prompt)
        if len(generated) < (config.num_choices or 1):  # greedy: the choices are all one
            generated = generated * (config.num_choices or 1)
        names = {tool["function"]["name"] for tool in prompt.tools}
        return self._output(generated, names), self._call(prompt, options, generated)

    def max_connections(self) -> int:
        return DEFAULT_BATCH_SIZE

    def connection_key(self) -> str:
        return f"hf:{self._loader.model_path}:{self._loader.device}:{id(self)}"

    def _batcher(
        self, options: GenerateOptions, config: GenerateConfig
    ) -> Batcher[Prompt, list[Generated]]:
        """The running loop's batcher for calls with ``options`` (one per batch size)."""
        size = config.max_connections or self.max_connections()
        batchers = self._batchers.get()
        batcher = batchers.get((options, size))
        if batcher is None:
            run = functools.partial(self._run_batch, options=options)
            batcher = batchers[(options, size)] = Batcher(run, size, BATCH_IDLE_SECONDS)
        return batcher

    def _run_batch(
        self, prompts: list[Prompt], options: GenerateOptions
    ) -> list[list[Generated] | BaseException]:
        return self._loader.run(lambda loaded: generate_batch(loaded, prompts, options))

    def _output(self, generated: list[Generated], tool_names: set[str]) -> ModelOutput:
        choices = [self._choice(each, tool_names) for each in generated]
        input_tokens = generated[0].input_tokens
        output_tokens = sum(each.output_tokens for each in generated)
        usage = ModelUsage(
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            total_tokens=input_tokens + output_tokens,
        )
        return ModelOutput(
            model=self.model_name, choices=choices, completion=choices[0].message.text, usage=usage
        )

    def _choice(self, generated: Generated, tool_names: set[str]) -> ChatCompletionChoice:
        text, calls = read_tool_calls(generated.text, tool_names)
        message = ChatMessageAssistant(
            content=text, tool_calls=calls or None, model=self.model_name, source="generate"
        )
        return ChatCompletionChoice(
            message=message,
            stop_reason="tool_calls" if calls else generated.stop_reason,
            logprobs=generated.logprobs,
        )

    def _call(
        self, prompt: Prompt, options: GenerateOptions, generated: list[Generated]
    ) -> ModelCall:
        request: dict[str, Any] = {"model": self._loader.model_path, "messages": prompt.turns}
        if prompt.tools:
            request["tools"] = prompt.tools
        request.update(options.generate_kwargs())
        if options.stop_seqs:
            request["stop_strings"] = list(options.stop_seqs)
        response = {
            "choices": [
                {"completion": each.text, "stop_reason": each.stop_reason} for each in generated
            ],
            "input_tokens": generated[0].input_tokens,
            "output_tokens": sum(each.output_tokens for each in generated),
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
