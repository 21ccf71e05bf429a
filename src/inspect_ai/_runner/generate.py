"""The ``generate`` function solvers receive: the task's model, with the tool loop."""

from typing import Any

from inspect_ai._model.generate_config import CachePolicy, GenerateConfig
from inspect_ai._model.model import Model
from inspect_ai._solver.solver import Generate
from inspect_ai._solver.state import TaskState
from inspect_ai._tool.loop import ToolCalls, generate_loop


def task_generate(model: Model, config: GenerateConfig) -> Generate:
    """A ``Generate`` calling ``model`` with ``config`` (call options take precedence)."""

    async def generate(
        state: TaskState,
        tool_calls: ToolCalls = "loop",
        cache: bool | CachePolicy = False,
        **kwargs: Any,
    ) -> TaskState:
        call_config = config.merge(GenerateConfig(**kwargs)) if kwargs else config
        await generate_loop(model, state, tool_calls, call_config, cache)
        return state

    return generate
