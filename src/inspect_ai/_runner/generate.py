"""The ``generate`` function solvers receive: a call to the task's model on the state."""

from typing import Any, Literal

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.model import Model
from inspect_ai._sample.context import sample_context
from inspect_ai._solver.solver import Generate
from inspect_ai._solver.state import TaskState
from inspect_ai._tool.info import ToolInfo
from inspect_ai._transcript.transcript import transcript


def task_generate(model: Model, config: GenerateConfig) -> Generate:
    """A ``Generate`` calling ``model`` with ``config`` (call options take precedence)."""

    async def generate(
        state: TaskState,
        tool_calls: Literal["loop", "single", "none"] = "loop",
        **kwargs: Any,
    ) -> TaskState:
        call_config = config.merge(GenerateConfig(**kwargs)) if kwargs else config
        context = sample_context()
        if context is not None:
            context.check_messages(len(state.messages))
        tools = [tool for tool in state.tools if isinstance(tool, ToolInfo)]
        output = await model.generate(state.messages, tools, state.tool_choice, call_config)
        state.output = output
        if output.choices:
            state.messages.append(output.message)
        if context is not None:
            context.check_messages(len(state.messages))
            context.check_working(transcript().working_time())
        return state

    return generate
