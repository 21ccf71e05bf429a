"""The result of a command run by a tool, as the model sees it."""

from inspect_ai._concurrency.subprocess import ExecResult
from inspect_ai._sandbox.limits import OutputLimitExceededError
from inspect_ai._tool.error import ToolError


def command_output(result: ExecResult[str]) -> str:
    """Stdout of a command; with a non-zero exit, stderr (then any stdout) instead."""
    if result.success or not result.stderr:
        return result.stdout
    separator = "" if result.stderr.endswith("\n") or not result.stdout else "\n"
    return f"{result.stderr}{separator}{result.stdout}"


def output_limit_error(ex: OutputLimitExceededError) -> ToolError:
    """The error the model gets when a command's output was over the limit."""
    return ToolError(f"The tool output limit of {ex.limit_str} was exceeded.")
