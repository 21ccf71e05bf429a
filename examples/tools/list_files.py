# 5.3 Subprocesses / 11.4 Subprocesses: a list_files() tool that runs `ls` through
# subprocess() (at most max_subprocesses child processes at once).
#
# mockllm/model's stock reply never calls a tool, so (unless -T mock=false) the task
# brings its own mockllm/model that behaves like a model using the tool: it asks for
# list_files("/usr/local/bin"), then answers "Yes" or "No" from the listing.
#
#   inspect eval examples/tools/list_files.py --model mockllm/model
from typing import Any

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessage, ModelOutput, get_model, tool
from inspect_ai.scorer import includes
from inspect_ai.solver import generate, use_tools
from inspect_ai.util import subprocess


# define tool
@tool(prompt=(
    "If you are asked to list the files in a directory you should "
    + "call the list_files function to access the listing."
))
def list_files():
    async def execute(dir: str):
        """List the files in a directory.

        Args:
            dir (str): Directory

        Returns:
            File listing of the directory
        """
        result = await subprocess(["ls", dir])
        if result.success:
            return result.stdout
        else:
            return f"Error: {result.stderr}"

    return execute


dataset = [
    Sample(
        input=(
            "Please list the files in the /usr/local/bin directory. "
            + "Is there a file named 'python3' in the directory?"
        ),
        target=["Yes"],
    )
]


@task
def bash(mock: bool = True):
    return Task(
        dataset=dataset,
        plan=[
            use_tools(list_files()),
            generate(),
        ],
        scorer=includes(),
        model=get_model("mockllm/model", custom_outputs=mock_tool_user) if mock else None,
    )


def mock_tool_user(input: list[ChatMessage], tools: Any, *args: Any) -> ModelOutput:
    """Call list_files() on the directory of the question, then answer from the listing."""
    last = input[-1]
    if last.role == "tool":
        found = "python3" in last.text.split()
        return ModelOutput.from_content("mockllm/model", "Yes" if found else "No")
    return ModelOutput.for_tool_call(
        "mockllm/model", "list_files", {"dir": "/usr/local/bin"}, content="Let me look."
    )
