"""The generate loop: call the model, run the tool calls it asks for, call it again."""

from typing import Any, Literal, Protocol, TypeAlias

from inspect_ai._model.generate_config import CachePolicy, GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model import Model
from inspect_ai._model.output import ModelOutput
from inspect_ai._sample.context import sample_context
from inspect_ai._tool.execute import execute_tools
from inspect_ai._tool.info import ToolChoice, ToolFunction
from inspect_ai._tool.tool import Tool
from inspect_ai._tool.tool_def import runnable_tools
from inspect_ai._transcript.transcript import transcript

ToolCalls: TypeAlias = Literal["loop", "single", "none"]
"""How ``generate`` handles tool calls: until the model stops, one round, or not at all."""


class GenerateState(Protocol):
    """What the loop reads and updates (``TaskState`` has it all)."""

    messages: list[ChatMessage]
    output: ModelOutput
    tools: list[Tool]
    tool_choice: ToolChoice | None
    metadata: dict[str, Any]


async def generate_loop(
    model: Model,
    state: GenerateState,
    tool_calls: ToolCalls,
    config: GenerateConfig,
    cache: bool | CachePolicy = False,
) -> None:
    """Call ``model`` on the state's messages, running the tool calls it makes.

    Each reply is appended and becomes ``state.output``; the tool messages follow it.
    With ``loop`` the model is called again after its tool calls are run, until it makes
    none; ``single`` stops after one round of tool calls, ``none`` runs none. A forced
    tool choice (``ToolFunction``) applies to the first call only. The message and working
    limits of the sample are checked as the conversation grows. ``cache`` is passed to
    each model call.
    """
    tools = runnable_tools(state.tools)
    infos = [spec.info() for spec, _ in tools.values()]
    tool_choice = state.tool_choice
    while True:
        _check_messages(len(state.messages))
        output = await model.generate(state.messages, infos, tool_choice, config, cache)
        state.output = output
        if not output.choices:
            return
        message = output.message
        state.messages.append(message)
        _check_limits(len(state.messages))
        if tool_calls == "none" or not message.tool_calls:
            return
        results = await execute_tools(
            message.tool_calls,
            tools,
            state.metadata,
            max_output=config.max_tool_output,
            parallel=config.parallel_tool_calls is not False,
            message=message,
            history=state.messages,
        )
        _check_limits(len(state.messages) + len(results))
        state.messages.extend(results)
        if tool_calls == "single":
            return
        if isinstance(tool_choice, ToolFunction):
            tool_choice = "auto"


def _check_messages(count: int) -> None:
    context = sample_context()
    if context is not None:
        context.check_messages(count)


def _check_limits(count: int) -> None:
    context = sample_context()
    if context is not None:
        context.check_messages(count)
        context.check_working(transcript().working_time())
