"""The end-of-task summary (results, time, tokens, log), and its plain-text layout."""

from dataclasses import dataclass

from inspect_ai._display.display import MetricValue, TaskProfile
from inspect_ai._display.formatting import (
    format_duration,
    iso_duration,
    metrics_text,
    shorten,
    task_title,
    usage_text,
)
from inspect_ai._display.log_location import display_location, location_link
from inspect_ai._log.model.log import EvalLog, EvalStatus

ERROR_CHARS = 400
"""Characters of an error message shown (the whole traceback is in the log)."""

ERROR_LINES = 4
"""Lines of an error message shown."""

TRACEBACK_NOTE = "(the traceback is in the log file)"


@dataclass(frozen=True)
class TaskResults:
    """What the display shows about a task that has ended."""

    title: str
    model: str
    dataset: str
    scorers: list[str]
    status: EvalStatus
    duration: str | None
    usage: list[tuple[str, str]]
    """(model, ``18,944 tokens [10,210 + 8,734]``) for each model used."""
    scores: list[tuple[str, list[MetricValue]]]
    """(scorer, its metrics) for each scorer."""
    completed: str | None
    """``8 of 10 samples completed``, when fewer than all were."""
    error: str | None
    location: str
    link: str | None


def task_results(profile: TaskProfile, log: EvalLog, completed: int | None = None) -> TaskResults:
    """The summary of ``log``, the log of the task ``profile`` describes (``completed``:
    samples the display saw complete without error, for a log without results)."""
    seconds = iso_duration(log.stats.started_at, log.stats.completed_at)
    location = log.location or profile.log_location
    return TaskResults(
        title=task_title(profile),
        model=profile.model,
        dataset=profile.dataset,
        scorers=profile.scorers,
        status=log.status,
        duration=format_duration(seconds) if seconds is not None else None,
        usage=[(model, usage_text(usage)) for model, usage in log.stats.model_usage.items()],
        scores=_scores(log),
        completed=_completed(log, profile.steps, completed),
        error=shorten(log.error.message, ERROR_CHARS, ERROR_LINES) if log.error else None,
        location=display_location(location),
        link=location_link(location),
    )


def _scores(log: EvalLog) -> list[tuple[str, list[MetricValue]]]:
    if log.results is None:
        return []
    many_epochs = log.eval.config.epochs is not None and log.eval.config.epochs > 1
    scores = []
    for score in log.results.scores:
        name = f"{score.name} ({score.reducer})" if score.reducer and many_epochs else score.name
        values = [
            MetricValue(scorer=name, name=metric_name, value=metric.value)
            for metric_name, metric in score.metrics.items()
        ]
        scores.append((name, values))
    return scores


def _completed(log: EvalLog, steps: int, seen: int | None) -> str | None:
    if log.results is not None:
        done, total = log.results.completed_samples, log.results.total_samples
    elif seen is not None and log.status != "success":
        done, total = seen, steps
    else:
        return None
    return f"{done:,} of {total:,} samples completed" if done < total else None


def status_text(results: TaskResults) -> str | None:
    """``cancelled`` or ``error`` (``None`` for a task that succeeded)."""
    return None if results.status == "success" else results.status


def results_lines(results: TaskResults) -> list[str]:
    """The summary as plain text lines, as the guide lays it out: a title line, two
    columns (time and tokens per model; model, dataset and scorer), the metrics, any
    error, and ``Log: <path>``."""
    status = status_text(results)
    lines = [f"{results.title}{f' ({status})' if status else ''} -----"]
    lines += _columns(_left_lines(results), _right_lines(results))
    if results.completed:
        lines.append(results.completed)
    lines += [metrics_text(values, len(results.scores) > 1) for _, values in results.scores]
    if results.error:
        lines += [f"Error: {results.error}", TRACEBACK_NOTE]
    lines.append(f"Log: {results.location}")
    return lines


def _left_lines(results: TaskResults) -> list[tuple[str, str]]:
    rows = [("total time:", results.duration)] if results.duration else []
    return rows + results.usage


def _right_lines(results: TaskResults) -> list[str]:
    lines = [results.model]
    if results.dataset:
        lines.append(f"dataset: {results.dataset}")
    if results.scorers:
        lines.append(f"scorer: {', '.join(results.scorers)}")
    return lines


def _columns(left: list[tuple[str, str]], right: list[str]) -> list[str]:
    label_width = max((len(label) for label, _ in left), default=0) + 4
    texts = [f"{label:<{label_width}}{value}" for label, value in left]
    width = max((len(text) for text in texts), default=0) + 8 if texts else 0
    rows = max(len(texts), len(right))
    texts += [""] * (rows - len(texts))
    right = right + [""] * (rows - len(right))
    return [f"{text:<{width}}{other}".rstrip() for text, other in zip(texts, right, strict=True)]
