"""The ``full``, ``conversation`` and ``rich`` displays, drawn with rich."""

import contextlib
import logging
from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.constrain import Constrain
from rich.live import Live

from inspect_ai._display.connection_counts import connection_counts
from inspect_ai._display.conversation import Conversations
from inspect_ai._display.display import Display, MetricValue, TaskProfile, TaskView
from inspect_ai._display.log_handler import console_log_handler
from inspect_ai._display.pause import set_live
from inspect_ai._display.results import task_results
from inspect_ai._display.results_panel import print_results
from inspect_ai._display.task_panel import TaskProgress, task_panel
from inspect_ai._event.event import Event
from inspect_ai._log.model.log import EvalLog
from inspect_ai._model.connections import connection_stats

REFRESH_PER_SECOND = 4
"""How often the live panels are redrawn (by rich's refresh thread)."""

MAX_WIDTH = 120
"""Panels fill the terminal up to this many columns (wider ones are hard to read)."""


class RichDisplay(Display):
    """Task panels, live progress (``live``) and conversations (``conversation``).

    Live drawing needs a terminal; elsewhere the display prints each task's panel when it
    starts and its results when it ends, as the ``rich`` display does.
    """

    def __init__(self, live: bool, conversation: bool, console: Console | None = None) -> None:
        self.console = console or Console()
        self.live = live
        self.conversation = conversation
        self._running: list[TaskProgress] = []
        self._drawing = False

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Draw the running tasks' panels until the run ends (on a terminal, if live)."""
        if not self.live or not self.console.is_terminal or self.console.is_dumb_terminal:
            yield
            return
        live = Live(
            console=self.console,
            get_renderable=self._live_renderable,
            refresh_per_second=REFRESH_PER_SECOND,
            transient=True,
            redirect_stderr=False,
        )
        with live:
            self._drawing = True
            set_live(live)
            try:
                yield
            finally:
                set_live(None)
                self._drawing = False

    def log_handler(self) -> logging.Handler:
        """Print log records through the console, above the live panels."""
        return console_log_handler(self.console)

    def task_started(self, profile: TaskProfile) -> TaskView:
        """Show the task (live, or a static panel) and return its view."""
        progress = TaskProgress(profile)
        if self._drawing:
            self._running.append(progress)
        else:
            self.console.print(Constrain(task_panel(progress, live=False), MAX_WIDTH))
        return RichTaskView(self, progress, live=self._drawing)

    def task_finished(self, progress: TaskProgress, log: EvalLog) -> None:
        """Stop drawing the task and print its results (above the live panels)."""
        if progress in self._running:
            self._running.remove(progress)
        results = task_results(progress.profile, log, progress.done - progress.errors)
        print_results(self.console, results, MAX_WIDTH)

    def _live_renderable(self) -> RenderableType:
        panels: list[RenderableType] = [task_panel(progress) for progress in list(self._running)]
        counts = connection_counts(connection_stats())
        if counts is not None and panels:
            panels.append(counts)
        return Constrain(Group(*panels), MAX_WIDTH)


class RichTaskView(TaskView):
    """Counts a task's progress for the live panel; prints its conversation if asked."""

    def __init__(self, display: RichDisplay, progress: TaskProgress, live: bool) -> None:
        self.display = display
        self.progress = progress
        self.wants_events = display.conversation
        self.wants_metrics = live
        self._conversations = Conversations(progress.profile.name)

    def sample_done(self, errored: bool) -> None:
        """Count the sample (the refresh thread draws it)."""
        self.progress.done += 1
        if errored:
            self.progress.errors += 1

    def metrics(self, values: list[MetricValue]) -> None:
        """Show these metrics in the panel."""
        self.progress.metrics = values

    def sample_event(self, sample_id: int | str, epoch: int, event: Event) -> None:
        """Print each model call's new messages and reply."""
        if event.event == "model":
            call = self._conversations.model_call(sample_id, epoch, event)
            self.display.console.print(Constrain(call, MAX_WIDTH))

    def finished(self, log: EvalLog) -> None:
        """Print the task's results."""
        self.display.task_finished(self.progress, log)
