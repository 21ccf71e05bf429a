"""``SandboxEnvironment``: where tools run commands and read and write files.

A provider (registered with ``@sandboxenv``) subclasses it: instances are the
environments of one sample (e.g. one per container), and class methods set up and tear
down what a task and each sample need.
"""

import abc
from typing import Any, Literal, TypeAlias, TypeVar, overload

from pydantic import BaseModel

from inspect_ai._concurrency.subprocess import ExecResult

SandboxEnvironmentConfigType: TypeAlias = BaseModel | str
"""A provider's configuration: a file name (e.g. a compose file) or a config object."""

SandboxT = TypeVar("SandboxT", bound="SandboxEnvironment")


class SandboxEnvironment(abc.ABC):
    """Environment for executing arbitrary code from tools.

    Sandbox environments provide both an execution environment and a filesystem.
    """

    @abc.abstractmethod
    async def exec(
        self,
        cmd: list[str],
        input: str | bytes | None = None,
        cwd: str | None = None,
        env: dict[str, str] = {},  # noqa: B006 (read only, as the reference API has it)
        user: str | None = None,
        timeout: int | None = None,
        timeout_retry: bool = True,
        concurrency: bool = True,
    ) -> ExecResult[str]:
        """Execute a command within a sandbox environment.

        Args:
            cmd: Command and arguments to execute.
            input: Standard input (optional).
            cwd: Current working directory (optional; relative paths are relative to
                the environment's working directory).
            env: Environment variables for execution.
            user: User to execute the command as.
            timeout: Seconds before the command is killed (``TimeoutError``).
            timeout_retry: Whether a provider may retry a timed out command.
            concurrency: Whether the command counts against ``max_subprocesses``.

        Returns:
            The exit code, stdout and stderr of the command.

        Raises:
            TimeoutError: The command ran past ``timeout``.
            UnicodeDecodeError: The output was not valid UTF-8.
            PermissionError: The user may not run the command.
            OutputLimitExceededError: The output exceeded the limit.
        """

    @abc.abstractmethod
    async def write_file(self, file: str, contents: str | bytes) -> None:
        """Write a file into the sandbox environment (parent directories are created).

        Args:
            file: Path of the file (relative paths are relative to the working directory).
            contents: Text or bytes to write.

        Raises:
            PermissionError: The file may not be written.
            IsADirectoryError: ``file`` is a directory.
        """

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    @abc.abstractmethod
    async def read_file(self, file: str, text: bool = True) -> str | bytes:
        """Read a file from the sandbox environment.

        Args:
            file: Path of the file (relative paths are relative to the working directory).
            text: Read as UTF-8 text (else bytes).

        Raises:
            FileNotFoundError: The file does not exist.
            UnicodeDecodeError: ``text`` was requested and the file is not UTF-8.
            PermissionError: The file may not be read.
            IsADirectoryError: ``file`` is a directory.
            OutputLimitExceededError: The file is larger than the limit.
        """

    def as_type(self, sandbox_cls: type[SandboxT]) -> SandboxT:
        """This environment as an instance of ``sandbox_cls`` (TypeError if it is not one)."""
        if isinstance(self, sandbox_cls):
            return self
        raise TypeError(f"Expected a {sandbox_cls.__name__}, got a {type(self).__name__}.")

    @classmethod
    def config_files(cls) -> list[str]:
        """Standard config file names (looked for in the task's directory)."""
        return []

    @classmethod
    def default_concurrency(cls) -> int | None:
        """Sandboxes of this kind run at once when ``max_sandboxes`` is not given."""
        return None

    @classmethod
    async def task_init(cls, task_name: str, config: SandboxEnvironmentConfigType | None) -> None:
        """Called once before a task's samples run (e.g. to build images).

        Args:
            task_name: Name of the task.
            config: The provider's configuration.
        """
        return None

    @classmethod
    async def sample_init(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        metadata: dict[str, Any],
    ) -> dict[str, "SandboxEnvironment"]:
        """Create the environments of one sample.

        Args:
            task_name: Name of the task.
            config: The provider's configuration.
            metadata: The sample's metadata.

        Returns:
            The environments by name; the first (or the one named ``default``) is the
            default one.
        """
        raise NotImplementedError(f"{cls.__name__} does not implement sample_init().")

    @classmethod
    @abc.abstractmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, "SandboxEnvironment"],
        interrupted: bool,
    ) -> None:
        """Tear down the environments of one sample.

        Args:
            task_name: Name of the task.
            config: The provider's configuration.
            environments: The environments ``sample_init()`` made.
            interrupted: Whether the sample was interrupted (cancelled).
        """

    @classmethod
    async def task_cleanup(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, cleanup: bool
    ) -> None:
        """Called once after a task's samples have run.

        Args:
            task_name: Name of the task.
            config: The provider's configuration.
            cleanup: Whether to clean up (False: sandboxes were kept, e.g. for debugging).
        """
        return None
