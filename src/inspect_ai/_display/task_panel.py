"""The live panel of a running task: what it runs, a progress bar, and its metrics."""

import time
from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from inspect_ai._display.display import MetricValue, TaskProfile
from inspect_ai._display.formatting import format_duration, metrics_text, task_title
from inspect_ai._display.side_by_side import SideBySide


@dataclass
class TaskProgress:
    """Counts of a running task, updated by the runner and read by the refresh thread."""

    profile: TaskProfile
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    errors: int = 0
    metrics: list[MetricValue] = field(default_factory=list)

    def elapsed(self) -> float:
        """Seconds since the task started."""
        return time.monotonic() - self.started


def task_panel(progress: TaskProgress, live: bool = True) -> Panel:
    """The panel of a task: its model, dataset and scorers, and (``live``) its progress
    and metrics so far."""
    rows: list[RenderableType] = [_facts(progress.profile)]
    if live:
        rows.append(_progress_row(progress))
        if progress.metrics:
            many = len({value.scorer for value in progress.metrics}) > 1
            rows.append(Text(metrics_text(progress.metrics, many), overflow="ellipsis"))
    title = Text(task_title(progress.profile), style="bold")
    return Panel(Group(*rows), title=title, title_align="left", border_style="blue", expand=True)


def _facts(profile: TaskProfile) -> SideBySide:
    details = []
    if profile.dataset:
        details.append(f"dataset: {profile.dataset}")
    if profile.scorers:
        details.append(f"scorer: {', '.join(profile.scorers)}")
    right = [Text("  ".join(details), style="dim")] if details else []
    return SideBySide([(Text(profile.model, style="bold"), Text())], right)


def _progress_row(progress: TaskProgress) -> Table:
    total = progress.profile.steps
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    counts = Text(f"{progress.done:,}/{total:,}")
    if total:
        counts.append(f" {100 * progress.done // total}%", style="dim")
    if progress.errors:
        counts.append(f"  {progress.errors:,} error{'s' if progress.errors != 1 else ''}", "red")
    counts.append(f"  {format_duration(progress.elapsed())}")
    grid.add_row(ProgressBar(total=max(total, 1), completed=progress.done), counts)
    return grid
