"""``mockllm``: an offline model for tests and development."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from inspect_ai._model.call import ModelCall
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.registry import modelapi
from inspect_ai._model.token_estimate import estimate_message_tokens, estimate_tokens
from inspect_ai._model.usage import ModelUsage
from inspect_ai._tool.info import ToolChoice, ToolInfo

DEFAULT_OUTPUT = "Default output from mockllm/model"

OutputFunction = Callable[[list[ChatMessage], list[ToolInfo], ToolChoice, GenerateConfig], Any]


@modelapi(name="mockllm")
class MockLLM(ModelAPI):
    """Replies with a default text, or with ``custom_outputs`` in turn.

    Args:
        model_name: Model name.
        base_url: Unused.
        api_key: Unused.
        config: Default generation config.
        custom_outputs: Outputs to return in turn: a list or generator of
            ``ModelOutput``, or a function of (input, tools, tool_choice, config)
            returning one (sync or async).
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig | None = None,
        custom_outputs: Iterable[ModelOutput] | OutputFunction | None = None,
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url, api_key, [], config)
        self._function: OutputFunction | None = None
        self._outputs: Iterator[ModelOutput] | None = None
        if callable(custom_outputs):
            self._function = custom_outputs
        elif custom_outputs is not None:
            self._outputs = iter(custom_outputs)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        output = await self._next_output(input, tools, tool_choice, config)
        if output.usage is None:
            input_tokens = estimate_message_tokens(input)
            output_tokens = estimate_tokens(output.completion)
            output.usage = ModelUsage(
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                total_tokens=input_tokens + output_tokens,
            )
        call = ModelCall(
            request={"model": self.model_name, "messages": len(input)},
            response={"content": output.completion},
        )
        return output, call

    async def _next_output(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        if self._function is not None:
            result = self._function(input, tools, tool_choice, config)
            if hasattr(result, "__await__"):
                result = await result
            return _as_output(result)
        if self._outputs is not None:
            try:
                return next(self._outputs).model_copy(deep=True)
            except StopIteration:
                raise ValueError("mockllm ran out of custom_outputs.") from None
        return ModelOutput.from_content(model=self.model_name, content=DEFAULT_OUTPUT)


def _as_output(result: Any) -> ModelOutput:
    if isinstance(result, ModelOutput):
        return result
    raise ValueError(
        f"mockllm custom_outputs function returned {type(result).__name__}, not ModelOutput."
    )
