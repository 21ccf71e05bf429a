"""The sandboxes of a task: providers set up before its samples run, torn down after."""

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from inspect_ai._dataset.sample import Sample
from inspect_ai._sandbox.environment import SandboxEnvironment
from inspect_ai._sandbox.registry import sandboxenv_class
from inspect_ai._sandbox.resolve import resolve_sandbox
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskSandbox:
    """What the samples of a task need to make their sandboxes."""

    task_name: str
    """Name of the task (providers name what they create after it)."""

    spec: SandboxEnvironmentSpec | None
    """The task's sandbox (config resolved), used by samples that name none."""

    base_dir: str | None
    """The task's directory: config files and sample files are relative to it."""

    cleanup: bool = True
    """Tear sandboxes down after each sample (False keeps them for debugging)."""

    max_sandboxes: int | None = None
    """Sandboxes of one provider at once (None: the provider's default)."""

    def sample_spec(self, sample: Sample) -> SandboxEnvironmentSpec | None:
        """The sandbox ``sample`` runs in: its own, else the task's."""
        if sample.sandbox is None:
            return self.spec
        return resolve_sandbox(sample.sandbox, self.base_dir)


def task_sandbox(
    task_name: str,
    spec: SandboxEnvironmentSpec | None,
    task_file: str | None,
    cleanup: bool | None,
    max_sandboxes: int | None,
) -> TaskSandbox:
    """The ``TaskSandbox`` of a task defined in ``task_file`` (None: not from a file)."""
    base_dir = os.path.dirname(os.path.abspath(task_file)) if task_file else os.getcwd()
    return TaskSandbox(
        task_name=task_name,
        spec=resolve_sandbox(spec, base_dir),
        base_dir=base_dir,
        cleanup=True if cleanup is None else cleanup,
        max_sandboxes=max_sandboxes,
    )


@contextlib.asynccontextmanager
async def task_sandboxes(
    task: TaskSandbox | None, samples: Sequence[Sample]
) -> AsyncIterator[None]:
    """Run ``task_init`` of every sandbox the samples use, and ``task_cleanup`` after.

    An error in ``task_init`` propagates (the task fails); errors in ``task_cleanup`` are
    logged as warnings.
    """
    if task is None:
        yield
        return
    started: list[tuple[type[SandboxEnvironment], SandboxEnvironmentSpec]] = []
    try:
        for spec in _specs(task, samples):
            provider = sandboxenv_class(spec.type)
            await provider.task_init(task.task_name, spec.config)
            started.append((provider, spec))
        yield
    finally:
        for provider, spec in reversed(started):
            try:
                await provider.task_cleanup(task.task_name, spec.config, task.cleanup)
            except Exception as ex:
                logger.warning("Error cleaning up '%s' sandboxes: %s", spec.type, ex)


def _specs(task: TaskSandbox, samples: Sequence[Sample]) -> list[SandboxEnvironmentSpec]:
    """Every distinct sandbox the samples run in."""
    specs: list[SandboxEnvironmentSpec] = []
    for sample in samples:
        spec = task.sample_spec(sample)
        if spec is not None and spec not in specs:
            specs.append(spec)
    return specs
