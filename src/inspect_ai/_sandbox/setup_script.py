"""A sample's ``setup``: a bash script run in its default sandbox before the sample runs."""

import asyncio

from inspect_ai._sandbox.environment import SandboxEnvironment
from inspect_ai._sandbox.files import file_contents


async def run_setup_script(
    setup: str, environment: SandboxEnvironment, base_dir: str | None
) -> None:
    """Run ``setup`` (a script, or the path of one) with bash in ``environment``.

    Raises:
        RuntimeError: The script exited with a non-zero code.
    """
    script = await asyncio.to_thread(file_contents, setup, base_dir)
    text = script.decode() if isinstance(script, bytes) else script
    result = await environment.exec(["bash", "-c", text])
    if not result.success:
        raise RuntimeError(
            f"The sample's setup script failed (exit code {result.returncode}):\n"
            f"{result.stderr or result.stdout}"
        )
