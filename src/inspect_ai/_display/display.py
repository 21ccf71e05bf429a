"""What the runner tells the display, and the base display, which shows nothing."""

import contextlib
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from inspect_ai._event.event import Event
from inspect_ai._log.model.log import EvalLog


@dataclass(frozen=True)
class TaskProfile:
    """What the display shows about a task before it runs."""

    name: str
    model: str
    dataset: str
    scorers: list[str]
    samples: int
    epochs: int
    log_location: str

    @property
    def steps(self) -> int:
        """Samples to run, counting each epoch."""
        return self.samples * self.epochs


@dataclass(frozen=True)
class MetricValue:
    """One metric of one scorer over the samples completed so far."""

    scorer: str
    name: str
    value: float


class TaskView:
    """The display of one running task (this base shows nothing)."""

    wants_events: bool = False
    """Whether ``sample_event`` should be called (conversation and trace displays)."""

    wants_metrics: bool = False
    """Whether live ``metrics`` should be computed for this view."""

    def sample_done(self, errored: bool) -> None:
        """A sample (in one epoch) finished; ``errored`` if it ended in an error."""

    def metrics(self, values: list[MetricValue]) -> None:
        """Scorer metrics over the samples completed so far."""

    def sample_event(self, sample_id: int | str, epoch: int, event: Event) -> None:
        """An event was recorded in a sample's transcript."""

    def finished(self, log: EvalLog) -> None:
        """The task ended (success, error or cancelled); ``log`` is its header."""


class Display:
    """How an eval shows progress (this base, the ``none`` display, shows nothing)."""

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """The span of the eval's run (live displays draw while it is open)."""
        yield

    def log_handler(self) -> logging.Handler:
        """Where Python logging records are shown during the eval."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        return handler

    def task_started(self, profile: TaskProfile) -> TaskView:
        """A task starts running: the view it reports its progress to."""
        return TaskView()
