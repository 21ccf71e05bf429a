"""The sandboxes of one sample: created (files written, setup run) before its solvers,
visible to ``sandbox()`` while it runs and is scored, torn down after."""

import asyncio
import contextlib
import logging
from types import TracebackType

from inspect_ai._concurrency.limits import named_semaphore
from inspect_ai._dataset.sample import Sample
from inspect_ai._sandbox.current import set_sandbox_environments
from inspect_ai._sandbox.environment import SandboxEnvironment
from inspect_ai._sandbox.files import write_sample_files
from inspect_ai._sandbox.recorded import RecordedSandbox
from inspect_ai._sandbox.registry import sandboxenv_class
from inspect_ai._sandbox.setup_script import run_setup_script
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec
from inspect_ai._sandbox.task import TaskSandbox
from inspect_ai._transcript.span import span

logger = logging.getLogger(__name__)


class SampleSandboxes:
    """The sandboxes of a sample, as an async context manager.

    Entering does nothing; ``start()`` (called where its errors are the sample's errors)
    creates the sandboxes. Leaving tears them down (unless the task keeps them).

    Args:
        task: The task's sandbox settings (None: the task uses no sandboxes).
        sample: The sample.
    """

    def __init__(self, task: TaskSandbox | None, sample: Sample) -> None:
        self._task = task
        self._sample = sample
        self._spec: SandboxEnvironmentSpec | None = None
        self._provider: type[SandboxEnvironment] | None = None
        self._environments: dict[str, SandboxEnvironment] | None = None
        self._limit: contextlib.AsyncExitStack | None = None

    async def __aenter__(self) -> "SampleSandboxes":
        return self

    async def start(self) -> None:
        """Create the sample's sandboxes, write its files and run its setup script."""
        spec = self._task.sample_spec(self._sample) if self._task is not None else None
        if self._task is None or spec is None:
            return
        self._spec, self._provider = spec, sandboxenv_class(spec.type)
        async with span("sandbox", type="init"):
            await self._acquire(self._task, self._provider, spec)
            environments = await self._provider.sample_init(
                self._task.task_name, spec.config, dict(self._sample.metadata or {})
            )
            self._environments = _default_first(environments)
            recorded: dict[str, SandboxEnvironment] = {
                name: RecordedSandbox(environment)
                for name, environment in self._environments.items()
            }
            set_sandbox_environments(recorded)
            if self._sample.files:
                await write_sample_files(self._sample.files, recorded, self._task.base_dir)
            if self._sample.setup:
                default = next(iter(recorded.values()))
                await run_setup_script(self._sample.setup, default, self._task.base_dir)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        set_sandbox_environments(None)
        try:
            if self._environments is not None and self._task is not None and self._task.cleanup:
                await self._cleanup(self._task, exc_type is asyncio.CancelledError)
        finally:
            if self._limit is not None:
                await self._limit.aclose()

    async def _acquire(
        self, task: TaskSandbox, provider: type[SandboxEnvironment], spec: SandboxEnvironmentSpec
    ) -> None:
        """Wait for a free sandbox slot of the provider (``max_sandboxes``)."""
        limit = task.max_sandboxes or provider.default_concurrency()
        if limit is None:
            return
        self._limit = contextlib.AsyncExitStack()
        await self._limit.enter_async_context(named_semaphore(f"sandboxes-{spec.type}", limit))

    async def _cleanup(self, task: TaskSandbox, interrupted: bool) -> None:
        assert self._provider is not None and self._spec is not None
        try:
            await self._provider.sample_cleanup(
                task.task_name, self._spec.config, self._environments or {}, interrupted
            )
        except Exception as ex:
            logger.warning("Error cleaning up the sandbox of a sample: %s", ex)


def _default_first(environments: dict[str, SandboxEnvironment]) -> dict[str, SandboxEnvironment]:
    """``environments`` with the one named ``default`` (else the first) first."""
    if not environments:
        raise RuntimeError("The sandbox provider created no environments for the sample.")
    default = "default" if "default" in environments else next(iter(environments))
    return {default: environments[default]} | {
        name: env for name, env in environments.items() if name != default
    }
