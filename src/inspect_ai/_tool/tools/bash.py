"""``bash()``: run shell commands in the sample's sandbox."""

from inspect_ai._sandbox.current import sandbox as sandbox_env
from inspect_ai._sandbox.limits import OutputLimitExceededError
from inspect_ai._tool.tool import Tool, tool
from inspect_ai._tool.tools.code_viewer import code_viewer
from inspect_ai._tool.tools.output import command_output, output_limit_error


@tool(viewer=code_viewer("bash", "cmd"))
def bash(timeout: int | None = None, user: str | None = None, sandbox: str | None = None) -> Tool:
    """Bash shell command execution tool.

    Execute bash shell commands using a sandbox environment (e.g. "docker").

    Args:
        timeout: Timeout (in seconds) for command (the model is told it timed out).
        user: User to execute commands as.
        sandbox: Name of the sandbox environment (None: the default one).

    Returns:
        String with command output (stdout) or command error (stderr).
    """

    async def execute(cmd: str) -> str:
        """Use this function to execute bash commands.

        Args:
            cmd: The bash command to execute.

        Returns:
            The output of the command.
        """
        try:
            result = await sandbox_env(sandbox).exec(
                cmd=["bash", "--login", "-c", cmd], timeout=timeout, user=user
            )
        except OutputLimitExceededError as ex:
            raise output_limit_error(ex) from ex
        return command_output(result)

    return execute
