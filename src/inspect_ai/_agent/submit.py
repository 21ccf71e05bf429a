"""The tool an agent submits its answer with, and the solver that offers it."""

from inspect_ai._model.message import ChatMessageTool
from inspect_ai._registry.registry import RegistryInfo, set_registry_info
from inspect_ai._solver.solver import Generate, Solver
from inspect_ai._solver.state import TaskState
from inspect_ai._tool.tool import Tool, tool
from inspect_ai._tool.tool_def import tool_specs
from inspect_ai._tool.tool_with import tool_with


@tool
def submit() -> Tool:
    async def execute(answer: str) -> str:
        """Submit an answer for evaluation.

        Args:
            answer: The answer.
        """
        return answer

    return execute


def submit_tool(name: str, description: str) -> Solver:
    """A solver adding the submit tool (as ``name``) to the tools of the sample."""
    submitting = tool_with(submit(), name, description)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        specs = tool_specs(state.tools)
        kept = [t for t, spec in zip(state.tools, specs, strict=True) if spec.name != name]
        state.tools = [*kept, submitting]
        return state

    set_registry_info(solve, RegistryInfo(type="solver", name="submit_tool"))
    return solve


def submission(results: list[ChatMessageTool], name: str) -> str | None:
    """The answer submitted among tool results (None: the submit tool was not called)."""
    return next(
        (result.text for result in results if result.function == name and result.error is None),
        None,
    )
