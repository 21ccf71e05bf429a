"""The ``plain`` display: a few lines of text, for pipes and CI."""

import sys
import time

from inspect_ai._display.display import Display, MetricValue, TaskProfile, TaskView
from inspect_ai._display.formatting import format_duration, metrics_text, samples_text
from inspect_ai._display.results import results_lines, task_results
from inspect_ai._log.model.log import EvalLog

PROGRESS_FRACTION = 0.1
"""A progress line needs at least this fraction of the steps done since the last one..."""

PROGRESS_SECONDS = 5.0
"""...and at least this many seconds since the last one (or since the start)."""


def _now() -> float:
    return time.monotonic()


def print_line(text: str) -> None:
    """Write a line to the current standard output, at once."""
    print(text, file=sys.stdout, flush=True)


class PlainDisplay(Display):
    """Prints a line when a task starts, a progress line now and then, and the results."""

    def task_started(self, profile: TaskProfile) -> TaskView:
        """Print the task's start and return the view that prints its progress."""
        return PlainTaskView(profile)


class PlainTaskView(TaskView):
    """Progress of one task as occasional lines (never one per sample)."""

    wants_metrics = True

    def __init__(self, profile: TaskProfile) -> None:
        self.profile = profile
        self.prefix = f"{profile.name} ({profile.model})"
        self.started = _now()
        self.done = 0
        self.errors = 0
        self.latest: list[MetricValue] = []
        self._step = max(1, int(profile.steps * PROGRESS_FRACTION))
        self._next_count = self._step
        self._next_time = self.started + PROGRESS_SECONDS
        details = [samples_text(profile)]
        if profile.dataset:
            details.append(f"dataset: {profile.dataset}")
        if profile.scorers:
            details.append(f"scorer: {', '.join(profile.scorers)}")
        print_line(f"{self.prefix}: started ({', '.join(details)})")

    def sample_done(self, errored: bool) -> None:
        """Count the sample; print a progress line when both enough samples and enough
        time have passed since the last one."""
        self.done += 1
        self.errors += errored
        if self.done < self._next_count or self.done >= self.profile.steps:
            return
        now = _now()
        if now < self._next_time:
            return
        self._next_count = self.done + self._step
        self._next_time = now + PROGRESS_SECONDS
        print_line(self._progress_line(now))

    def metrics(self, values: list[MetricValue]) -> None:
        """Keep the latest metrics for the next progress line."""
        self.latest = values

    def finished(self, log: EvalLog) -> None:
        """Print the results, time, tokens and log location."""
        for line in results_lines(task_results(self.profile, log, self.done - self.errors)):
            print_line(line)

    def _progress_line(self, now: float) -> str:
        total = self.profile.steps
        line = f"{self.prefix}: {self.done:,}/{total:,} ({100 * self.done // max(total, 1)}%)"
        if self.errors:
            line += f", {self.errors:,} errors"
        line += f", {format_duration(now - self.started)}"
        if self.latest:
            many = len({value.scorer for value in self.latest}) > 1
            line += f", {metrics_text(self.latest, many)}"
        return line
