"""Choosing the samples a task runs: ids, ``limit``, ``sample_id`` and epochs."""

from dataclasses import dataclass

from inspect_ai._dataset.sample import Sample


@dataclass(frozen=True)
class SampleRun:
    """One sample in one epoch."""

    sample: Sample
    id: int | str
    epoch: int


def with_ids(samples: list[Sample]) -> list[tuple[int | str, Sample]]:
    """Each sample with its id (its position from 1 when it has none)."""
    return [(s.id if s.id is not None else i + 1, s) for i, s in enumerate(samples)]


def select_samples(
    samples: list[tuple[int | str, Sample]],
    limit: int | tuple[int, int] | None,
    sample_id: str | int | list[str | int] | None,
    task_name: str,
) -> list[tuple[int | str, Sample]]:
    """The samples picked by ``limit`` (a count or a range) and ``sample_id``."""
    if sample_id is not None:
        wanted = _ids_for_task(sample_id, task_name)
        samples = [(i, s) for i, s in samples if str(i) in wanted]
    if isinstance(limit, int):
        samples = samples[:limit]
    elif limit is not None:
        start, end = limit
        samples = samples[max(start - 1, 0) : end]
    return samples


def _ids_for_task(sample_id: str | int | list[str | int], task_name: str) -> set[str]:
    """Ids as strings; ``task:id`` ids apply only to the task named ``task``."""
    items = sample_id if isinstance(sample_id, list) else [sample_id]
    wanted: set[str] = set()
    for item in items:
        text = str(item)
        task, sep, rest = text.partition(":")
        if sep and task != task_name:
            continue
        wanted.add(rest if sep else text)
    return wanted


def sample_runs(samples: list[tuple[int | str, Sample]], epochs: int) -> list[SampleRun]:
    """Every sample in every epoch, epoch by epoch."""
    return [SampleRun(s, i, epoch) for epoch in range(1, epochs + 1) for i, s in samples]
