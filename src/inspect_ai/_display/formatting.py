"""How the displays write counts, durations, metric values and token usage."""

import math
from datetime import datetime, timedelta

from inspect_ai._display.display import MetricValue, TaskProfile
from inspect_ai._model.usage import ModelUsage


def samples_text(profile: TaskProfile) -> str:
    """``10 samples``, ``1 sample`` or ``10 samples x 2 epochs``."""
    text = f"{profile.samples:,} sample{'' if profile.samples == 1 else 's'}"
    if profile.epochs > 1:
        text += f" x {profile.epochs} epochs"
    return text


def task_title(profile: TaskProfile) -> str:
    """The task's name and sample count: ``security_guide (16 samples)``."""
    return f"{profile.name} ({samples_text(profile)})"


def format_duration(seconds: float) -> str:
    """Whole seconds as ``H:MM:SS`` (``0:00:25``)."""
    return str(timedelta(seconds=int(max(0.0, seconds))))


def iso_duration(started_at: str, completed_at: str) -> float | None:
    """Seconds between two ISO 8601 timestamps (``None`` if either is missing or bad)."""
    try:
        started = datetime.fromisoformat(started_at)
        completed = datetime.fromisoformat(completed_at)
    except ValueError:
        return None
    if (started.tzinfo is None) != (completed.tzinfo is None):
        return None
    return (completed - started).total_seconds()


def format_metric(value: float) -> str:
    """A metric value: integers as they are, other numbers to three decimals."""
    if isinstance(value, bool) or isinstance(value, int):
        return f"{int(value):,}"
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value != 0 and abs(value) < 0.001:
        return f"{value:.3g}"
    return f"{value:.3f}"


def metrics_text(values: list[MetricValue], with_scorer: bool) -> str:
    """``accuracy: 0.812  stderr: 0.061`` (each prefixed with its scorer if asked)."""
    parts = []
    for value in values:
        name = f"{value.scorer}/{value.name}" if with_scorer else value.name
        parts.append(f"{name}: {format_metric(value.value)}")
    return "  ".join(parts)


def usage_text(usage: ModelUsage) -> str:
    """``18,944 tokens [10,210 + 8,734]`` (total, then input + output)."""
    total = usage.total_tokens or usage.input_tokens + usage.output_tokens
    return f"{total:,} tokens [{usage.input_tokens:,} + {usage.output_tokens:,}]"


def shorten(text: str, max_chars: int, max_lines: int) -> str:
    """``text`` cut to at most ``max_lines`` lines and ``max_chars`` characters, saying how
    much was left out."""
    lines = text.rstrip().splitlines()
    full = "\n".join(lines)
    cut = "\n".join(lines[:max_lines])[:max_chars]
    if len(cut) < len(full):
        return f"{cut.rstrip()} ... [{len(full) - len(cut):,} more characters]"
    return full
