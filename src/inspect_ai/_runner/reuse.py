"""Samples an earlier log completed, reused by a retry instead of being run again."""

import logging
from typing import Any

from inspect_ai._dataset.dataset import Dataset
from inspect_ai._log.model.sample import EvalSample, expand_pools
from inspect_ai._log.sample_copy import SampleCopy, SampleKey, read_sample_copies
from inspect_ai._log.validate import validate_python
from inspect_ai._model.usage import ModelUsage
from inspect_ai._runner.sample_run import SampleResult
from inspect_ai._runner.samples import SampleRun
from inspect_ai._scorer.score import Score

logger = logging.getLogger(__name__)


def reusable_samples(location: str, runs: list[SampleRun], dataset: Dataset) -> list[SampleCopy]:
    """The samples among ``runs`` that the log at ``location`` completed without error.

    Samples are matched by id and epoch, so ids must be stable: when the dataset was
    shuffled and some samples have no explicit id (their ids are their positions),
    nothing is reused, with a warning.
    """
    if dataset.shuffled and any(sample.id is None for sample in dataset):
        logger.warning(
            "Not reusing the samples of %s: the dataset is shuffled and its samples have no "
            "explicit ids, so they cannot be matched (give each sample an id).",
            location,
        )
        return []
    wanted = {(run.id, run.epoch) for run in runs}
    return list(read_sample_copies(location, lambda id, epoch: (id, epoch) in wanted))


def reused_keys(copies: list[SampleCopy]) -> set[SampleKey]:
    """The (id, epoch) of each reused sample."""
    return {copy.key for copy in copies}


def copy_result(copy: SampleCopy) -> SampleResult:
    """What the task's results need of a reused sample."""
    scores = copy.data.get("scores") or {}
    return SampleResult(
        id=copy.data["id"],
        metadata=copy.data.get("metadata") or {},
        scores={name: Score.model_validate(score) for name, score in scores.items()},
        failed=False,
    )


def copy_usage(copy: SampleCopy) -> dict[str, ModelUsage]:
    """Model usage of a reused sample."""
    usage: dict[str, Any] = copy.data.get("model_usage") or {}
    return {model: ModelUsage.model_validate(value) for model, value in usage.items()}


def copy_sample(copy: SampleCopy, location: str) -> EvalSample:
    """A reused sample as a model (for logs returned with their samples)."""
    return expand_pools(validate_python(EvalSample, copy.data, location, "sample"))
