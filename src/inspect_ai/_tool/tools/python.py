"""``python()``: run Python code in the sample's sandbox."""

from inspect_ai._sandbox.current import sandbox as sandbox_env
from inspect_ai._sandbox.limits import OutputLimitExceededError
from inspect_ai._tool.tool import Tool, tool
from inspect_ai._tool.tools.code_viewer import code_viewer
from inspect_ai._tool.tools.output import command_output, output_limit_error


@tool(viewer=code_viewer("python", "code"))
def python(timeout: int | None = None, user: str | None = None, sandbox: str | None = None) -> Tool:
    """Python code execution tool.

    Execute Python code using a sandbox environment (e.g. "docker"): the code is the
    standard input of ``python3``.

    Args:
        timeout: Timeout (in seconds) for command (the model is told it timed out).
        user: User to execute commands as.
        sandbox: Name of the sandbox environment (None: the default one).

    Returns:
        String with command output (stdout) or command error (stderr).
    """

    async def execute(code: str) -> str:
        """Use the python function to execute Python code.

        The Python tool executes single-run Python scripts. Important notes:
        1. Each execution is independent - no state is preserved between runs
        2. You must explicitly use print() statements to see any output
        3. Simply writing expressions (like in notebooks) will not display results
        4. The script cannot accept interactive input during execution
        5. Return statements alone won't produce visible output
        6. All variables and imports are cleared between executions
        7. Standard output (via print()) is the only way to see results

        Args:
            code: The python code to execute.

        Returns:
            The output of the Python code.
        """
        try:
            result = await sandbox_env(sandbox).exec(
                cmd=["python3"], input=code, timeout=timeout, user=user
            )
        except OutputLimitExceededError as ex:
            raise output_limit_error(ex) from ex
        return command_output(result)

    return execute
