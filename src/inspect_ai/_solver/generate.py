"""The ``generate()`` solver: one call to the model (with its tool loop)."""

from typing import Any, Literal

from inspect_ai._model.generate_config import CachePolicy
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState


@solver
def generate(
    tool_calls: Literal["loop", "single", "none"] = "loop",
    cache: bool | CachePolicy = False,
    **kwargs: Any,
) -> Solver:
    """Call the model on the conversation and append its reply.

    Args:
        tool_calls: ``loop`` (run tool calls until the model stops), ``single`` or ``none``.
        cache: Cache the model's output (``True``: for a week, per epoch), or a
            ``CachePolicy`` saying for how long, whether per epoch, and in which scopes.
        **kwargs: Generation options for this call.
    """

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return await generate(state, tool_calls=tool_calls, cache=cache, **kwargs)

    return solve
