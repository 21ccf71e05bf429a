# 5.2 Tool Basics: the add() tool, made available with use_tools() and run by generate().
#
# mockllm/model's stock reply never calls a tool, so (unless -T mock=false) the task
# brings its own mockllm/model that behaves like a model using the tool: it asks for
# add(x, y) with the numbers of the question, then answers with the tool's result.
#
#   inspect eval examples/addition.py --model mockllm/model
import re
from typing import Any

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessage, ModelOutput, get_model
from inspect_ai.scorer import match
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import tool


@tool(prompt="""
    If you are given a math problem of any kind,
    please use the add tool to compute the result."""
)
def add():
    async def execute(x: int, y: int):
        """
        Tool for adding two numbers.

        Args:
            x (int): First number to add.
            y (int): Second number to add.

        Returns:
            The sum of the two numbers.
        """
        return x + y

    return execute


@task
def addition_problem(mock: bool = True):
    return Task(
        dataset=[
            Sample(input="What is 1 + 1?", target=["2"]),
            Sample(input="What is 17 + 25?", target=["42"]),
        ],
        plan=[use_tools(add()), generate()],
        scorer=match(numeric=True),
        model=get_model("mockllm/model", custom_outputs=mock_tool_user) if mock else None,
    )


def mock_tool_user(input: list[ChatMessage], tools: Any, *args: Any) -> ModelOutput:
    """Call add() with the numbers of the question, then answer with its result."""
    last = input[-1]
    if last.role == "tool":
        return ModelOutput.from_content("mockllm/model", f"The answer is {last.text}.")
    x, y = (int(number) for number in re.findall(r"\d+", last.text)[:2])
    return ModelOutput.for_tool_call(
        "mockllm/model", "add", {"x": x, "y": y}, content="I will use the add tool."
    )
