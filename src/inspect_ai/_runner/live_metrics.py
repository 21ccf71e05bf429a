"""Scorer metrics over the samples completed so far, for the display, at a bounded cost."""

import time
from typing import Any

from inspect_ai._display.display import MetricValue, TaskView
from inspect_ai._runner import scoring
from inspect_ai._runner.sample_run import SampleResult

MIN_INTERVAL = 1.0
"""Seconds between two computations, at least."""

COST_FACTOR = 20.0
"""The interval is also at least this many times the last computation's duration."""


class LiveMetrics:
    """Recomputes a task's metrics now and then as samples complete."""

    def __init__(self, scorers: scoring.NamedScorers, task_metrics: Any, total: int) -> None:
        self.scorers = scorers
        self.task_metrics = task_metrics
        self.total = total
        self._due = time.monotonic() + MIN_INTERVAL

    def update(self, samples: list[SampleResult], view: TaskView, force: bool = False) -> None:
        """Send ``view`` the metrics over ``samples`` when due (or ``force``)."""
        now = time.monotonic()
        if not self.scorers or not view.wants_metrics or (now < self._due and not force):
            return
        try:
            values = self._compute(samples)
        except Exception:
            values = []  # a metric that fails on a partial set is shown at the end instead
        duration = time.monotonic() - now
        self._due = time.monotonic() + max(MIN_INTERVAL, COST_FACTOR * duration)
        if values:
            view.metrics(values)

    def _compute(self, samples: list[SampleResult]) -> list[MetricValue]:
        if not any(sample.scores for sample in samples):
            return []
        results, _ = scoring.eval_results(
            samples, self.scorers, self.task_metrics, None, self.total
        )
        return [
            MetricValue(scorer=score.name, name=name, value=metric.value)
            for score in results.scores
            for name, metric in score.metrics.items()
        ]
